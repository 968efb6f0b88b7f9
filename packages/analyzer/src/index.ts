/**
 * Alpine Advisor's Dockerfile analyzer: parses Dockerfiles, models stages and
 * their libc, runs rules, scores and suggests fixes. It has no Backstage
 * dependency so that the CLI, the backend and any other tool share one engine.
 *
 * @packageDocumentation
 */

export { REPORT_VERSION } from './version';

export * from './types';
export { analyzeDockerfile, analyzeFiles } from './analyze';
export type { DockerfileInput } from './analyze';
export { listRules, getRule } from './catalog';
export { parseConfig } from './parseConfigWithCatalog';
export { effectiveConfig, ConfigError } from './config';
export type { ConfigProblem, RuleIdResolver } from './config';
export { scoreService } from './score';
export { applyFixes, unifiedDiff } from './fix';
export type { FixResult } from './fix';
export { createAnalyzer } from './createAnalyzer';
export type { AdditionalRule, Analyzer } from './createAnalyzer';
export type {
  Rule,
  RuleCheck,
  RuleContext,
  RuleVisitors,
  InstructionVisitors,
  Problem,
  RuleFix,
  OffsetEdit,
  Locatable,
} from './rules/framework/types';
