export { applySuppressions, bindSuppressions } from './applySuppressions';
export type { BoundSuppression, InstructionLines } from './applySuppressions';
export { parseSuppressions } from './parseSuppressions';
export type { Suppression, SuppressionSyntax } from './parseSuppressions';
export { normalizeRuleReference } from './ruleReference';
