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
  /**
   * Peer tools' ids for the same problem, e.g. `hadolint:DL3019`, `trivy:DS-0025`:
   * the rule's aliases, or those this finding matches when the rule covers several.
   */
  aliases: string[];
  fix?: Fix;
  /**
   * Set when the organisation enforces the rule (`enforcedRules`): neither
   * the config nor suppression comments can ignore or downgrade it.
   */
  enforced?: boolean;
  /** Attempts to ignore or downgrade this enforced finding, which did not apply. */
  suppressionAttempts?: SuppressionAttempt[];
  /**
   * `findingFingerprint` of the finding, when `AnalyzeOptions.fingerprints`
   * asked for it (waivers of one finding name it).
   */
  fingerprint?: string;
  /**
   * Set when a valid waiver (`AnalyzeOptions.waivers`) covers the finding:
   * it stays in the report but costs no points until the waiver expires.
   */
  waived?: { waiverId: string; expiresAt: string };
  /**
   * The facts that confirmed or refuted this finding (a lockfile, the build
   * context, the built image), when a fact was read: the message says it in
   * words, this says it in fields a UI or a script can use.
   */
  evidence?: FindingEvidence[];
}

/** What a fact said about a finding. @public */
export type EvidenceVerdict = 'confirmed' | 'refuted' | 'not-seen';

/**
 * One fact's say on a finding: `package-lock.json` confirmed it, the built
 * image did not show it…
 * @public
 */
export interface FindingEvidence {
  /** Where the fact came from: a file of the build context (`package-lock.json`, `go.mod`, `.dockerignore`) or `image`. */
  source: string;
  verdict: EvidenceVerdict;
  /** What the fact is, briefly: `locks @img/sharp-linux-x64 but not @img/sharp-linuxmusl-x64`. */
  detail: string;
}

/**
 * An accepted finding, recorded outside the Dockerfile (the portal's
 * waivers): a rule, optionally one finding of it, until a date.
 * @public
 */
export interface FindingWaiver {
  id: string;
  /** Rule id or alias. */
  ruleId: string;
  /** `findingFingerprint` of one finding; every finding of the rule in the file when omitted. */
  fingerprint?: string;
  /** ISO timestamp; the waiver applies while the analysis clock is before it. */
  expiresAt: string;
}

/**
 * An attempt to silence a finding of an enforced rule: the config ignored
 * the rule, set it `off` or lowered its severity, or a suppression comment
 * named it. The finding stays, with its rule's own severity, and says so.
 * @public
 */
