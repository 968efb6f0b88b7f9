import type {
  Analyzer,
  AnalyzerConfig,
  KnowledgeOverrides,
} from '@alpine-advisor/analyzer';
import type { ReportFilter } from '@alpine-advisor/backstage-plugin-common';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { AccessControl } from '../service/AccessControl';
import type { ReportService } from '../service/report/ReportService';
import { analyseDockerfiles } from '../scanner/analyseDockerfiles';
import type { FileAnalysis } from '../scanner/analysis/FileAnalysis';
import { MAX_STORED_CONTENT_BYTES } from '../scanner/storableContent';
import { entityKey } from '../catalog/entityMetadata';
import {
  analysisOutputSchema,
  entityReportSchema,
  entitySummarySchema,
  ruleSchema,
} from './schemas';

/** The most services `list-worst-services` returns at once. */
export const MAX_WORST_SERVICES = 50;

export interface AlpineAdvisorActionsOptions {
  actionsRegistry: ActionsRegistryService;
  access: AccessControl;
  reports: ReportService;
  /** The analyzer the scans use (with the rules modules added). */
  analyzer: Analyzer;
  /** The scans' analysis step (worker threads when available). */
  analysis: FileAnalysis;
  /** The organisation's `alpineAdvisor.rules`, as the scans apply them. */
  organisationConfig: AnalyzerConfig;
  /** The knowledge layers the scans analyse with. */
  knowledge: { layers(): Promise<KnowledgeOverrides[]> };
  now?: () => Date;
}

/**
 * The plugin's actions in Backstage's actions registry (served to agents
 * over MCP by `@backstage/plugin-mcp-actions-backend`). Each one checks what
 * the HTTP API checks for the same data, with the caller's credentials:
 * reports need `alpine-advisor.report.read` and the entity's
 * `catalog.entity.read` (hidden and unknown entities are both "not found");
 * the rule catalog and the analysis of a given text read no stored data.
 */
