/** Thrown when an entity's scan takes longer than its budget. */
export class TimeoutError extends Error {
  name = 'TimeoutError' as const;
}

/**
 * Runs `work` with an AbortSignal that fires after `timeoutMs`, and rejects
 * with TimeoutError then even if the work ignores the signal.
 */
export async function withTimeout<T>(
  timeoutMs: number,
  description: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new TimeoutError(
        `${description} timed out after ${Math.round(timeoutMs / 1000)} s`,
      );
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
