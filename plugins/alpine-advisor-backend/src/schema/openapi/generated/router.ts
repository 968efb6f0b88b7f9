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
    {
      name: 'Waiver',
    },
    {
      name: 'Campaign',
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
      suppressed: {
        name: 'suppressed',
        in: 'query',
        description:
          'true, services that silence findings (their config, inline comments or waivers); false, those that silence none.',
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
        description: 'Letter grade of a score, A (90–100) to F.',
        enum: ['A', 'B', 'C', 'D', 'F'],
      },
      Severity: {
        type: 'string',
        description:
          'How bad a finding is: `error` breaks the build or the container at runtime; `warning` wastes size, time or safety, or breaks in some conditions; `info` is advice.',
        enum: ['error', 'warning', 'info'],
      },
      Category: {
        type: 'string',
        description:
          'Rule category, Alpine practice, musl libc risk or general hygiene.',
        enum: ['alpine', 'musl', 'hygiene'],
      },
      Libc: {
        type: 'string',
        description:
          "The C library a build stage's binaries run against; `none` for scratch or static-only distroless.",
        enum: ['musl', 'glibc', 'none', 'unknown'],
      },
      ScanStatus: {
        type: 'string',
        description:
          "The outcome of an entity's latest scan attempt.\n- `ok`: its Dockerfiles were read and analysed.\n- `pending`: known to the store, not scanned yet.\n- `disabled`: opted out with the `alpine-advisor.io/disabled` annotation.\n- `refused`: a source the scanner may not read by policy; nothing is read or kept.\n- every other value is a failure; the last good result, if any, is kept and marked stale.\n",
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
      ScanTrigger: {
        type: 'string',
        description:
          "What started a scan; `knowledge` means stored files analysed again after a knowledge refresh changed a verdict, `waiver` analysed again because a waiver was recorded, approved, revoked or expired, `event` a push to the entity's repository that changed its Dockerfiles or config (`alpineAdvisor.events`).",
        enum: ['schedule', 'rescan', 'knowledge', 'waiver', 'event'],
      },
      ReportSortField: {
        type: 'string',
        description: 'Sort keys of the org report.',
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
      RollupDimension: {
        type: 'string',
        description: 'Groupings for org report rollups.',
        enum: ['owner', 'system', 'domain'],
      },
      ReportExportFormat: {
        type: 'string',
        description: 'Export formats of `GET /report/export`.',
        enum: ['csv', 'json'],
      },
      GradeCounts: {
        type: 'object',
        description: 'How many entities have each grade.',
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
        description: 'Finding counts by severity.',
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
        description:
          'One text replacement of a fix; lines and columns are 1-based, the end column exclusive, and ranges refer to the original text.',
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
        description:
          'A mechanical fix of a finding, as text edits on the original file.',
        additionalProperties: false,
        properties: {
          description: {
            type: 'string',
            description: 'Imperative, e.g. "Add --no-cache to apk add".',
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
      FindingEvidence: {
        type: 'object',
        description: "One fact's say on a finding.",
        additionalProperties: false,
        properties: {
          source: {
            type: 'string',
            description:
              'Where the fact came from: a build-context file (`package-lock.json`, `uv.lock`, `.dockerignore`, `build context`) or `image`.',
          },
          verdict: {
            type: 'string',
            enum: ['confirmed', 'refuted', 'not-seen'],
            description:
              '`confirmed`: the fact shows the problem; `refuted`: it shows the problem cannot happen; `not-seen`: the built image was inspected and shows nothing of it.',
          },
          detail: {
            type: 'string',
            description:
              'What the fact is, briefly (e.g. `locks @img/sharp-linux-x64 but not @img/sharp-linuxmusl-x64`).',
          },
        },
        required: ['source', 'verdict', 'detail'],
      },
      Finding: {
        type: 'object',
        description:
          'One finding of a rule in a Dockerfile, as the API reports it.',
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
            description: '1-based.',
          },
          endLine: {
            type: 'integer',
          },
          column: {
            type: 'integer',
            description: '1-based.',
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
            description:
              "Peer tools' ids for the same problem, e.g. `hadolint:DL3019`, `trivy:DS-0025`.",
          },
          fix: {
            $ref: '#/components/schemas/Fix',
          },
          fixDiff: {
            type: 'string',
            description:
              "The finding's fix applied to the file, as a unified diff (`--- a/…`, `+++ b/…`, hunks), when it has a fix and the file's content is kept.",
          },
          enforced: {
            type: 'boolean',
            description:
              'The organisation enforces this rule (alpineAdvisor.rules.enforce); repository config and suppression comments cannot ignore or downgrade it, and it cannot be waived.',
          },
          suppressionAttempts: {
            type: 'array',
            description:
              'Attempts to ignore or downgrade this enforced finding, which did not apply.',
            items: {
              $ref: '#/components/schemas/SuppressionAttempt',
            },
          },
          fingerprint: {
            type: 'string',
            description:
              "The finding's identity across edits (path, rule, instruction text); a waiver of one finding names it.",
          },
          waived: {
            type: 'object',
            additionalProperties: false,
            description:
              'A waiver covered this finding when it was analysed; it cost no points.',
            properties: {
              waiverId: {
                type: 'string',
              },
              expiresAt: {
                type: 'string',
              },
            },
            required: ['waiverId', 'expiresAt'],
          },
          evidence: {
            type: 'array',
            description:
              'The facts that confirmed or refuted this finding: a build-context file read at scan time (`package-lock.json`, `go.mod`, `.dockerignore`…), and in entity reports the latest image report ingested for the Dockerfile (`source: image`).',
            items: {
              $ref: '#/components/schemas/FindingEvidence',
            },
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
      WaiverStatus: {
        type: 'string',
        enum: ['pending', 'active', 'revoked', 'expired'],
        description:
          'pending awaits approval (alpineAdvisor.waivers.requireApproval); expired is active past its expiry.',
      },
      Waiver: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          ruleId: {
            type: 'string',
          },
          fingerprint: {
            type: 'string',
          },
          reason: {
            type: 'string',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
          status: {
            $ref: '#/components/schemas/WaiverStatus',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          approvedBy: {
            type: 'string',
          },
          approvedAt: {
            type: 'string',
            format: 'date-time',
          },
          revokedBy: {
            type: 'string',
          },
          revokedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: [
          'id',
          'entityRef',
          'ruleId',
          'reason',
          'expiresAt',
          'status',
          'createdBy',
          'createdAt',
        ],
      },
      NewWaiver: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ruleId: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
          fingerprint: {
            type: 'string',
            pattern: '^[0-9a-f]{16}$',
            description:
              "One finding's fingerprint; every finding of the rule on the entity when omitted.",
          },
          reason: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
            description:
              'In the future, at most alpineAdvisor.waivers.maxDays ahead.',
          },
        },
        required: ['ruleId', 'reason', 'expiresAt'],
      },
      WaiverList: {
        type: 'object',
        additionalProperties: false,
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Waiver',
            },
          },
          summary: {
            type: 'object',
            additionalProperties: false,
            properties: {
              activeCount: {
                type: 'integer',
              },
              pendingCount: {
                type: 'integer',
              },
              expiringSoonCount: {
                type: 'integer',
                description:
                  'Active waivers that expire within expiringSoonDays.',
              },
              expiringSoonDays: {
                type: 'integer',
              },
              requireApproval: {
                type: 'boolean',
              },
              maxDays: {
                type: 'integer',
              },
            },
            required: [
              'activeCount',
              'pendingCount',
              'expiringSoonCount',
              'expiringSoonDays',
              'requireApproval',
              'maxDays',
            ],
          },
        },
        required: ['items', 'summary'],
      },
      CampaignCondition: {
        type: 'string',
        enum: ['eol-alpine', 'breaking-musl', 'rules'],
        description:
          "What a service must meet: eol-alpine, no end-of-life Alpine release (no alpine-eol finding); breaking-musl, no error-level musl finding; rules, no finding of the campaign's rules. Waived findings do not count.",
      },
      CampaignScope: {
        type: 'object',
        additionalProperties: false,
        description:
          "Which services the campaign covers, as the report's filters (values OR-ed, filters AND-ed); empty for every scanned service.",
        properties: {
          owner: {
            type: 'array',
            maxItems: 50,
            items: {
              type: 'string',
              minLength: 1,
              maxLength: 512,
            },
          },
          system: {
            type: 'array',
            maxItems: 50,
            items: {
              type: 'string',
              minLength: 1,
              maxLength: 512,
            },
          },
          domain: {
            type: 'array',
            maxItems: 50,
            items: {
              type: 'string',
              minLength: 1,
              maxLength: 512,
            },
          },
          lifecycle: {
            type: 'array',
            maxItems: 50,
            items: {
              type: 'string',
              minLength: 1,
              maxLength: 512,
            },
          },
        },
      },
      Campaign: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          condition: {
            $ref: '#/components/schemas/CampaignCondition',
          },
          rules: {
            type: 'array',
            items: {
              type: 'string',
            },
            description: 'The rule ids, for the rules condition.',
          },
          scope: {
            $ref: '#/components/schemas/CampaignScope',
          },
          startsOn: {
            type: 'string',
            format: 'date',
            description: 'First day (UTC) of the burn-down.',
          },
          deadline: {
            type: 'string',
            format: 'date',
            description:
              'The day (UTC) by which no service in scope should be affected.',
          },
          source: {
            type: 'string',
            enum: ['config', 'api'],
            description:
              'config campaigns come from alpineAdvisor.campaigns and cannot be deleted through the API.',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: [
          'id',
          'title',
          'condition',
          'scope',
          'startsOn',
          'deadline',
          'source',
        ],
      },
      NewCampaign: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
            pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
            description:
              "Lower-case letters, digits and dashes; unique among campaigns (app-config's included).",
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          description: {
            type: 'string',
            maxLength: 2000,
          },
          condition: {
            $ref: '#/components/schemas/CampaignCondition',
          },
          rules: {
            type: 'array',
            minItems: 1,
            maxItems: 50,
            items: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
            description:
              'Rule ids or aliases; required with, and only allowed with, the rules condition.',
          },
          scope: {
            $ref: '#/components/schemas/CampaignScope',
          },
          startsOn: {
            type: 'string',
            format: 'date',
            description: 'Defaults to the day of creation.',
          },
          deadline: {
            type: 'string',
            format: 'date',
            description: 'Not before startsOn, at most five years ahead.',
          },
        },
        required: ['id', 'title', 'condition', 'deadline'],
      },
      CampaignState: {
        type: 'string',
        enum: ['upcoming', 'active', 'done', 'overdue'],
        description:
          'upcoming before startsOn; done when no service in scope is affected; overdue past the deadline with services still affected.',
      },
      CampaignStanding: {
        type: 'object',
        additionalProperties: false,
        properties: {
          campaign: {
            $ref: '#/components/schemas/Campaign',
          },
          state: {
            $ref: '#/components/schemas/CampaignState',
          },
          affectedCount: {
            type: 'integer',
            description:
              'Services in scope (the caller may read) affected by their latest good scan.',
          },
          totalCount: {
            type: 'integer',
            description:
              'Services in scope (the caller may read) with a good scan.',
          },
          daysLeft: {
            type: 'integer',
            description:
              'Days from today (UTC) to the deadline; negative once past.',
          },
        },
        required: [
          'campaign',
          'state',
          'affectedCount',
          'totalCount',
          'daysLeft',
        ],
      },
      CampaignList: {
        type: 'object',
        additionalProperties: false,
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CampaignStanding',
            },
          },
        },
        required: ['items'],
      },
      CampaignBurnDownPoint: {
        type: 'object',
        additionalProperties: false,
        properties: {
          day: {
            type: 'string',
            format: 'date',
          },
          scannedCount: {
            type: 'integer',
            description: 'Services in scope with a recorded result that day.',
          },
          affectedCount: {
            type: 'integer',
            description:
              'Of those, the services the condition affected that day.',
          },
        },
        required: ['day', 'scannedCount', 'affectedCount'],
      },
      CampaignOwnerProgress: {
        type: 'object',
        additionalProperties: false,
        properties: {
          owner: {
            type: ['string', 'null'],
            description:
              'Entity ref of the owner; null for services without one.',
          },
          affectedCount: {
            type: 'integer',
          },
          totalCount: {
            type: 'integer',
          },
        },
        required: ['owner', 'affectedCount', 'totalCount'],
      },
      CampaignProgress: {
        type: 'object',
        additionalProperties: false,
        properties: {
          campaign: {
            $ref: '#/components/schemas/Campaign',
          },
          state: {
            $ref: '#/components/schemas/CampaignState',
          },
          affectedCount: {
            type: 'integer',
            description:
              'Services in scope (the caller may read) affected by their latest good scan.',
          },
          totalCount: {
            type: 'integer',
            description:
              'Services in scope (the caller may read) with a good scan.',
          },
          daysLeft: {
            type: 'integer',
            description:
              'Days from today (UTC) to the deadline; negative once past.',
          },
          burnDown: {
            type: 'array',
            description:
              'Per UTC day from startsOn to today or the deadline (whichever is first), from the stored daily history, oldest first; days without any recorded result are left out.',
            items: {
              $ref: '#/components/schemas/CampaignBurnDownPoint',
            },
          },
          owners: {
            type: 'array',
            description: 'Per owner, most affected first.',
            items: {
              $ref: '#/components/schemas/CampaignOwnerProgress',
            },
          },
        },
        required: [
          'campaign',
          'state',
          'affectedCount',
          'totalCount',
          'daysLeft',
          'burnDown',
          'owners',
        ],
      },
      SuppressionAttempt: {
        type: 'object',
        additionalProperties: false,
        description:
          'A config setting or suppression comment that tried to silence an enforced finding.',
        properties: {
          via: {
            type: 'string',
            enum: ['config', 'comment'],
          },
          requested: {
            type: 'string',
            enum: ['error', 'warning', 'info', 'off'],
            description: 'For config, what it asked for (off for an ignore).',
          },
          line: {
            type: 'integer',
            description: 'For a comment, its line.',
          },
          syntax: {
            type: 'string',
            enum: ['alpine-advisor', 'hadolint', 'trivy'],
            description: 'For a comment, whose syntax it was written in.',
          },
        },
        required: ['via'],
      },
      ScoreDeduction: {
        type: 'object',
        description: 'What one rule took off the score.',
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
        description: 'How a score was formed.',
        additionalProperties: false,
        properties: {
          summary: {
            type: 'string',
            description: 'Human-readable summary of the formula as applied.',
          },
          deductions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ScoreDeduction',
            },
          },
          cap: {
            type: 'string',
            description:
              'Set when a cap applies, e.g. "a breaking musl risk caps the grade at C".',
          },
        },
        required: ['summary', 'deductions'],
      },
      StageSummary: {
        type: 'object',
        description:
          'A build stage of a Dockerfile with its base image and C library.',
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
            description:
              'The base image as written, ARGs resolved, e.g. `python:3.12-alpine3.20`.',
          },
          parentStage: {
            type: 'string',
            description: 'Set when the stage builds FROM an earlier stage.',
          },
          distro: {
            type: 'string',
            description:
              'The distribution family of the base image (`alpine`, `debian`, `ubuntu`, `rhel`, `distroless`, `scratch`, `unknown`).',
          },
          libc: {
            $ref: '#/components/schemas/Libc',
          },
          alpineRelease: {
            type: 'string',
          },
          endOfLife: {
            type: 'boolean',
            description:
              'Alpine release past its end of life at analysis time.',
          },
          line: {
            type: 'integer',
          },
          isFinal: {
            type: 'boolean',
          },
          copiesFrom: {
            type: 'array',
            description: '`COPY --from` edges into this stage.',
            items: {
              type: 'object',
              additionalProperties: false,
              properties: {
                source: {
                  type: 'string',
                  description: 'Stage name or index, or an external image.',
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
                  description:
                    'True when the copy crosses from a glibc to a musl world (or back).',
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
        description: 'The analysis of one Dockerfile of an entity.',
        additionalProperties: false,
        properties: {
          path: {
            type: 'string',
            description: "Path relative to the entity's source location.",
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
            description: 'Alpine release of the final stage, when known.',
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
              'The analysed text, for showing the file with its finding lines. Absent when it was not stored: see `contentOmitted`, or scanned before the backend kept file contents.',
          },
          contentOmitted: {
            type: 'boolean',
            description:
              'True when the file was larger than 1 MiB or not text, so its content is not kept.',
          },
          knowledgeVersion: {
            type: 'string',
            description:
              'The knowledge version that produced the findings (e.g. `2026-12-05+bundled`); absent for files scanned before it was recorded.',
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
        description: "One entity's standing, as listed in the org report.",
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
            description:
              'Entity ref of the owner, e.g. `group:default/team-payments`.',
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
            description:
              'Service score 0–100 of the last good scan; null before the first one.',
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
            description:
              'Failure message of the latest attempt, when it failed.',
          },
          stale: {
            type: 'boolean',
            description:
              'True when the latest attempt failed and the score is from an older scan.',
          },
          compliant: {
            type: 'boolean',
            description:
              'Whether the entity meets the configured compliance policy.',
          },
          lastScannedAt: {
            type: 'string',
            format: 'date-time',
            description: 'ISO time of the latest scan attempt.',
          },
          lastSuccessAt: {
            type: 'string',
            format: 'date-time',
            description: 'ISO time of the last successful scan.',
          },
          dockerfileCount: {
            type: 'integer',
          },
          findingCounts: {
            $ref: '#/components/schemas/SeverityCounts',
          },
          muslErrorCount: {
            type: 'integer',
            description:
              'Error-severity musl findings: the container is likely to break at runtime.',
          },
          waivedCount: {
            type: 'integer',
            description:
              'Findings covered by a waiver (not in findingCounts, not in the score).',
          },
          builtImage: {
            type: 'object',
            additionalProperties: false,
            description:
              "What the latest built-image reports (POST …/image-reports) say of the service's musl findings as stored now; absent when CI posted none. Set in entity reports and on org report pages (not in exports).",
            properties: {
              reportedAt: {
                type: 'string',
                format: 'date-time',
                description:
                  'When the latest of its image reports was received.',
              },
              confirmedCount: {
                type: 'integer',
                description: 'Findings confirmed in the built image.',
              },
              notSeenCount: {
                type: 'integer',
                description:
                  'Findings of rules an image check can show, not seen in the built image.',
              },
            },
            required: ['reportedAt', 'confirmedCount', 'notSeenCount'],
          },
          suppressions: {
            type: 'object',
            additionalProperties: false,
            description:
              "Findings the service's repository silences, and how (waivers are waivedCount). Counted when its Dockerfiles were last analysed.",
            properties: {
              config: {
                type: 'integer',
                description:
                  "Dropped by its .alpine-advisor.yaml (ignore, off), beyond what the organisation's alpineAdvisor.rules drops.",
              },
              comment: {
                type: 'integer',
                description: 'Dropped by inline suppression comments.',
              },
              enforcedAttempts: {
                type: 'integer',
                description:
                  'Findings of enforced rules that its config or comments tried to silence (they still count).',
              },
            },
            required: ['config', 'comment', 'enforcedAttempts'],
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
        description: 'Details of the scan that produced a report.',
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
            $ref: '#/components/schemas/ScanTrigger',
          },
          revision: {
            type: 'string',
            description:
              'Repository version the scan read (commit SHA or ETag), when the reader gave one.',
          },
        },
        required: ['startedAt', 'durationMs', 'trigger'],
      },
      EntityReport: {
        type: 'object',
        description:
          "An entity's report, `GET /entities/:kind/:namespace/:name`.",
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
            description:
              'Entity ref of the owner, e.g. `group:default/team-payments`.',
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
            description:
              'Service score 0–100 of the last good scan; null before the first one.',
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
            description:
              'Failure message of the latest attempt, when it failed.',
          },
          stale: {
            type: 'boolean',
            description:
              'True when the latest attempt failed and the score is from an older scan.',
          },
          compliant: {
            type: 'boolean',
            description:
              'Whether the entity meets the configured compliance policy.',
          },
          lastScannedAt: {
            type: 'string',
            format: 'date-time',
            description: 'ISO time of the latest scan attempt.',
          },
          lastSuccessAt: {
            type: 'string',
            format: 'date-time',
            description: 'ISO time of the last successful scan.',
          },
          dockerfileCount: {
            type: 'integer',
          },
          findingCounts: {
            $ref: '#/components/schemas/SeverityCounts',
          },
          muslErrorCount: {
            type: 'integer',
            description:
              'Error-severity musl findings: the container is likely to break at runtime.',
          },
          waivedCount: {
            type: 'integer',
            description:
              'Findings covered by a waiver (not in findingCounts, not in the score).',
          },
          builtImage: {
            type: 'object',
            additionalProperties: false,
            description:
              "What the latest built-image reports (POST …/image-reports) say of the service's musl findings as stored now; absent when CI posted none. Set in entity reports and on org report pages (not in exports).",
            properties: {
              reportedAt: {
                type: 'string',
                format: 'date-time',
                description:
                  'When the latest of its image reports was received.',
              },
              confirmedCount: {
                type: 'integer',
                description: 'Findings confirmed in the built image.',
              },
              notSeenCount: {
                type: 'integer',
                description:
                  'Findings of rules an image check can show, not seen in the built image.',
              },
            },
            required: ['reportedAt', 'confirmedCount', 'notSeenCount'],
          },
          suppressions: {
            type: 'object',
            additionalProperties: false,
            description:
              "Findings the service's repository silences, and how (waivers are waivedCount). Counted when its Dockerfiles were last analysed.",
            properties: {
              config: {
                type: 'integer',
                description:
                  "Dropped by its .alpine-advisor.yaml (ignore, off), beyond what the organisation's alpineAdvisor.rules drops.",
              },
              comment: {
                type: 'integer',
                description: 'Dropped by inline suppression comments.',
              },
              enforcedAttempts: {
                type: 'integer',
                description:
                  'Findings of enforced rules that its config or comments tried to silence (they still count).',
              },
            },
            required: ['config', 'comment', 'enforcedAttempts'],
          },
          sourceLocation: {
            type: 'string',
            description:
              'Where the Dockerfiles were read from, e.g. `url:https://…` or `file:/…`.',
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
        description: "One day of an entity's score history.",
        additionalProperties: false,
        properties: {
          day: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            description: '`YYYY-MM-DD` (UTC).',
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
        description:
          "An entity's score history, `GET /entities/:kind/:namespace/:name/history`.",
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
      ImageLibcVerdict: {
        type: 'object',
        description:
          "Which libc the image's files say it has, and which files said so.",
        additionalProperties: false,
        properties: {
          libc: {
            type: 'string',
            enum: ['musl', 'glibc', 'none'],
          },
          distro: {
            type: 'string',
            maxLength: 255,
          },
          distroVersion: {
            type: 'string',
            maxLength: 255,
          },
          evidence: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'string',
              maxLength: 4096,
            },
          },
          shims: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'string',
              maxLength: 255,
            },
          },
        },
        required: ['libc', 'evidence', 'shims'],
      },
      ImageLayer: {
        type: 'object',
        description: 'One layer of the image, in order from the base.',
        additionalProperties: false,
        properties: {
          index: {
            type: 'integer',
            minimum: 0,
          },
          digest: {
            type: 'string',
            maxLength: 1024,
          },
          createdBy: {
            type: 'string',
            maxLength: 65536,
          },
          entries: {
            type: 'integer',
            minimum: 0,
          },
          bytes: {
            type: 'integer',
            minimum: 0,
          },
        },
        required: ['index', 'digest', 'entries', 'bytes'],
      },
      ImageFinding: {
        type: 'object',
        description: 'One problem image-inspector found in the built image.',
        additionalProperties: false,
        properties: {
          ruleId: {
            type: 'string',
            maxLength: 255,
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
          message: {
            type: 'string',
            maxLength: 16384,
          },
          remediation: {
            type: 'string',
            maxLength: 16384,
          },
          location: {
            type: 'object',
            additionalProperties: false,
            properties: {
              path: {
                type: 'string',
                maxLength: 4096,
              },
              layer: {
                type: 'integer',
                minimum: 0,
              },
              layerDigest: {
                type: 'string',
                maxLength: 1024,
              },
              createdBy: {
                type: 'string',
                maxLength: 65536,
              },
            },
            required: ['path', 'layer', 'layerDigest'],
          },
        },
        required: ['ruleId', 'severity', 'message', 'remediation', 'location'],
      },
      ImageReport: {
        type: 'object',
        description:
          "The inspection of one built image, as `alpine-advisor image --format json` prints it under `image` (image-inspector's `ImageReport`).",
        additionalProperties: false,
        properties: {
          imageId: {
            type: 'string',
            maxLength: 255,
            description:
              'The image id (config digest), `sha256:…`, when the archive names it.',
          },
          tags: {
            type: 'array',
            maxItems: 1000,
            items: {
              type: 'string',
              maxLength: 1024,
            },
          },
          os: {
            type: 'string',
            maxLength: 255,
          },
          architecture: {
            type: 'string',
            maxLength: 255,
          },
          libc: {
            $ref: '#/components/schemas/ImageLibcVerdict',
          },
          layers: {
            type: 'array',
            maxItems: 1000,
            items: {
              $ref: '#/components/schemas/ImageLayer',
            },
          },
          findings: {
            type: 'array',
            maxItems: 10000,
            items: {
              $ref: '#/components/schemas/ImageFinding',
            },
          },
          stats: {
            type: 'object',
            additionalProperties: false,
            properties: {
              files: {
                type: 'integer',
                minimum: 0,
              },
              elfFiles: {
                type: 'integer',
                minimum: 0,
              },
              bytes: {
                type: 'integer',
                minimum: 0,
              },
            },
            required: ['files', 'elfFiles', 'bytes'],
          },
          notes: {
            type: 'array',
            maxItems: 1000,
            items: {
              type: 'string',
              maxLength: 4096,
            },
          },
        },
        required: ['tags', 'libc', 'layers', 'findings', 'stats', 'notes'],
      },
      ImageReportSubmission: {
        type: 'object',
        description:
          "What `alpine-advisor image ARCHIVE --format json` prints, posted as is. Only `image` is read: the backend analyses the Dockerfile itself, so `files` (the CLI's own findings) is accepted and ignored.",
        additionalProperties: false,
        properties: {
          version: {
            type: 'integer',
          },
          files: {
            type: 'array',
            description: "The CLI's file reports; ignored.",
            items: {
              type: 'object',
              additionalProperties: true,
            },
          },
          knowledge: {
            type: 'object',
            additionalProperties: true,
            description: "The CLI's knowledge stamp; ignored.",
          },
          image: {
            $ref: '#/components/schemas/ImageReport',
          },
        },
        required: ['image'],
      },
      ImageReportReceipt: {
        type: 'object',
        description:
          "The stored report, and what it says of the Dockerfile's findings as stored now (they are joined again on every read, so a rescan is judged against the same image).",
        additionalProperties: false,
        properties: {
          entityRef: {
            type: 'string',
          },
          dockerfilePath: {
            type: 'string',
            description:
              'The Dockerfile the report is kept for; absent when the request named none.',
          },
          imageDigest: {
            type: 'string',
          },
          receivedAt: {
            type: 'string',
            format: 'date-time',
          },
          imageFindingCount: {
            type: 'integer',
          },
          confirmedCount: {
            type: 'integer',
            description: 'Dockerfile findings the image confirms.',
          },
          notSeenCount: {
            type: 'integer',
            description:
              'Dockerfile findings of rules the image checks can show, not seen in it.',
          },
        },
        required: [
          'entityRef',
          'receivedAt',
          'imageFindingCount',
          'confirmedCount',
          'notSeenCount',
        ],
      },
      RescanResult: {
        type: 'object',
        description:
          'The outcome of `POST /entities/:kind/:namespace/:name/rescan`.',
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
            description:
              'False when the repository had not changed since the last scan.',
          },
          report: {
            $ref: '#/components/schemas/EntityReport',
          },
        },
        required: ['entityRef', 'status', 'changed', 'report'],
      },
      CompliancePolicy: {
        type: 'object',
        description: 'The compliance policy in force.',
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
            description:
              'Human-readable, e.g. "grade B or better and no musl error".',
          },
        },
        required: ['minimumGrade', 'allowMuslErrors', 'description'],
      },
      RuleTally: {
        type: 'object',
        description: 'How often a rule fires across the filtered entities.',
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
        description:
          'Org-wide figures over all entities matching the filter (not just one page).',
        additionalProperties: false,
        properties: {
          entityCount: {
            type: 'integer',
          },
          scoredCount: {
            type: 'integer',
            description: 'Entities with a score (at least one good scan).',
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
            description:
              'compliantCount / scoredCount, 0–1; null when nothing is scored.',
          },
          policy: {
            $ref: '#/components/schemas/CompliancePolicy',
          },
          staleCount: {
            type: 'integer',
          },
          failingCount: {
            type: 'integer',
            description: 'Entities whose latest attempt failed.',
          },
          topRules: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RuleTally',
            },
          },
          muslBreakingRisks: {
            type: 'object',
            description:
              'Error-severity musl findings: what would break at runtime.',
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
        description: 'One group of a rollup.',
        additionalProperties: false,
        properties: {
          key: {
            type: ['string', 'null'],
            description:
              'The owner, system or domain entity ref; null for entities without one.',
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
        description: 'The org-wide report, `GET /report`.',
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
                $ref: '#/components/schemas/RollupDimension',
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
        description:
          'The org on one day, from the daily scores of the entities scanned that day.',
        additionalProperties: false,
        properties: {
          day: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            description: '`YYYY-MM-DD` (UTC).',
          },
          scannedCount: {
            type: 'integer',
            description: 'Entities with a score that day.',
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
            description: 'compliantCount / scannedCount, 0–1.',
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
        description: 'The org trend, `GET /report/history`.',
        additionalProperties: false,
        properties: {
          policy: {
            $ref: '#/components/schemas/CompliancePolicy',
          },
          points: {
            type: 'array',
            description:
              'Oldest first; days on which nothing matching was scanned are left out.',
            items: {
              $ref: '#/components/schemas/OrgHistoryPoint',
            },
          },
        },
        required: ['policy', 'points'],
      },
      ScopeKind: {
        type: 'string',
        description: 'Entity kinds with a scope summary.',
        enum: ['group', 'system', 'domain'],
      },
      ScopeSummary: {
        type: 'object',
        additionalProperties: false,
        description:
          "The services of a Group (with its child groups, as Backstage's\nownership card aggregates them), a System or a Domain that the caller\nmay read, summed up as the org report sums up its filtered services.\n",
        properties: {
          entityRef: {
            type: 'string',
            description: "The scope's entity ref, lower-case.",
          },
          kind: {
            $ref: '#/components/schemas/ScopeKind',
          },
          filter: {
            type: 'object',
            additionalProperties: false,
            description:
              "The org report's filter that lists the same services (owner for a group, with its child groups; system; domain).",
            properties: {
              owner: {
                type: 'array',
                items: {
                  type: 'string',
                },
                description: 'A group and its child groups (recursively).',
              },
              system: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              domain: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
          },
          summary: {
            $ref: '#/components/schemas/ReportSummary',
          },
          worstServices: {
            type: 'array',
            description:
              'Up to five scored services with the lowest scores, lowest first.',
            items: {
              $ref: '#/components/schemas/EntitySummary',
            },
          },
          trend: {
            type: 'array',
            description:
              "The scope's daily figures, oldest first (see `/report/history`).",
            items: {
              $ref: '#/components/schemas/OrgHistoryPoint',
            },
          },
        },
        required: [
          'entityRef',
          'kind',
          'filter',
          'summary',
          'worstServices',
          'trend',
        ],
      },
      RuleDescription: {
        type: 'object',
        description: 'A rule of the catalog, as `GET /rules` lists it.',
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
            description: 'Stable kebab-case id, e.g. `apk-no-cache`.',
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
            description:
              "Why it matters (Markdown), the rule's rationale or else the first paragraph of its docs.",
          },
          remediation: {
            type: 'string',
            description: 'How to fix it (Markdown allowed).',
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
            description:
              "Peer tools' ids, e.g. `hadolint:DL3019`, `trivy:DS-0025`.",
          },
          fixable: {
            type: 'boolean',
            description: 'True when the rule can offer a mechanical fix.',
          },
          scope: {
            type: 'string',
            enum: ['alpine', 'any'],
            description:
              '`alpine`: runs only on Alpine stages (musl rules may also inspect glibc stages feeding Alpine ones).',
          },
          docs: {
            type: 'string',
            description: 'Markdown with a bad and a good example.',
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
      KnowledgeTable: {
        type: 'object',
        description: 'One knowledge table, its as-of date and sources.',
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
          },
          file: {
            type: 'string',
          },
          asOf: {
            type: 'string',
            description: 'ISO date the table was last checked.',
          },
          sources: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
        required: ['name', 'file', 'asOf', 'sources'],
      },
      KnowledgeStatus: {
        type: 'object',
        description:
          'The knowledge the analyzer decides with, `GET /knowledge`.',
        additionalProperties: false,
        properties: {
          version: {
            type: 'string',
            description:
              'Newest as-of date, then +bundled or +overrides.<hash>.',
          },
          asOf: {
            type: 'string',
          },
          origin: {
            type: 'string',
            enum: ['bundled', 'overridden'],
          },
          releasesAsOf: {
            type: 'string',
            description: 'ISO date of the Alpine release data in use.',
          },
          newestRelease: {
            type: 'string',
          },
          releaseData: {
            type: 'object',
            additionalProperties: false,
            properties: {
              origin: {
                type: 'string',
                enum: ['bundled', 'refreshed'],
                description:
                  'bundled until a refresh succeeded; refreshed data is kept in the database.',
              },
              asOf: {
                type: 'string',
              },
              sourceUrl: {
                type: 'string',
                description:
                  'The configured source; absent when refreshing is off.',
              },
              fetchedAt: {
                type: 'string',
                format: 'date-time',
              },
              lastAttemptAt: {
                type: 'string',
                format: 'date-time',
              },
              lastError: {
                type: 'string',
                description:
                  'Why the last refresh failed; the data in use is the last good copy (or the bundled table).',
              },
            },
            required: ['origin', 'asOf'],
          },
          tables: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/KnowledgeTable',
            },
          },
          layers: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              properties: {
                source: {
                  type: 'string',
                },
                asOf: {
                  type: 'string',
                },
                releases: {
                  type: 'integer',
                },
                images: {
                  type: 'integer',
                },
              },
              required: ['source', 'releases', 'images'],
            },
          },
        },
        required: [
          'version',
          'asOf',
          'origin',
          'releasesAsOf',
          'newestRelease',
          'releaseData',
          'tables',
          'layers',
        ],
      },
      RuleList: {
        type: 'object',
        description: 'The rule catalog, `GET /rules`.',
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
    '/entities/{kind}/{namespace}/{name}/image-reports': {
      post: {
        operationId: 'CreateImageReport',
        tags: ['Entity'],
        description:
          'Stores the report of the entity\'s built image (`alpine-advisor image ARCHIVE --format json`, posted from CI as is), replacing the previous one for the same Dockerfile. Entity reports then mark each Dockerfile musl finding "confirmed in the built image" or "not seen in the built image" (`evidence` with `source: image`). Needs `alpine-advisor.image-report.create` on the entity (users) or a service token; audited; bodies over `alpineAdvisor.imageReports.maxBytes` (default 2 MiB) answer 413.',
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
            name: 'dockerfile',
            in: 'query',
            allowReserved: true,
            description:
              "The Dockerfile the image was built from, as the entity's report names it (e.g. `Dockerfile`, `deploy/Dockerfile.api`). Omitted: the report applies when the entity has one Dockerfile.",
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 1024,
            },
          },
          {
            name: 'imageDigest',
            in: 'query',
            allowReserved: true,
            description:
              "The pushed image's digest, when it differs from the report's image id.",
            schema: {
              type: 'string',
              pattern: '^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$',
              maxLength: 255,
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ImageReportSubmission',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The report was stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImageReportReceipt',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/waivers': {
      get: {
        operationId: 'ListEntityWaivers',
        tags: ['Waiver'],
        description:
          "The entity's waivers, newest first (revoked and expired ones included). Needs `alpine-advisor.report.read` and catalog read access to the entity.",
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
            description: 'The waivers.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WaiverList',
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
      post: {
        operationId: 'CreateWaiver',
        tags: ['Waiver'],
        description:
          'Records a waiver of a rule (or one finding of it) on the entity. Needs `alpine-advisor.waiver.create` on the entity; audited. Enforced rules cannot be waived (400).',
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
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/NewWaiver',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The waiver, active or pending approval.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Waiver',
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
    '/waivers': {
      get: {
        operationId: 'ListWaivers',
        tags: ['Waiver'],
        description:
          'Waivers of every entity the caller may read, newest first.',
        parameters: [
          {
            name: 'status',
            in: 'query',
            required: false,
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              maxItems: 4,
              items: {
                $ref: '#/components/schemas/WaiverStatus',
              },
            },
          },
          {
            name: 'expiringWithinDays',
            in: 'query',
            required: false,
            description:
              'Only active waivers that expire within this many days.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 3650,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The waivers.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WaiverList',
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
    '/waivers/{id}/approve': {
      post: {
        operationId: 'ApproveWaiver',
        tags: ['Waiver'],
        description:
          'Approves a pending waiver. Needs `alpine-advisor.waiver.approve` on its entity; not by whoever recorded it; audited.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 36,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The approved waiver.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Waiver',
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
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/waivers/{id}/revoke': {
      post: {
        operationId: 'RevokeWaiver',
        tags: ['Waiver'],
        description:
          'Revokes a pending or active waiver. Needs `alpine-advisor.waiver.create` or `alpine-advisor.waiver.approve` on its entity; audited.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 36,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The revoked waiver.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Waiver',
                },
              },
            },
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/campaigns': {
      get: {
        operationId: 'ListCampaigns',
        tags: ['Campaign'],
        description:
          "Every campaign (app-config's and the API's) with its standing over the services the caller may read. Needs `alpine-advisor.report.read`.",
        responses: {
          '200': {
            description: 'The campaigns, nearest deadline first.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CampaignList',
                },
              },
            },
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'CreateCampaign',
        tags: ['Campaign'],
        description:
          'Declares a campaign. Needs `alpine-advisor.campaign.manage`; audited.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/NewCampaign',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The campaign.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Campaign',
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
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/campaigns/{id}': {
      get: {
        operationId: 'GetCampaign',
        tags: ['Campaign'],
        description:
          "A campaign's standing, burn-down and owners' progress over the services the caller may read. Needs `alpine-advisor.report.read`.",
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 64,
            },
          },
        ],
        responses: {
          '200': {
            description: "The campaign's progress.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CampaignProgress',
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
      delete: {
        operationId: 'DeleteCampaign',
        tags: ['Campaign'],
        description:
          "Deletes a campaign created through the API (app-config's cannot be, 409). Needs `alpine-advisor.campaign.manage`; audited.",
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              maxLength: 64,
            },
          },
        ],
        responses: {
          '204': {
            description: 'Deleted.',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
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
            $ref: '#/components/parameters/suppressed',
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
              $ref: '#/components/schemas/ReportSortField',
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
            description: '1-based.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000000,
            },
          },
          {
            name: 'pageSize',
            in: 'query',
            description: 'At most 500.',
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
              $ref: '#/components/schemas/RollupDimension',
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
            $ref: '#/components/parameters/suppressed',
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
              $ref: '#/components/schemas/ReportExportFormat',
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
            $ref: '#/components/parameters/suppressed',
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
    '/scopes/{kind}/{namespace}/{name}/summary': {
      get: {
        operationId: 'GetScopeSummary',
        tags: ['Report'],
        description:
          "The Dockerfile health of a Group, System or Domain: grade\ndistribution, compliance with the policy, breaking musl risks, the\nworst services, the most violated rules and the daily trend. A\ngroup's services are those it or its child groups (recursively) own;\na system's are its components; a domain's, the components of its\nsystems. Only services the caller may read in the catalog are\ncounted; a scope the caller may not read answers 404.\n",
        parameters: [
          {
            name: 'kind',
            in: 'path',
            required: true,
            description: 'group, system or domain (any case).',
            schema: {
              type: 'string',
            },
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
            description: 'Days of trend (default 90).',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 3660,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The summary.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScopeSummary',
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
    '/knowledge': {
      get: {
        operationId: 'GetKnowledge',
        tags: ['Rule'],
        description:
          'The knowledge the analyzer decides with: its version, each table\'s as-of date and sources, the layers over the bundled tables, and where the Alpine release data comes from ("release data as of …"), with the last failed refresh if any.',
        responses: {
          '200': {
            description: 'The knowledge in use.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/KnowledgeStatus',
                },
              },
            },
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
