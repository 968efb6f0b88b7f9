/*
 * The analyzer's public contract. The CLI, the Backstage backend and any other
 * tool depend on these shapes (the JSON report is versioned by REPORT_VERSION):
 * extend them only by adding optional fields.
 */

/** How bad a finding is. @public */
export type Severity = 'error' | 'warning' | 'info';

/**
 * `error` breaks the build or the container at runtime; `warning` wastes size,
 * time or safety, or breaks in some conditions; `info` is advice.
 * @public
 */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** What a rule is about. @public */
export type Category = 'alpine' | 'musl' | 'hygiene';

/** @public */
export const CATEGORIES: readonly Category[] = ['alpine', 'musl', 'hygiene'];

/** The C library a stage's binaries run against. `none`: scratch or static-only distroless. @public */
export type Libc = 'musl' | 'glibc' | 'none' | 'unknown';

/** The distribution family of a stage's base image. @public */
export type Distro =
  | 'alpine'
  | 'debian'
  | 'ubuntu'
  | 'rhel'
  | 'distroless'
  | 'scratch'
  | 'unknown';

/** A position range in the Dockerfile; lines and columns are 1-based, end column exclusive. @public */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One text replacement; ranges refer to the original text. @public */
export interface TextEdit extends SourceRange {
  text: string;
}

/** A mechanical fix for one finding, as text edits on the original file. @public */
export interface Fix {
  /** Imperative, e.g. "Add --no-cache to apk add". */
  description: string;
  edits: TextEdit[];
}

/** One problem found in one Dockerfile (JSON contract, version 1). @public */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** 1-based. */
  line: number;
  endLine: number;
  /** 1-based. */
  column: number;
  message: string;
  remediation: string;
  /** Peer tools' ids for the same problem, e.g. `hadolint:DL3019`, `trivy:DS-0025`. */
  aliases: string[];
  fix?: Fix;
}

/** Which findings cost how many points. @public */
export interface ScoreDeduction {
  ruleId: string;
  severity: Severity;
  category: Category;
  count: number;
  points: number;
}

/** A score with the reasoning behind it. @public */
export interface ScoreExplanation {
  /** Human-readable summary of the formula as applied. */
  summary: string;
  deductions: ScoreDeduction[];
  /** Set when a cap applies, e.g. "a breaking musl risk caps the grade at C". */
  cap?: string;
}

/** Letter grade derived from the score. @public */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

/** What the analyzer knows of one build stage, for reports and the UI. @public */
export interface StageSummary {
  index: number;
  name?: string;
  /** The base image as written, ARGs resolved, e.g. `python:3.12-alpine3.20`. */
  image: string;
  /** Set when the stage builds FROM an earlier stage. */
  parentStage?: string;
  distro: Distro;
  libc: Libc;
  alpineRelease?: string;
  /** Alpine release past its end of life at analysis time. */
  endOfLife?: boolean;
  line: number;
  isFinal: boolean;
  /** `COPY --from` edges into this stage. */
  copiesFrom: Array<{
    /** Stage name/index or external image. */
    source: string;
    sourceLibc: Libc;
    paths: string[];
    line: number;
    /** True when the copy crosses from a glibc to a musl world (or back). */
    crossesLibc: boolean;
  }>;
}

/** The analysis of one Dockerfile (JSON contract, version 1). @public */
export interface FileReport {
  path: string;
  score: number;
  grade: Grade;
  findings: Finding[];
  explanation: ScoreExplanation;
  stages: StageSummary[];
  /** False when no stage is Alpine-based: only hygiene rules then apply. */
  usesAlpine: boolean;
}

/** The analysis of a set of Dockerfiles (JSON contract). @public */
export interface Report {
  version: 1;
  files: FileReport[];
}

/** Static description of a rule, the source of its docs. @public */
export interface RuleMeta {
  /** Stable kebab-case id, e.g. `apk-no-cache`. */
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  /** Why it matters (Markdown allowed). */
  rationale: string;
  /** How to fix it (Markdown allowed). */
  remediation: string;
  references: string[];
  /** Peer tools' ids, e.g. `hadolint:DL3019`, `trivy:DS-0025`. */
  aliases: string[];
  /** True when the rule can offer a mechanical fix. */
  fixable: boolean;
  /** `alpine`: runs only on Alpine stages (musl rules may also inspect glibc stages feeding Alpine ones). */
  scope: 'alpine' | 'any';
}

/** A rule as listed by the catalog: its metadata plus its Markdown docs. @public */
export interface RuleDescription extends RuleMeta {
  /** Markdown with a bad and a good example. */
  docs: string;
}

/** Options of one analysis run. @public */
export interface AnalyzeOptions {
  /** Resolved configuration (see the config module); defaults apply when omitted. */
  config?: AnalyzerConfig;
  /** Injectable clock for end-of-life decisions. */
  now?: Date;
}

/** Per-path override in `.alpine-advisor.yaml`. @public */
export interface PathOverride {
  /** minimatch globs relative to the config file's directory. */
  files: string[];
  ignore?: string[];
  severity?: Record<string, Severity | 'off'>;
}

/** The validated content of `.alpine-advisor.yaml`. @public */
export interface AnalyzerConfig {
  ignore?: string[];
  severity?: Record<string, Severity | 'off'>;
  failOn?: Severity | 'none';
  overrides?: PathOverride[];
}
