/** One thing wrong in a configuration file. @public */
export interface ConfigProblem {
  /** Where in the file, e.g. `severity.apk-no-cache` or `overrides[0].files`; empty for the whole file. */
  keyPath: string;
  /** What is wrong there, e.g. `expected one of error, warning, info, off, got "loud"`. */
  message: string;
}

/**
 * A configuration that cannot be used. Its message names the file, the key
 * and what was wrong, one problem per line, so a CLI can print it as is.
 * @public
 */
export class ConfigError extends Error {
  readonly sourceName: string;
  readonly problems: ConfigProblem[];

  constructor(sourceName: string, problems: ConfigProblem[]) {
    super(
      problems
        .map(({ keyPath, message }) =>
          keyPath
            ? `${sourceName}: ${keyPath}: ${message}`
            : `${sourceName}: ${message}`,
        )
        .join('\n'),
    );
    this.name = 'ConfigError';
    this.sourceName = sourceName;
    this.problems = problems;
  }
}
