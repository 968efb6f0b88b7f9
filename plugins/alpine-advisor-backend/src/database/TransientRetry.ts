import type { LoggerService } from '@backstage/backend-plugin-api';
import { isTransientDatabaseError } from './isTransientDatabaseError';

export interface WriteRetryOptions {
  /** Waits between attempts; one attempt more than there are waits. */
  delaysMs: number[];
  sleep?: (ms: number) => Promise<void>;
}

/**
 * About a minute and a half in all: long enough for a database restart or a
 * fail-over, short against the sweep's timeout.
 */
export const DEFAULT_WRITE_RETRY: WriteRetryOptions = {
  delaysMs: [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 30_000],
};

/**
 * Runs a database call again, with growing waits, while it fails because the
 * database is unreachable (restart, fail-over, network), and says so in the
 * log. Errors the database will always give (a refused statement) are thrown
 * at once. Callers make each call one transaction or a plain read, so a
 * failed attempt left nothing behind.
 */
export class TransientRetry {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly logger: LoggerService,
    private readonly options: WriteRetryOptions = DEFAULT_WRITE_RETRY,
  ) {
    this.sleep =
      options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
  }

  /** `description` completes "could not …" and "could … at attempt N". */
  async run<T>(description: string, work: () => Promise<T>): Promise<T> {
    const { delaysMs } = this.options;
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await work();
        if (attempt > 0) {
          this.logger.info(
            `Alpine Advisor reached the database again: could ${description} at attempt ${
              attempt + 1
            }`,
          );
        }
        return result;
      } catch (error) {
        if (!isTransientDatabaseError(error) || attempt >= delaysMs.length) {
          throw error;
        }
        const delayMs = delaysMs[attempt];
        this.logger.warn(
          `Alpine Advisor could not ${description}, the database is unreachable (${error}); trying again in ${Math.round(
            delayMs / 1000,
          )} s (attempt ${attempt + 2} of ${delaysMs.length + 1})`,
        );
        await this.sleep(delayMs);
      }
    }
  }
}
