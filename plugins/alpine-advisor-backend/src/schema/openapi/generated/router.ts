// Generated from src/schema/openapi.yaml by scripts/generate-openapi-router.js.
// Do not edit: change the YAML and run `yarn generate:openapi` in the plugin folder.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'alpine-advisor',
    version: '1',
    description:
      "Alpine Advisor scans the Dockerfiles of catalog entities for Alpine best\npractices and musl libc risks, and serves the results.\n\nPaths are relative to the plugin's base URL, e.g.\n`http://localhost:7007/api/alpine-advisor`. Every route except `/health`\nneeds a Backstage token (`Authorization: Bearer …`). Reports only include\nentities the caller may read in the catalog.\n",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  tags: [
    {
      name: 'Entity',
    },
    {
      name: 'Report',
    },
    {
      name: 'Rule',
    },
  ],
  components: {
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      owner: {
        name: 'owner',
        in: 'query',
        allowReserved: true,
        description: 'Owner entity refs, e.g. `group:default/team-a`.',
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
      },
      system: {
        name: 'system',
        in: 'query',
        allowReserved: true,
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
      },
      domain: {
        name: 'domain',
        in: 'query',
        allowReserved: true,
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
      },
      lifecycle: {
        name: 'lifecycle',
        in: 'query',
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
      },
      entityKind: {
        name: 'kind',
        in: 'query',
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
      },
      grade: {
        name: 'grade',
        in: 'query',
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/Grade',
          },
        },
      },
      status: {
        name: 'status',
        in: 'query',
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/ScanStatus',
          },
        },
      },
      category: {
        name: 'category',
        in: 'query',
        description:
          'Entities with at least one finding in one of these categories.',
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/Category',
          },
        },
      },
      rule: {
        name: 'rule',
        in: 'query',
        allowReserved: true,
        description:
          'Entities with at least one finding of one of these rules (ids or aliases such as `hadolint:DL3019`).',
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
      },
      severity: {
        name: 'severity',
        in: 'query',
        description:
          'Entities with at least one finding of one of these severities.',
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/Severity',
          },
        },
      },
      stale: {
        name: 'stale',
        in: 'query',
        schema: {
          type: 'boolean',
        },
      },
      compliant: {
        name: 'compliant',
        in: 'query',
        schema: {
          type: 'boolean',
        },
      },
      search: {
        name: 'search',
        in: 'query',
        description:
          "Case-insensitive substring of the entity's name or title.",
        schema: {
          type: 'string',
          maxLength: 200,
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: 'A Backstage error body.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
            required: ['name', 'message'],
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
        required: ['error'],
      },
      Grade: {
        type: 'string',
        enum: ['A', 'B', 'C', 'D', 'F'],
      },
      Severity: {
        type: 'string',
        enum: ['error', 'warning', 'info'],
      },
      Category: {
        type: 'string',
        enum: ['alpine', 'musl', 'hygiene'],
      },
      Libc: {
        type: 'string',
        enum: ['musl', 'glibc', 'none', 'unknown'],
      },
      ScanStatus: {
        type: 'string',
        enum: [
          'ok',
          'pending',
          'disabled',
          'no-source',
          'no-dockerfile',
          'unreadable',
          'refused',
          'rate-limited',
          'timeout',
          'invalid-config',
          'error',
        ],
      },
      GradeCounts: {
        type: 'object',
        additionalProperties: false,
        properties: {
          A: {
            type: 'integer',
          },
          B: {
            type: 'integer',
          },
          C: {
            type: 'integer',
          },
          D: {
            type: 'integer',
          },
          F: {
            type: 'integer',
          },
        },
        required: ['A', 'B', 'C', 'D', 'F'],
      },
      SeverityCounts: {
        type: 'object',
        additionalProperties: false,
        properties: {
          error: {
            type: 'integer',
          },
          warning: {
            type: 'integer',
          },
          info: {
            type: 'integer',
          },
        },
        required: ['error', 'warning', 'info'],
      },
      TextEdit: {
        type: 'object',
        additionalProperties: false,
        properties: {
          line: {
            type: 'integer',
          },
          column: {
            type: 'integer',
          },
          endLine: {
            type: 'integer',
          },
          endColumn: {
            type: 'integer',
          },
          text: {
            type: 'string',
          },
        },
        required: ['line', 'column', 'endLine', 'endColumn', 'text'],
      },
      Fix: {
        type: 'object',
        additionalProperties: false,
        properties: {
          description: {
            type: 'string',
          },
          edits: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TextEdit',
            },
          },
        },
        required: ['description', 'edits'],
      },
      Finding: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ruleId: {
            type: 'string',
          },
          category: {
            $ref: '#/components/schemas/Category',
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
          line: {
            type: 'integer',
          },
          endLine: {
            type: 'integer',
          },
          column: {
            type: 'integer',
          },
          message: {
            type: 'string',
          },
          remediation: {
            type: 'string',
          },
          aliases: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          fix: {
            $ref: '#/components/schemas/Fix',
          },
          fixDiff: {
            type: 'string',
            description:
              "The fix applied to the file as a unified diff, when the file's content is kept.",
          },
        },
        required: [
          'ruleId',
          'category',
          'severity',
          'line',
          'endLine',
          'column',
          'message',
          'remediation',
          'aliases',
        ],
      },
      ScoreDeduction: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ruleId: {
            type: 'string',
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
          category: {
            $ref: '#/components/schemas/Category',
          },
          count: {
            type: 'integer',
          },
          points: {
            type: 'number',
          },
        },
        required: ['ruleId', 'severity', 'category', 'count', 'points'],
      },
      ScoreExplanation: {
        type: 'object',
        additionalProperties: false,
        properties: {
          summary: {
            type: 'string',
          },
          deductions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ScoreDeduction',
            },
          },
          cap: {
            type: 'string',
          },
        },
        required: ['summary', 'deductions'],
      },
      StageSummary: {
        type: 'object',
        additionalProperties: false,
        properties: {
          index: {
            type: 'integer',
          },
          name: {
            type: 'string',
          },
          image: {
            type: 'string',
          },
          parentStage: {
            type: 'string',
          },
          distro: {
            type: 'string',
          },
          libc: {
            $ref: '#/components/schemas/Libc',
          },
          alpineRelease: {
            type: 'string',
          },
          endOfLife: {
            type: 'boolean',
          },
          line: {
            type: 'integer',
          },
          isFinal: {
            type: 'boolean',
          },
          copiesFrom: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              properties: {
                source: {
                  type: 'string',
                },
                sourceLibc: {
                  $ref: '#/components/schemas/Libc',
                },
                paths: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                line: {
                  type: 'integer',
                },
                crossesLibc: {
                  type: 'boolean',
                },
              },
              required: [
                'source',
                'sourceLibc',
                'paths',
                'line',
                'crossesLibc',
              ],
            },
          },
        },
        required: [
          'index',
          'image',
          'distro',
          'libc',
          'line',
          'isFinal',
          'copiesFrom',
        ],
      },
      DockerfileResult: {
        type: 'object',
        additionalProperties: false,
        properties: {
          path: {
            type: 'string',
          },
          score: {
            type: 'integer',
          },
          grade: {
            $ref: '#/components/schemas/Grade',
          },
          usesAlpine: {
            type: 'boolean',
          },
          alpineRelease: {
            type: 'string',
          },
          stages: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/StageSummary',
            },
          },
          explanation: {
            $ref: '#/components/schemas/ScoreExplanation',
          },
          findings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Finding',
            },
          },
          content: {
            type: 'string',
            description:
              'The analysed text; absent when not kept (see contentOmitted) or scanned before contents were kept.',
          },
          contentOmitted: {
            type: 'boolean',
            description:
              'True when the file was larger than 1 MiB or not text, so its content is not kept.',
          },
        },
        required: [
          'path',
          'score',
          'grade',
          'usesAlpine',
          'stages',
          'explanation',
          'findings',
        ],
      },
      EntitySummary: {
        type: 'object',
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          system: {
            type: 'string',
          },
          domain: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          score: {
            type: ['integer', 'null'],
          },
          grade: {
            oneOf: [
              {
                $ref: '#/components/schemas/Grade',
              },
              {
                type: 'null',
              },
            ],
          },
          status: {
            $ref: '#/components/schemas/ScanStatus',
          },
          error: {
            type: 'string',
          },
          stale: {
            type: 'boolean',
          },
          compliant: {
            type: 'boolean',
          },
          lastScannedAt: {
            type: 'string',
            format: 'date-time',
          },
          lastSuccessAt: {
            type: 'string',
            format: 'date-time',
          },
          dockerfileCount: {
            type: 'integer',
          },
          findingCounts: {
            $ref: '#/components/schemas/SeverityCounts',
          },
          muslErrorCount: {
            type: 'integer',
          },
        },
        required: [
          'entityRef',
          'kind',
          'namespace',
          'name',
          'score',
          'grade',
          'status',
          'stale',
          'compliant',
          'dockerfileCount',
          'findingCounts',
          'muslErrorCount',
        ],
      },
      ScanInfo: {
        type: 'object',
        additionalProperties: false,
        properties: {
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          durationMs: {
            type: 'integer',
          },
          trigger: {
            type: 'string',
            enum: ['schedule', 'rescan'],
          },
          revision: {
            type: 'string',
          },
        },
        required: ['startedAt', 'durationMs', 'trigger'],
      },
      EntityReport: {
        type: 'object',
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          system: {
            type: 'string',
          },
          domain: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          score: {
            type: ['integer', 'null'],
          },
          grade: {
            oneOf: [
              {
                $ref: '#/components/schemas/Grade',
              },
              {
                type: 'null',
              },
            ],
          },
          status: {
            $ref: '#/components/schemas/ScanStatus',
          },
          error: {
            type: 'string',
          },
          stale: {
            type: 'boolean',
          },
          compliant: {
            type: 'boolean',
          },
          lastScannedAt: {
            type: 'string',
            format: 'date-time',
          },
          lastSuccessAt: {
            type: 'string',
            format: 'date-time',
          },
          dockerfileCount: {
            type: 'integer',
          },
          findingCounts: {
            $ref: '#/components/schemas/SeverityCounts',
          },
          muslErrorCount: {
            type: 'integer',
          },
          sourceLocation: {
            type: 'string',
          },
          explanation: {
            $ref: '#/components/schemas/ScoreExplanation',
          },
          dockerfiles: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DockerfileResult',
            },
          },
          scan: {
            $ref: '#/components/schemas/ScanInfo',
          },
        },
        required: [
          'entityRef',
          'kind',
          'namespace',
          'name',
          'score',
          'grade',
          'status',
          'stale',
          'compliant',
          'dockerfileCount',
          'findingCounts',
          'muslErrorCount',
          'dockerfiles',
        ],
      },
      ScoreHistoryPoint: {
        type: 'object',
        additionalProperties: false,
        properties: {
          day: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          },
          score: {
            type: 'integer',
          },
          grade: {
            $ref: '#/components/schemas/Grade',
          },
        },
        required: ['day', 'score', 'grade'],
      },
      EntityHistory: {
        type: 'object',
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          points: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ScoreHistoryPoint',
            },
          },
        },
        required: ['entityRef', 'points'],
      },
      RescanResult: {
        type: 'object',
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/ScanStatus',
          },
          error: {
            type: 'string',
          },
          changed: {
            type: 'boolean',
          },
          report: {
            $ref: '#/components/schemas/EntityReport',
          },
        },
        required: ['entityRef', 'status', 'changed', 'report'],
      },
      CompliancePolicy: {
        type: 'object',
        additionalProperties: false,
        properties: {
          minimumGrade: {
            $ref: '#/components/schemas/Grade',
          },
          allowMuslErrors: {
            type: 'boolean',
          },
          description: {
            type: 'string',
          },
        },
        required: ['minimumGrade', 'allowMuslErrors', 'description'],
      },
      RuleTally: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ruleId: {
            type: 'string',
          },
          category: {
            $ref: '#/components/schemas/Category',
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
          entityCount: {
            type: 'integer',
          },
          findingCount: {
            type: 'integer',
          },
        },
        required: [
          'ruleId',
          'category',
          'severity',
          'entityCount',
          'findingCount',
        ],
      },
      ReportSummary: {
        type: 'object',
        additionalProperties: false,
        properties: {
          entityCount: {
            type: 'integer',
          },
          scoredCount: {
            type: 'integer',
          },
          averageScore: {
            type: ['number', 'null'],
          },
          gradeCounts: {
            $ref: '#/components/schemas/GradeCounts',
          },
          compliantCount: {
            type: 'integer',
          },
          compliantShare: {
            type: ['number', 'null'],
          },
          policy: {
            $ref: '#/components/schemas/CompliancePolicy',
          },
          staleCount: {
            type: 'integer',
          },
          failingCount: {
            type: 'integer',
          },
          topRules: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RuleTally',
            },
          },
          muslBreakingRisks: {
            type: 'object',
            additionalProperties: false,
            properties: {
              entityCount: {
                type: 'integer',
              },
              rules: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/RuleTally',
                },
              },
            },
            required: ['entityCount', 'rules'],
          },
        },
        required: [
          'entityCount',
          'scoredCount',
          'averageScore',
          'gradeCounts',
          'compliantCount',
          'compliantShare',
          'policy',
          'staleCount',
          'failingCount',
          'topRules',
          'muslBreakingRisks',
        ],
      },
      Rollup: {
        type: 'object',
        additionalProperties: false,
        properties: {
          key: {
            type: ['string', 'null'],
          },
          entityCount: {
            type: 'integer',
          },
          scoredCount: {
            type: 'integer',
          },
          averageScore: {
            type: ['number', 'null'],
          },
          gradeCounts: {
            $ref: '#/components/schemas/GradeCounts',
          },
          compliantCount: {
            type: 'integer',
          },
          staleCount: {
            type: 'integer',
          },
        },
        required: [
          'key',
          'entityCount',
          'scoredCount',
          'averageScore',
          'gradeCounts',
          'compliantCount',
          'staleCount',
        ],
      },
      OrgReport: {
        type: 'object',
        additionalProperties: false,
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntitySummary',
            },
          },
          page: {
            type: 'integer',
          },
          pageSize: {
            type: 'integer',
          },
          totalCount: {
            type: 'integer',
          },
          summary: {
            $ref: '#/components/schemas/ReportSummary',
          },
          rollups: {
            type: 'object',
            additionalProperties: false,
            properties: {
              groupBy: {
                type: 'string',
                enum: ['owner', 'system', 'domain'],
              },
              groups: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/Rollup',
                },
              },
            },
            required: ['groupBy', 'groups'],
          },
        },
        required: ['items', 'page', 'pageSize', 'totalCount', 'summary'],
      },
      OrgHistoryPoint: {
        type: 'object',
        additionalProperties: false,
        properties: {
          day: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          },
          scannedCount: {
            type: 'integer',
          },
          averageScore: {
            type: 'number',
          },
          compliantCount: {
            type: 'integer',
          },
          compliantShare: {
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
          gradeCounts: {
            $ref: '#/components/schemas/GradeCounts',
          },
        },
        required: [
          'day',
          'scannedCount',
          'averageScore',
          'compliantCount',
          'compliantShare',
          'gradeCounts',
        ],
      },
      OrgHistory: {
        type: 'object',
        additionalProperties: false,
        properties: {
          policy: {
            $ref: '#/components/schemas/CompliancePolicy',
          },
          points: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OrgHistoryPoint',
            },
          },
        },
        required: ['policy', 'points'],
      },
      RuleDescription: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          category: {
            $ref: '#/components/schemas/Category',
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
          rationale: {
            type: 'string',
          },
          remediation: {
            type: 'string',
          },
          references: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          aliases: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          fixable: {
            type: 'boolean',
          },
          scope: {
            type: 'string',
            enum: ['alpine', 'any'],
          },
          docs: {
            type: 'string',
          },
        },
        required: [
          'id',
          'title',
          'category',
          'severity',
          'rationale',
          'remediation',
          'references',
          'aliases',
          'fixable',
          'scope',
          'docs',
        ],
      },
      RuleList: {
        type: 'object',
        additionalProperties: false,
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RuleDescription',
            },
          },
        },
        required: ['items'],
      },
    },
  },
  paths: {
    '/health': {
      get: {
        operationId: 'GetHealth',
        description: 'Liveness of the plugin; needs no token.',
        responses: {
          '200': {
            description: 'The plugin is up.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    status: {
                      type: 'string',
                      enum: ['ok'],
                    },
                  },
                  required: ['status'],
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}': {
      get: {
        operationId: 'GetEntityReport',
        tags: ['Entity'],
        description:
          "The entity's latest report, with findings per Dockerfile, remediation and fixes, scan status and staleness.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The report.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityReport',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/history': {
      get: {
        operationId: 'GetEntityHistory',
        tags: ['Entity'],
        description: "The entity's score per day, oldest first.",
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'days',
            in: 'query',
            description: 'Only the last `days` days.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 3660,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The history.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityHistory',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/rescan': {
      post: {
        operationId: 'RescanEntity',
        tags: ['Entity'],
        description:
          'Scans the entity now. Needs `alpine-advisor.scan.trigger`; audited; rate-limited per entity.',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The scan ran; its result and the updated report.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RescanResult',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '429': {
            description:
              'Rescanned too recently; `Retry-After` says when to try again.',
            headers: {
              'Retry-After': {
                schema: {
                  type: 'integer',
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/report': {
      get: {
        operationId: 'GetReport',
        tags: ['Report'],
        description:
          'The org-wide report: a page of entities (filtered, sorted, paged in\nthe database), a summary over every matching entity, and optional\nrollups by owner, system or domain. Values within one filter are OR-ed;\ndifferent filters are AND-ed.\n',
        parameters: [
          {
            $ref: '#/components/parameters/owner',
          },
          {
            $ref: '#/components/parameters/system',
          },
          {
            $ref: '#/components/parameters/domain',
          },
          {
            $ref: '#/components/parameters/lifecycle',
          },
          {
            $ref: '#/components/parameters/entityKind',
          },
          {
            $ref: '#/components/parameters/grade',
          },
          {
            $ref: '#/components/parameters/status',
          },
          {
            $ref: '#/components/parameters/category',
          },
          {
            $ref: '#/components/parameters/rule',
          },
          {
            $ref: '#/components/parameters/severity',
          },
          {
            $ref: '#/components/parameters/stale',
          },
          {
            $ref: '#/components/parameters/compliant',
          },
          {
            $ref: '#/components/parameters/search',
          },
          {
            name: 'sort',
            in: 'query',
            schema: {
              type: 'string',
              enum: [
                'score',
                'grade',
                'name',
                'owner',
                'system',
                'lastScanned',
                'findings',
              ],
            },
          },
          {
            name: 'order',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['asc', 'desc'],
            },
          },
          {
            name: 'page',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000000,
            },
          },
          {
            name: 'pageSize',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
            },
          },
          {
            name: 'groupBy',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['owner', 'system', 'domain'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'The report.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/OrgReport',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/report/history': {
      get: {
        operationId: 'GetReportHistory',
        tags: ['Report'],
        description:
          'The org trend: per UTC day, the services scanned that day among those\nmatching the filters (by their current state) that the caller may\nread, their average score, how many met the compliance policy and\ntheir grades. Computed in the database from the daily score history.\n',
        parameters: [
          {
            name: 'days',
            in: 'query',
            description: 'Only the last `days` days (default 90).',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 3660,
            },
          },
          {
            $ref: '#/components/parameters/owner',
          },
          {
            $ref: '#/components/parameters/system',
          },
          {
            $ref: '#/components/parameters/domain',
          },
          {
            $ref: '#/components/parameters/lifecycle',
          },
          {
            $ref: '#/components/parameters/entityKind',
          },
          {
            $ref: '#/components/parameters/grade',
          },
          {
            $ref: '#/components/parameters/status',
          },
          {
            $ref: '#/components/parameters/category',
          },
          {
            $ref: '#/components/parameters/rule',
          },
          {
            $ref: '#/components/parameters/severity',
          },
          {
            $ref: '#/components/parameters/stale',
          },
          {
            $ref: '#/components/parameters/compliant',
          },
          {
            $ref: '#/components/parameters/search',
          },
        ],
        responses: {
          '200': {
            description: 'The daily points, oldest first.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/OrgHistory',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/report/export': {
      get: {
        operationId: 'ExportReport',
        tags: ['Report'],
        description:
          'Every entity matching the filters, streamed as CSV or as a JSON array.',
        parameters: [
          {
            name: 'format',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              enum: ['csv', 'json'],
            },
          },
          {
            $ref: '#/components/parameters/owner',
          },
          {
            $ref: '#/components/parameters/system',
          },
          {
            $ref: '#/components/parameters/domain',
          },
          {
            $ref: '#/components/parameters/lifecycle',
          },
          {
            $ref: '#/components/parameters/entityKind',
          },
          {
            $ref: '#/components/parameters/grade',
          },
          {
            $ref: '#/components/parameters/status',
          },
          {
            $ref: '#/components/parameters/category',
          },
          {
            $ref: '#/components/parameters/rule',
          },
          {
            $ref: '#/components/parameters/severity',
          },
          {
            $ref: '#/components/parameters/stale',
          },
          {
            $ref: '#/components/parameters/compliant',
          },
          {
            $ref: '#/components/parameters/search',
          },
        ],
        responses: {
          '200': {
            description: 'The export.',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
              'application/json': {
                schema: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/EntitySummary',
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/rules': {
      get: {
        operationId: 'ListRules',
        tags: ['Rule'],
        description:
          'The rule catalog with docs, built-in and added by modules.',
        responses: {
          '200': {
            description: 'The rules.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RuleList',
                },
              },
            },
          },
        },
      },
    },
    '/rules/{id}': {
      get: {
        operationId: 'GetRule',
        tags: ['Rule'],
        description: 'One rule by id or alias (e.g. `hadolint:DL3019`).',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The rule.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RuleDescription',
                },
              },
            },
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
