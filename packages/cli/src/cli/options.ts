import type { Severity } from '@alpine-advisor/analyzer';

export const OUTPUT_FORMATS = [
  'tty',
  'json',
  'sarif',
  'markdown',
  'checkstyle',
  'codeclimate',
  'junit',
  'gnu',
] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'none'] as const;
export type FailOn = Severity | 'none';

/** What the command line asked for, after validation. */
export interface CliOptions {
  /** Files, directories or `-` for standard input. */
  paths: string[];
  format: OutputFormat;
  output?: string;
  config?: string;
  /** `--knowledge FILE`: releases and images layered over the bundled tables. */
  knowledge?: string;
  /** Rule ids or aliases from every `--ignore`, split on commas. */
  ignore: string[];
  /** Rule ids or aliases from every `--enforce`, split on commas. */
  enforce: string[];
  /** Unset when not given: each file's config decides then. */
  failOn?: FailOn;
  fix: boolean;
  fixDryRun: boolean;
  listRules: boolean;
  explain?: string;
  stdinFilename?: string;
  docsUrl?: string;
  /** Unset: colour when stdout is a terminal and NO_COLOR is not set. */
  color?: boolean;
}
