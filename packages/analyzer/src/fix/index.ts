export { applyFixes } from './applyFixes';
export type { FixResult } from './applyFixes';
export { unifiedDiff } from './unifiedDiff';
