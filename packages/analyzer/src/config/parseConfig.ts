import { parseDocument } from 'yaml';
import type { AnalyzerConfig, PathOverride, Severity } from '../types';
import { normalizeRuleReference } from '../suppressions/ruleReference';
import { ConfigError, ConfigProblem } from './ConfigError';
import { describeIssue } from './describeIssue';
import { formatKeyPath } from './keyPath';
import { globProblem } from './pathGlobs';
import { ConfigFile, configSchema } from './schema';
import { toKnowledgeOverrides } from '../knowledge/overridesSchema';

/** Maps a rule id or alias (`hadolint:DL3019`) to our rule id; undefined when no rule has it. @public */
export type RuleIdResolver = (idOrAlias: string) => string | undefined;

type Layer = Pick<AnalyzerConfig, 'ignore' | 'severity'>;

/**
 * Reads `.alpine-advisor.yaml`. An empty file is an empty config. Anything
 * else that is not exactly the documented shape throws a ConfigError naming
 * `sourceName`, the key and the problem. With `resolveRuleId`, rule ids and
 * aliases are checked against the catalog and rewritten to our ids.
 * @public
 */
export function parseConfig(
  yamlText: string,
  sourceName: string,
  resolveRuleId?: RuleIdResolver,
): AnalyzerConfig {
  const raw = readYaml(String(yamlText ?? ''), sourceName);
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(sourceName, [
      {
        keyPath: '',
        message: `expected a mapping of settings at the top level, got ${describeValue(
          raw,
        )}`,
      },
    ]);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      sourceName,
      parsed.error.issues.flatMap(issue => describeIssue(issue)),
    );
  }
  const problems: ConfigProblem[] = [];
  const config = toAnalyzerConfig(parsed.data, resolveRuleId, problems);
  if (problems.length > 0) throw new ConfigError(sourceName, problems);
  return config;
}

function readYaml(text: string, sourceName: string): unknown {
  const document = parseDocument(text, {
    uniqueKeys: true,
    prettyErrors: true,
  });
  if (document.errors.length > 0) {
    throw new ConfigError(
      sourceName,
      document.errors.map(error => {
        const position = error.linePos?.[0];
        const where = position
          ? ` at line ${position.line}, column ${position.col}`
          : '';
        const detail =
          error.code === 'MULTIPLE_DOCS'
            ? 'a config file holds a single YAML document'
            : firstLine(error.message).replace(
                / at line \d+, column \d+:?$/,
                '',
              );
        return { keyPath: '', message: `invalid YAML${where}: ${detail}` };
      }),
    );
  }
  try {
    // The default alias limit keeps a "billion laughs" file from exhausting memory.
    return document.toJS();
  } catch (error) {
    throw new ConfigError(sourceName, [
      {
        keyPath: '',
        message: `invalid YAML: ${firstLine((error as Error).message)}`,
      },
    ]);
  }
}

function toAnalyzerConfig(
  file: ConfigFile,
  resolveRuleId: RuleIdResolver | undefined,
  problems: ConfigProblem[],
): AnalyzerConfig {
  const config: AnalyzerConfig = {
    ...checkedLayer(file, [], resolveRuleId, problems),
  };
  if (file.failOn) config.failOn = file.failOn;
  if (file.knowledge) config.knowledge = toKnowledgeOverrides(file.knowledge);
  if (file.overrides) {
    config.overrides = file.overrides.map((override, index): PathOverride => {
      const path = ['overrides', index];
      override.files.forEach((glob, globIndex) => {
        const problem = globProblem(glob);
        if (problem) {
          problems.push({
            keyPath: formatKeyPath([...path, 'files', globIndex]),
            message: problem,
          });
        }
      });
      return {
        files: override.files,
        ...checkedLayer(override, path, resolveRuleId, problems),
      };
    });
  }
  return config;
}

/** Resolves the rule ids of one `ignore` + `severity` pair and checks they agree. */
function checkedLayer(
  layer: Layer,
  path: Array<string | number>,
  resolveRuleId: RuleIdResolver | undefined,
  problems: ConfigProblem[],
): Layer {
  const resolve = (id: string, keyPath: Array<string | number>) => {
    if (!resolveRuleId) return normalizeRuleReference(id);
    const resolved = resolveRuleId(id);
    if (!resolved) {
      problems.push({
        keyPath: formatKeyPath(keyPath),
        message: `unknown rule "${id}"`,
      });
    }
    return resolved;
  };
  const result: Layer = {};
  const ignored = new Set<string>();
  if (layer.ignore) {
    layer.ignore.forEach((id, index) => {
      const resolved = resolve(id, [...path, 'ignore', index]);
      if (resolved) ignored.add(resolved);
    });
    result.ignore = [...ignored];
  }
  if (layer.severity) {
    // A Map, then fromEntries: a rule id like "__proto__" must stay a plain key.
    const severity = new Map<string, Severity | 'off'>();
    for (const [id, setting] of Object.entries(layer.severity)) {
      const keyPath = [...path, 'severity', id];
      const resolved = resolve(id, keyPath);
      if (!resolved) continue;
      if (ignored.has(resolved) && setting !== 'off') {
        problems.push({
          keyPath: formatKeyPath(keyPath),
          message: `the rule is also listed in ${formatKeyPath([
            ...path,
            'ignore',
          ])}; keep one of the two`,
        });
      } else if (severity.has(resolved) && severity.get(resolved) !== setting) {
        problems.push({
          keyPath: formatKeyPath(keyPath),
          message: `conflicts with another key naming the same rule (${resolved})`,
        });
      }
      severity.set(resolved, setting);
    }
    result.severity = Object.fromEntries(severity);
  }
  return result;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
