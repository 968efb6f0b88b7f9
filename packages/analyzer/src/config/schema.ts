import { z } from 'zod';
import { knowledgeSchema } from '../knowledge/overridesSchema';

/** A rule's configured severity; `off` drops its findings. */
export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;
/** The least severe finding that makes the CLI exit non-zero; `none` never fails. */
export const FAIL_ON_SETTINGS = ['error', 'warning', 'info', 'none'] as const;

export const TOP_LEVEL_KEYS = [
  'ignore',
  'severity',
  'failOn',
  'overrides',
  'knowledge',
] as const;
export const OVERRIDE_KEYS = ['files', 'ignore', 'severity'] as const;

const ruleId = z.string().min(1);
const ruleList = z.array(ruleId);
const severityMap = z.record(z.string(), z.enum(SEVERITY_SETTINGS));

const pathOverride = z
  .object({
    files: z.array(z.string().min(1)).min(1),
    ignore: ruleList.optional(),
    severity: severityMap.optional(),
  })
  .strict();

/**
 * `.alpine-advisor.yaml`. Unknown keys are errors rather than silently
 * ignored: a misspelt `failon` must not quietly turn CI green.
 */
export const configSchema = z
  .object({
    ignore: ruleList.optional(),
    severity: severityMap.optional(),
    failOn: z.enum(FAIL_ON_SETTINGS).optional(),
    overrides: z.array(pathOverride).optional(),
    knowledge: knowledgeSchema.optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;
