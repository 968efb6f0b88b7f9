import type { RuleCheck } from '../../framework/types';

/**
 * Reported by the engine after the rules ran (see analyze.ts), once every
 * context file has been parsed: the notes of the facts room.
 */
export const check: RuleCheck = () => ({});
