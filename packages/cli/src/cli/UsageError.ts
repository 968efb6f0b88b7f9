/**
 * A problem with how the CLI was called (bad option, unknown rule, missing
 * input): reported as one line on stderr with exit code 2, never as a stack.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
