export { applyConfig } from './applyConfig';
export { ConfigError } from './ConfigError';
export type { ConfigProblem } from './ConfigError';
export { effectiveConfig } from './effectiveConfig';
export { parseConfig } from './parseConfig';
export type { RuleIdResolver } from './parseConfig';
export { FAIL_ON_SETTINGS, SEVERITY_SETTINGS } from './schema';
