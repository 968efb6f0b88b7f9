import { pathToFileURL } from 'node:url';
import {
  Finding,
  listRules,
  RuleDescription,
  ruleMessages,
  Severity,
} from '@alpine-advisor/analyzer';
import type * as Sarif from 'sarif';
import type { FormatContext } from './FormatContext';
import { ruleDocsUrl } from './ruleDocsUrl';

const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

const LEVELS: Record<Severity, Sarif.Result.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps):
 * every rule with its docs, one result per finding with a 1-based region,
 * and the mechanical fix as replacements. Files that could not be analysed
 * appear as tool notifications, so nothing is silently dropped.
 */
export function formatSarif(context: FormatContext): string {
  return `${JSON.stringify(buildSarifLog(context), null, 2)}\n`;
}

export function buildSarifLog(context: FormatContext): Sarif.Log {
  const catalog = listRules();
  const rules = catalog.map(rule => describeRule(rule, context.docsBaseUrl));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: Sarif.Result[] = [];
  for (const file of context.report.files) {
    for (const finding of file.findings) {
      if (!ruleIndex.has(finding.ruleId)) {
        // A finding outside the catalog (e.g. a newer analyzer) still needs a descriptor.
        ruleIndex.set(finding.ruleId, rules.length);
        rules.push(describeUnknownRule(finding));
      }
      results.push(
        toResult(finding, file.path, ruleIndex.get(finding.ruleId)!),
      );
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'alpine-advisor',
            fullName: 'Alpine Advisor',
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            informationUri: context.docsBaseUrl,
            rules,
            ...(context.report.knowledge
              ? {
                  properties: {
                    knowledgeVersion: context.report.knowledge.version,
                    knowledgeAsOf: context.report.knowledge.asOf,
                    knowledgeOrigin: context.report.knowledge.origin,
                    alpineReleasesAsOf: context.report.knowledge.releasesAsOf,
                  },
                }
              : {}),
          },
        },
        originalUriBaseIds: {
          [SOURCE_ROOT]: { uri: directoryUri(context.cwd) },
        },
        invocations: [
          {
            executionSuccessful: context.problems.length === 0,
            toolExecutionNotifications: context.problems.map(problem => ({
              level: 'error',
              message: { text: problem },
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function describeRule(
  rule: RuleDescription,
  docsBaseUrl: string,
): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: {
      text: plainText(rule.rationale),
      markdown: rule.rationale,
    },
    help: {
      text: plainText(`${rule.rationale}\n\nFix: ${rule.remediation}`),
      markdown: rule.docs,
    },
    helpUri: ruleDocsUrl(rule, docsBaseUrl),
    ...messageStringsOf(rule),
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: {
      tags: [rule.category, ...rule.aliases],
      category: rule.category,
      aliases: rule.aliases,
      fixable: rule.fixable,
    },
  };
}

function describeUnknownRule(finding: Finding): Sarif.ReportingDescriptor {
  return {
    id: finding.ruleId,
    shortDescription: { text: finding.ruleId },
    defaultConfiguration: { level: LEVELS[finding.severity] },
    properties: { tags: [finding.category, ...finding.aliases] },
  };
}

function toResult(
  finding: Finding,
  filePath: string,
  ruleIndex: number,
): Sarif.Result {
  const artifactLocation = artifactLocationOf(filePath);
  const result: Sarif.Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: {
            startLine: Math.max(1, finding.line),
            startColumn: Math.max(1, finding.column),
            endLine: Math.max(finding.line, finding.endLine, 1),
          },
        },
      },
    ],
    properties: {
      category: finding.category,
      aliases: finding.aliases,
      remediation: finding.remediation,
      ...(finding.enforced ? { enforced: true } : {}),
      ...(finding.suppressionAttempts
        ? { suppressionAttempts: finding.suppressionAttempts }
        : {}),
    },
  };
  if (finding.fix && finding.fix.edits.length > 0) {
    result.fixes = [
      {
        description: { text: finding.fix.description },
        artifactChanges: [
          {
            artifactLocation,
            replacements: finding.fix.edits.map(edit => ({
              deletedRegion: {
                startLine: edit.line,
                startColumn: edit.column,
                endLine: edit.endLine,
                endColumn: edit.endColumn,
              },
              insertedContent: { text: edit.text },
            })),
          },
        ],
      },
    ];
  }
  return result;
}

/** Relative report paths resolve against %SRCROOT%; absolute ones become file URIs. */
function artifactLocationOf(filePath: string): Sarif.ArtifactLocation {
  if (filePath.startsWith('/') || /^[A-Za-z]:[\\/]/.test(filePath)) {
    return { uri: pathToFileURL(filePath).href };
  }
  return {
    uri: filePath.split(/[\\/]/).map(encodeURIComponent).join('/'),
    uriBaseId: SOURCE_ROOT,
  };
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(part => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** SARIF `text` fields are plain: drop Markdown code ticks and emphasis. */
function plainText(markdown: string): string {
  return markdown
    .replace(/`+/g, '')
    .replace(/\*\*?|__/g, '')
    .trim();
}

/**
 * The rule's message templates (`meta.messages`) as SARIF `messageStrings`:
 * `{{name}}` placeholders become `{0}`, `{1}`… in order of first use, and
 * literal braces are doubled (SARIF 2.1.0 §3.11.5). Results still carry their
 * message as text.
 */
function messageStringsOf(
  rule: RuleDescription,
): Pick<Sarif.ReportingDescriptor, 'messageStrings'> {
  const messages = ruleMessages(rule.id);
  if (!messages || Object.keys(messages).length === 0) return {};
  const messageStrings: Record<string, Sarif.MultiformatMessageString> = {};
  for (const [id, template] of Object.entries(messages)) {
    const names: string[] = [];
    const text = template
      .split(/(\{\{\s*[A-Za-z_$][\w$]*\s*\}\})/)
      .map((part, index) => {
        if (index % 2 === 0)
          return part.replace(/[{}]/g, brace => brace + brace);
        const name = part.slice(2, -2).trim();
        if (!names.includes(name)) names.push(name);
        return `{${names.indexOf(name)}}`;
      })
      .join('');
    messageStrings[id] = { text };
  }
  return { messageStrings };
}