export interface SuppressionAttempt {
  /** `config`: `ignore` / `severity` (the file, the organisation's or the command line's); `comment`: an inline suppression. */
  via: 'config' | 'comment';
  /** For `config`: what it asked for (`off` for an ignore). */
  requested?: Severity | 'off';
  /** For `comment`: the comment's line (1-based). */
  line?: number;
  /** For `comment`: whose syntax it was written in. */
  syntax?: 'alpine-advisor' | 'hadolint' | 'trivy';
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

/**
 * Which knowledge (release table, image catalog, package facts) produced a
 * report. `version` is the newest as-of date of the tables in use, then
 * `+bundled` for the tables shipped with the analyzer or `+overrides.<hash>`
 * when data from a host, a config file or a refresh was layered on top.
 * @public
 */
export interface KnowledgeStamp {
  /** `2026-12-05+bundled`, `2026-12-06+overrides.1a2b3c4d`. */
  version: string;
  /** Newest as-of date (ISO) of the tables in use. */
  asOf: string;
  origin: 'bundled' | 'overridden';
  /** As-of date of the Alpine release data in use (bundled or layered). */
  releasesAsOf: string;
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
  /** The knowledge the findings were computed with. */
  knowledge?: KnowledgeStamp;
  /** With `AnalyzeOptions.suppressionBaseline`: what the file's own settings silenced. */
  suppressed?: SuppressedCounts;
}

/** The analysis of a set of Dockerfiles (JSON contract). @public */
export interface Report {
  version: 1;
  files: FileReport[];
  /** The knowledge of the run (files whose config adds knowledge carry their own stamp). */
  knowledge?: KnowledgeStamp;
}

/** Static description of a rule, the source of its docs. @public */
export interface RuleMeta {
  /** Stable kebab-case id, e.g. `apk-no-cache`. */
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  /**
   * Why it matters (Markdown allowed). Built-in rules leave it out: their
   * docs.md says why, and the catalog takes its first paragraph. An added
   * rule may give it; otherwise its `docs` serve the same way.
   */
  rationale?: string;
  /** How to fix it (Markdown allowed). */
  remediation: string;
  references: string[];
  /** Peer tools' ids, e.g. `hadolint:DL3019`, `trivy:DS-0025`. */
  aliases: string[];
  /** True when the rule can offer a mechanical fix. */
  fixable: boolean;
  /**
   * Message templates keyed by id, as ESLint's `meta.messages`: a problem
   * reported with `messageId` (and `data` for the `{{name}}` placeholders)
   * gets its message from here, so messages can be listed, tested and
   * translated by id. Rules may still report a literal `message`.
   */
  messages?: Readonly<Record<string, string>>;
  /** `alpine`: runs only on Alpine stages (musl rules may also inspect glibc stages feeding Alpine ones). */
  scope: 'alpine' | 'any';
}

/** A rule as listed by the catalog: its metadata plus its Markdown docs. @public */
export interface RuleDescription extends RuleMeta {
  /** Why it matters: `meta.rationale`, or else the first paragraph of `docs`. */
  rationale: string;
  /** Markdown with a bad and a good example. */
  docs: string;
}

/** Options of one analysis run. @public */
export interface AnalyzeOptions {
  /** Resolved configuration (see the config module); defaults apply when omitted. */
  config?: AnalyzerConfig;
  /** Injectable clock for end-of-life decisions. */
  now?: Date;
  /**
   * Knowledge layered over the bundled tables, lowest precedence first (a
   * refreshed release list, then an organisation's additions); the config's
   * own `knowledge` goes on top. Plain data, so it can cross worker threads.
   */
  knowledge?: KnowledgeOverrides | readonly KnowledgeOverrides[];
  /**
   * Rule ids or aliases the organisation enforces: the config's `ignore`,
   * `off` or a lower severity and suppression comments do not apply to them;
   * their findings carry `enforced` and any `suppressionAttempts`. A higher
   * severity still applies.
   */
  enforcedRules?: readonly string[];
  /**
   * Waivers of this file's findings: a covered finding is marked `waived`
   * and costs no points while the waiver is valid (`expiresAt` after `now`).
   * Findings of enforced rules cannot be waived.
   */
  waivers?: readonly FindingWaiver[];
  /** Give every finding its `fingerprint`. */
  fingerprints?: boolean;
  /**
   * Count what this file's own settings silence (`FileReport.suppressed`):
   * the findings its config drops beyond what this baseline config (e.g. the
   * organisation's, which the config was merged over) already drops, and
   * those suppression comments drop. Rules the baseline leaves on run even
   * when the config turns them off, so that their findings can be counted.
   */
  suppressionBaseline?: AnalyzerConfig;
}

/** Findings a file's own settings silenced (see `AnalyzeOptions.suppressionBaseline`). @public */
export interface SuppressedCounts {
  /** Dropped by the config (`ignore`, or severity `off`) beyond the baseline. */
  config: number;
  /** Dropped by inline suppression comments. */
  comment: number;
}

/** An Alpine release row added or corrected by knowledge overrides. @public */
export interface KnowledgeRelease {
  /** `3.25` (major.minor). */
  version: string;
  /** First release of the branch, ISO date; unknown when omitted. */
  released?: string;
  /** End of support (main repository), ISO date. */
  endOfLife: string;
  /** musl version; when omitted, the newest known earlier branch's (musl only moves forward). */
  musl?: string;
}

/** An image the catalog should know, e.g. an internal base image. @public */
export interface KnowledgeImage {
  /**
   * `registry.acme.io/base/node:22` (that tag), `registry.acme.io/base/node`
   * (any tag) or `registry.acme.io/base/node:22*` (tags starting with `22`).
   */
  image: string;
  /** Defaults to `alpine` when `alpineRelease` is given. */
  distro?: Distro;
  /** Defaults to musl for Alpine, else unknown. */
  libc?: Libc;
  /** `3.23`: the Alpine release the image is built on. */
  alpineRelease?: string;
}

/**
 * Knowledge as data: what `knowledge:` in `.alpine-advisor.yaml`, the CLI's
 * `--knowledge FILE`, the backend's `alpineAdvisor.knowledge` and its
 * release refresh add to or correct in the bundled tables. @public
 */
export interface KnowledgeOverrides {
  /** When this data was checked or fetched, ISO date. */
  asOf?: string;
  /** Where it comes from (URL or a name), for reports. */
  source?: string;
  releases?: KnowledgeRelease[];
  images?: KnowledgeImage[];
}

/** One knowledge table with its as-of date and sources. @public */
export interface KnowledgeTable {
  name: string;
  /** Where it lives in the analyzer's sources. */
  file: string;
  /** When it was last checked against its sources, ISO date. */
  asOf: string;
  sources: readonly string[];
}

/** What a knowledge version consists of, for `--version`-like displays. @public */
export interface KnowledgeInfo extends KnowledgeStamp {
  tables: KnowledgeTable[];
  /** Layers over the bundled tables, lowest precedence first. */
  layers: Array<{
    source: string;
    asOf?: string;
    releases: number;
    images: number;
  }>;
  /** Newest Alpine branch the knowledge has. */
  newestRelease: string;
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
  /** Knowledge added by this config file, on top of the host's. */
  knowledge?: KnowledgeOverrides;
}
