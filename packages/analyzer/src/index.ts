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
export * from './image';
export type { DockerfileInput } from './analyze';
export {
  BuildContextFacts,
  consultedContextFiles,
  MAX_CONTEXT_FILE_BYTES,
} from './facts';
export type {
  BuildContextInput,
  CargoLockFacts,
  ContextFileInput,
  ContextNote,
  DockerignoreFacts,
  GemfileLockFacts,
  GoModFacts,
  LockedGem,
  LockedNodePackage,
  LockedPythonPackage,
  NodeLockFacts,
  PrismaSchemaFacts,
  PythonLockFacts,
} from './facts';
export { listRules, getRule, ruleMessages } from './catalog';
export { parseConfig } from './parseConfigWithCatalog';
export { effectiveConfig, ConfigError } from './config';
export { globMatches } from './config/pathGlobs';
export type { ConfigProblem, RuleIdResolver } from './config';
export { scoreService } from './score';
export { findingFingerprint } from './waivers/findingFingerprint';
export { applyFixes, unifiedDiff } from './fix';
export type { FixResult } from './fix';
export { createAnalyzer } from './createAnalyzer';
export { parseKnowledge } from './knowledge/overrides';
export { describeKnowledge } from './knowledge/describeKnowledge';
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
export type { Knowledge, ReleaseStanding } from './knowledge/Knowledge';
export { sourceOf } from './rules/framework/runRules';

/*
 * The rule vocabulary and the model it reads, for organisation rules (the
 * backend's extension point `alpine-advisor.rules`): the same words the
 * built-in rules are written in — commands and flags, apk installs, stages
 * and copy edges, paths, variables, fixes — and the types of the stage model,
 * the Dockerfile instructions and the shell commands they take.
 */
export * from './rules/vocabulary';
export { stageLabel, imagePath, compareVersions } from './model';
export type {
  AlpineRelease,
  ImageClass,
  ImageCertainty,
  PackageManagerFamily,
  CopyEdge,
  CopySource,
  DistroDecidedBy,
  DistroDecision,
  DockerfileModel,
  ImageRef,
  Stage,
  VariableDefinition,
} from './model';
export type {
  DockerfileSyntax,
  SyntaxProblem,
  BaseInstruction,
  CommandInstruction,
  CopyInstruction,
  DockerInstruction,
  EnvInstruction,
  FlagToken,
  FromInstruction,
  InstructionByKeyword,
  InstructionKeyword,
  KeyValue,
  Mount,
  OtherInstruction,
  RunInstruction,
  Token,
} from './parse';
export type {
  ShellAssignment,
  ShellCommand,
  ShellParserKind,
  ShellRedirect,
  ShellScript,
  ShellWord,
} from './shell';
