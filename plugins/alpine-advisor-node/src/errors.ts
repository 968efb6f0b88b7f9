import { CustomErrorBase } from '@backstage/errors';

/**
 * A source reader refuses to read a location, e.g. a local directory outside
 * the allowed ones or a path escaping the source. Recorded as `refused`.
 * @public
 */
export class SourceRefusedError extends CustomErrorBase {
  name = 'SourceRefusedError' as const;
}

/**
 * The source answered "too many requests". Recorded as `rate-limited`; the
 * entity is not read again before `retryAfterMs` has passed (the plugin's
 * `rateLimitBackoff` applies when it is undefined).
 * @public
 */
export class SourceRateLimitedError extends CustomErrorBase {
  name = 'SourceRateLimitedError' as const;

  constructor(
    message: string,
    readonly retryAfterMs?: number,
    cause?: unknown,
  ) {
    super(message, cause);
  }
}
