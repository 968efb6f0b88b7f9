/** Thrown when an entity's scan takes longer than its budget. */
export class TimeoutError extends Error {
  name = 'TimeoutError' as const;
}

/**
 * Runs `work` with an AbortSignal that fires after `timeoutMs`, and rejects
 * with TimeoutError then even if the work ignores the signal.
 */
export function withTimeout<T>(
  timeoutMs: number,
  description: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  // One promise settled by whichever comes first (every scan runs this, so
  // no race of two promises).
  return new Promise<T>((resolve, reject) => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const error = new TimeoutError(
        `${description} timed out after ${Math.round(timeoutMs / 1000)} s`,
      );
      controller.abort(error);
      reject(error);
    }, timeoutMs);
    const settle = () => clearTimeout(timer);
    let started: Promise<T>;
    try {
      started = work(controller.signal);
    } catch (error) {
      settle();
      reject(error);
      return;
    }
    started.then(
      value => {
        settle();
        resolve(value);
      },
      error => {
        settle();
        reject(error);
      },
    );
  });
}