export function registerAlpineAdvisorActions(
  options: AlpineAdvisorActionsOptions,
): void {
  const { actionsRegistry, access, reports, analyzer, analysis } = options;
  const now = options.now ?? (() => new Date());

  actionsRegistry.register({
    name: 'analyze-dockerfile',
    title: 'Analyze a Dockerfile',
    description: `Analyzes the text of a Dockerfile for Alpine practices and musl libc risks, with the organisation's rule settings, and returns its score, grade, build stages and findings (each with the rule, line, message, remediation and, when the rule can fix it, a unified diff). Nothing is stored. Use explain-rule for a finding's rule documentation.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          content: z
            .string()
            .min(1)
            .describe('The Dockerfile text, as in the file (at most 1 MiB).'),
          path: z
            .string()
            .min(1)
            .max(1024)
            .optional()
            .describe(
              'The file path, for messages and fix diffs; defaults to "Dockerfile".',
            ),
        }),
      output: analysisOutputSchema,
    },
    examples: [
      {
        title: 'A Dockerfile without --no-cache',
        input: {
          content: 'FROM alpine:3.20\nRUN apk add curl\n',
          path: 'Dockerfile',
        },
      },
    ],
    action: async ({ input }) => {
      if (Buffer.byteLength(input.content, 'utf8') > MAX_STORED_CONTENT_BYTES) {
        throw new InputError(
          `The Dockerfile is larger than ${MAX_STORED_CONTENT_BYTES} bytes, the analyzer's limit`,
        );
      }
      const path = input.path ?? 'Dockerfile';
      const analysed = await analyseDockerfiles(
        analysis,
        [
          {
            path,
            content: input.content,
            config: options.organisationConfig,
            knowledge: await options.knowledge.layers(),
          },
        ],
        now(),
      );
      const [file] = analysed.files;
      return {
        output: asOutput({
          path: file.path,
          score: file.score,
          grade: file.grade,
          usesAlpine: file.usesAlpine,
          stages: file.stages,
          explanation: file.explanation,
          findings: file.findings,
          knowledgeVersion: file.knowledgeVersion,
        }),
      };
    },
  });

  actionsRegistry.register({
    name: 'get-entity-report',
    title: 'Get an entity report',
    description: `Returns the stored Alpine Advisor report of a catalog entity: its service score and grade, compliance, scan status, and for each Dockerfile its score, build stages and findings. The entity ref is kind:namespace/name; kind defaults to component and namespace to default.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe(
              'The entity, e.g. "component:default/orders" or "orders".',
            ),
        }),
      output: z => z.object({ report: entityReportSchema(z) }),
    },
    examples: [
      {
        title: 'The report of a component',
        input: { entityRef: 'component:default/orders' },
      },
    ],
    action: async ({ input, credentials }) => {
      await access.requireReportRead(credentials);
      const entityRef = entityRefOf(input.entityRef, 'component');
      // Hidden and unknown entities both answer "not found", as the API does.
      if (!(await access.visibleEntity(entityRef, credentials))) {
        throw new NotFoundError(`No entity ${entityRef} in the catalog`);
      }
      const report = await reports.getEntityReport(entityRef);
      if (!report) {
        throw new NotFoundError(`${entityRef} has not been scanned yet`);
      }
      return { output: asOutput({ report }) };
    },
  });

  actionsRegistry.register({
    name: 'explain-rule',
    title: 'Explain a rule',
    description: `Explains an Alpine Advisor rule: what it checks, why it matters, how to fix it (Markdown docs with a bad and a good example), its severity, category and references. Accepts the rule id (e.g. apk-no-cache) or a peer tool's alias (e.g. hadolint:DL3019).`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          ruleId: z
            .string()
            .min(1)
            .describe('A rule id or alias, e.g. "apk-no-cache".'),
        }),
      output: z => z.object({ rule: ruleSchema(z) }),
    },
    examples: [{ title: 'A rule by id', input: { ruleId: 'apk-no-cache' } }],
    action: async ({ input }) => {
      const rule = analyzer.getRule(input.ruleId.trim());
      if (!rule) {
        throw new NotFoundError(
          `No rule "${input.ruleId}"; the rule ids are listed at GET /api/alpine-advisor/rules`,
        );
      }
      return { output: asOutput({ rule }) };
    },
  });

  actionsRegistry.register({
    name: 'list-worst-services',
    title: 'List the worst services',
    description: `Lists the scored catalog entities with the lowest Alpine Advisor scores, worst first, in a scope: owners, systems, domains, kinds and lifecycles (each a list; values within one are alternatives, as in the org report). Owners, systems and domains are entity refs; a bare name means group:default/NAME, system:default/NAME, domain:default/NAME. Only the entities the caller may see in the catalog are counted.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          owner: z
            .array(z.string().min(1))
            .optional()
            .describe('Owner refs, e.g. "group:default/team-payments".'),
          system: z.array(z.string().min(1)).optional(),
          domain: z.array(z.string().min(1)).optional(),
          kind: z
            .array(z.string().min(1))
            .optional()
            .describe('Entity kinds, e.g. "Component".'),
          lifecycle: z
            .array(z.string().min(1))
            .optional()
            .describe('Lifecycles, e.g. "production".'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(MAX_WORST_SERVICES)
            .optional()
            .describe(
              `How many to return, 1 to ${MAX_WORST_SERVICES}; defaults to 10.`,
            ),
        }),
      output: z =>
        z.object({
          items: z.array(entitySummarySchema(z)),
          totalCount: z
            .number()
            .describe('Scored entities in the scope the caller may see.'),
          averageScore: z.number().nullable(),
          compliancePolicy: z.string(),
        }),
    },
    examples: [
      {
        title: "A team's five worst services",
        input: { owner: ['group:default/team-payments'], limit: 5 },
      },
    ],
    action: async ({ input, credentials }) => {
      await access.requireReportRead(credentials);
      const filter: ReportFilter = {
        // Scored entities only: never-scanned ones are not "worst".
        grade: ['A', 'B', 'C', 'D', 'F'],
      };
      if (input.owner) filter.owner = refsOf(input.owner, 'group');
      if (input.system) filter.system = refsOf(input.system, 'system');
      if (input.domain) filter.domain = refsOf(input.domain, 'domain');
      if (input.kind) filter.kind = input.kind;
      if (input.lifecycle) filter.lifecycle = input.lifecycle;
      const report = await reports.queryReport(
        {
          ...filter,
          sort: 'score',
          order: 'asc',
          page: 1,
          pageSize: input.limit ?? 10,
        },
        await access.visibility(credentials),
      );
      return {
        output: asOutput({
          items: report.items,
          totalCount: report.totalCount,
          averageScore: report.summary.averageScore,
          compliancePolicy: report.summary.policy.description,
        }),
      };
    },
  });
}

/** A full lower-case entity ref; a bare name gets `defaultKind` and the default namespace. */
function entityRefOf(value: string, defaultKind: string): string {
  let parsed;
  try {
    parsed = parseEntityRef(value.trim(), {
      defaultKind,
      defaultNamespace: 'default',
    });
  } catch {
    parsed = undefined;
  }
  // parseEntityRef leaves ":" and "/" in names ("a:b:c", "x:default/a/b").
  if (
    !parsed ||
    [parsed.kind, parsed.namespace, parsed.name].some(part =>
      /[:/\s]/.test(part),
    )
  ) {
    throw new InputError(
      `"${value.slice(
        0,
        80,
      )}" is no entity ref: kind:namespace/name, or namespace/name, or a name (kind ${defaultKind}, namespace default)`,
    );
  }
  return entityKey(stringifyEntityRef(parsed));
}

function refsOf(values: string[], defaultKind: string): string[] {
  return values.map(value => entityRefOf(value, defaultKind));
}

/**
 * The API's models as an action's output. They are interfaces (no index
 * signature), the schemas' objects pass unnamed fields through; the registry
 * checks the output against the schema when the action returns.
 */
function asOutput<T>(value: object): T {
  return value as T;
}
