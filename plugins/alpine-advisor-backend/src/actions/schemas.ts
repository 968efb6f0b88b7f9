import type { z as zod } from 'zod/v3';

/**
 * Output schemas of the actions, in the API's words (openapi.yaml's
 * schemas). The registry strips what a schema does not name, so the fields
 * agents rely on are named and nested objects pass through whole.
 */
type Z = typeof zod;

const SEVERITIES = ['error', 'warning', 'info'] as const;
const CATEGORIES = ['alpine', 'musl', 'hygiene'] as const;
const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;

function findingSchema(z: Z) {
  return z
    .object({
      ruleId: z.string(),
      category: z.enum(CATEGORIES),
      severity: z.enum(SEVERITIES),
      line: z.number(),
      endLine: z.number(),
      column: z.number(),
      message: z.string(),
      remediation: z.string(),
      aliases: z.array(z.string()),
      fix: z
        .object({ description: z.string() })
        .passthrough()
        .optional()
        .describe('The mechanical fix, when the rule offers one.'),
      fixDiff: z
        .string()
        .optional()
        .describe('The fix applied to the file, as a unified diff.'),
    })
    .passthrough();
}

function explanationSchema(z: Z) {
  return z
    .object({
      summary: z.string(),
      deductions: z.array(z.object({}).passthrough()),
      cap: z.string().optional(),
    })
    .passthrough();
}

/** `analyze-dockerfile`: one Dockerfile's analysis. */
export function analysisOutputSchema(z: Z) {
  return z.object({
    path: z.string(),
    score: z.number().describe('0–100.'),
    grade: z.enum(GRADES),
    usesAlpine: z.boolean(),
    stages: z
      .array(z.object({}).passthrough())
      .describe('Build stages with their base image, distribution and libc.'),
    explanation: explanationSchema(z),
    findings: z.array(findingSchema(z)),
    knowledgeVersion: z.string().optional(),
  });
}

/** An entity's standing, as the org report lists it. */
export function entitySummarySchema(z: Z) {
  return z
    .object({
      entityRef: z.string(),
      kind: z.string(),
      namespace: z.string(),
      name: z.string(),
      title: z.string().optional(),
      owner: z.string().optional(),
      system: z.string().optional(),
      domain: z.string().optional(),
      lifecycle: z.string().optional(),
      type: z.string().optional(),
      score: z.number().nullable(),
      grade: z.enum(GRADES).nullable(),
      status: z.string(),
      error: z.string().optional(),
      stale: z.boolean(),
      compliant: z.boolean(),
      lastScannedAt: z.string().optional(),
      lastSuccessAt: z.string().optional(),
      dockerfileCount: z.number(),
      findingCounts: z.object({
        error: z.number(),
        warning: z.number(),
        info: z.number(),
      }),
      muslErrorCount: z.number(),
    })
    .passthrough();
}

/** `get-entity-report`: the stored report, as `GET /entities/…` serves it. */
export function entityReportSchema(z: Z) {
  return entitySummarySchema(z)
    .extend({
      sourceLocation: z.string().optional(),
      explanation: explanationSchema(z).optional(),
      dockerfiles: z.array(
        z
          .object({
            path: z.string(),
            score: z.number(),
            grade: z.enum(GRADES),
            usesAlpine: z.boolean(),
            alpineRelease: z.string().optional(),
            stages: z.array(z.object({}).passthrough()),
            explanation: explanationSchema(z),
            findings: z.array(findingSchema(z)),
            content: z.string().optional(),
            contentOmitted: z.boolean().optional(),
            knowledgeVersion: z.string().optional(),
          })
          .passthrough(),
      ),
      scan: z.object({}).passthrough().optional(),
    })
    .passthrough();
}

/** `explain-rule`: a rule of the catalog, as `GET /rules/:id` serves it. */
export function ruleSchema(z: Z) {
  return z
    .object({
      id: z.string(),
      title: z.string(),
      category: z.enum(CATEGORIES),
      severity: z.enum(SEVERITIES),
      rationale: z.string().describe('Why it matters.'),
      remediation: z.string().describe('How to fix it.'),
      docs: z.string().describe('Markdown with a bad and a good example.'),
      references: z.array(z.string()),
      aliases: z.array(z.string()),
      fixable: z.boolean(),
      scope: z.enum(['alpine', 'any']),
    })
    .passthrough();
}
