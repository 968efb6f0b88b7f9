import type { Report } from '@alpine-advisor/analyzer';
import type { FailOn } from '../cli/options';

/** Everything a formatter needs besides the report itself. */
export interface FormatContext {
  report: Report;
  /** Each file's text by report path, for code frames; absent for binary or oversized files. */
  sources: ReadonlyMap<string, string>;
  /** Errors that kept files or configs out of the report, one message each. */
  problems: readonly string[];
  /** Each file's failure threshold (`--fail-on`, else its config's), by report path. */
  failOn: ReadonlyMap<string, FailOn>;
  /** Colour escapes allowed (tty format only). */
  color: boolean;
  /** Base URL of the repository the rule docs live in, without a trailing slash. */
  docsBaseUrl: string;
  /** Directory report paths are relative to (SARIF's %SRCROOT%). */
  cwd: string;
  toolVersion: string;
}

export type Formatter = (context: FormatContext) => string;
