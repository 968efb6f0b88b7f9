import type { RuleCheck } from '../../framework/types';

/**
 * Reported by the engine before parsing (see analyze.ts): there is nothing
 * for a check to visit in a file that is never parsed.
 */
export const check: RuleCheck = () => ({});
