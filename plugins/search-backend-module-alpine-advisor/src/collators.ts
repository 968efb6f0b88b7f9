import {
  ALPINE_ADVISOR_PLUGIN_ID,
  AlpineAdvisorClient,
  type EntitySummary,
} from '@alpine-advisor/backstage-plugin-common';
import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import type { IndexableDocument } from '@backstage/plugin-search-common';
import { Readable } from 'stream';

/** Search type of the rule documents. @public */
export const ALPINE_ADVISOR_RULE_DOCUMENT_TYPE = 'alpine-advisor-rule';
/** Search type of the per-entity findings documents. @public */
export const ALPINE_ADVISOR_FINDINGS_DOCUMENT_TYPE = 'alpine-advisor-findings';

/** A rule of the catalog in the search index. @public */
export interface AlpineAdvisorRuleDocument extends IndexableDocument {
  ruleId: string;
  category: string;
  severity: string;
  aliases: string[];
}

/** One entity's findings in the search index. @public */
export interface AlpineAdvisorFindingsDocument extends IndexableDocument {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  owner?: string;
  grade: string | null;
  score: number | null;
  ruleIds: string[];
}

/** Where the documents link to, in the app. @public */
export interface AlpineAdvisorSearchLocations {
  /** The rule docs; `{ruleId}` is replaced. Default `/alpine-advisor/rules#{ruleId}`. */
  rule: string;
  /** The entity tab; `{kind}`, `{namespace}`, `{name}` are replaced. Default `/catalog/{namespace}/{kind}/{name}/alpine-advisor`. */
  entity: string;
}

/** @public */
export const DEFAULT_ALPINE_ADVISOR_SEARCH_LOCATIONS: AlpineAdvisorSearchLocations =
  {
    rule: '/alpine-advisor/rules#{ruleId}',
    entity: '/catalog/{namespace}/{kind}/{name}/alpine-advisor',
  };

/** The largest page `GET /report` serves. */
const PAGE_SIZE = 500;
/** Entity reports read at once. */
const CONCURRENCY = 5;

/** What the collator factories need. @public */
export interface AlpineAdvisorCollatorOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  /** Overrides of {@link DEFAULT_ALPINE_ADVISOR_SEARCH_LOCATIONS}. */
  locations?: Partial<AlpineAdvisorSearchLocations>;
}

async function clientWithToken(options: AlpineAdvisorCollatorOptions) {
  const client = new AlpineAdvisorClient({ discoveryApi: options.discovery });
  const { token } = await options.auth.getPluginRequestToken({
    onBehalfOf: await options.auth.getOwnServiceCredentials(),
    targetPluginId: ALPINE_ADVISOR_PLUGIN_ID,
  });
  return { client, token };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? encodeURIComponent(values[key]) : whole,
  );
}

/**
 * The rule catalog (`GET /rules`): id, title, aliases and why it matters,
 * each linking to the rule's docs on the plugin's rules page. Rules are no
 * stored data (the API serves them to any signed-in caller): no permission.
 * @public
 */
export class AlpineAdvisorRuleCollatorFactory
  implements DocumentCollatorFactory
{
  readonly type = ALPINE_ADVISOR_RULE_DOCUMENT_TYPE;

  constructor(private readonly options: AlpineAdvisorCollatorOptions) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<AlpineAdvisorRuleDocument> {
    const { client, token } = await clientWithToken(this.options);
    const template =
      this.options.locations?.rule ??
      DEFAULT_ALPINE_ADVISOR_SEARCH_LOCATIONS.rule;
    for (const rule of await client.listRules({ token })) {
      yield {
        title: `${rule.title} (${rule.id})`,
        text: [rule.id, ...rule.aliases, rule.rationale, rule.remediation].join(
          '\n',
        ),
        location: fill(template, { ruleId: rule.id }),
        ruleId: rule.id,
        category: rule.category,
        severity: rule.severity,
        aliases: rule.aliases,
      };
    }
  }
}

/**
 * Each scanned entity with findings: its ref, the rule ids and the finding
 * messages, linking to the entity's Alpine Advisor tab. Read through the API
 * as the search plugin's service (the org report in pages of 500, then each
 * entity's report). Every document carries `authorization.resourceRef` = the
 * entity ref and the type's visibility permission is `catalog.entity.read`,
 * so the search backend shows a user only the entities the catalog lets
 * them read.
 * @public
 */
export class AlpineAdvisorFindingsCollatorFactory
  implements DocumentCollatorFactory
{
  readonly type = ALPINE_ADVISOR_FINDINGS_DOCUMENT_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;

  constructor(private readonly options: AlpineAdvisorCollatorOptions) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<AlpineAdvisorFindingsDocument> {
    const { client, token } = await clientWithToken(this.options);
    const template =
      this.options.locations?.entity ??
      DEFAULT_ALPINE_ADVISOR_SEARCH_LOCATIONS.entity;
    const withFindings: EntitySummary[] = [];
    for (let page = 1; ; page++) {
      const report = await client.getReport(
        { sort: 'name', order: 'asc', page, pageSize: PAGE_SIZE },
        { token },
      );
      withFindings.push(
        ...report.items.filter(
          item =>
            item.findingCounts.error +
              item.findingCounts.warning +
              item.findingCounts.info >
            0,
        ),
      );
      if (report.items.length < PAGE_SIZE) break;
    }
    let count = 0;
    for (let start = 0; start < withFindings.length; start += CONCURRENCY) {
      const batch = withFindings.slice(start, start + CONCURRENCY);
      const reports = await Promise.all(
        batch.map(summary =>
          client.getEntityReport(
            {
              kind: summary.kind,
              namespace: summary.namespace,
              name: summary.name,
            },
            { token },
          ),
        ),
      );
      for (const report of reports) {
        if (!report) continue; // gone since the report page was read
        const findings = report.dockerfiles.flatMap(file =>
          file.findings.map(finding => ({ file: file.path, finding })),
        );
        const ruleIds = [...new Set(findings.map(f => f.finding.ruleId))];
        count++;
        yield {
          title: `${report.title ?? report.name}: Alpine Advisor findings`,
          text: [
            report.entityRef,
            ...ruleIds,
            ...findings.map(
              ({ file, finding }) =>
                `${file}:${finding.line} ${finding.ruleId}: ${finding.message}`,
            ),
          ].join('\n'),
          location: fill(template, {
            kind: report.kind.toLocaleLowerCase('en-US'),
            namespace: report.namespace,
            name: report.name,
          }),
          authorization: { resourceRef: report.entityRef },
          entityRef: report.entityRef,
          kind: report.kind,
          namespace: report.namespace,
          name: report.name,
          owner: report.owner,
          grade: report.grade,
          score: report.score,
          ruleIds,
        };
      }
    }
    this.options.logger.info(
      `Alpine Advisor search: findings of ${count} entities collated`,
    );
  }
}
