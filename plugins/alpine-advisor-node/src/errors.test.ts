import { isError } from '@backstage/errors';
import { SourceRateLimitedError, SourceRefusedError } from './errors';

describe('source reader errors', () => {
  it('carry names the backend classifies by, across package copies', () => {
    const refused = new SourceRefusedError('outside the allowed directories');
    const limited = new SourceRateLimitedError('429 Too Many Requests', 30_000);

    expect(isError(refused) && refused.name).toBe('SourceRefusedError');
    expect(isError(limited) && limited.name).toBe('SourceRateLimitedError');
    expect(refused.message).toBe('outside the allowed directories');
  });

  it('keep the retry delay and the cause of a rate limit', () => {
    const cause = new Error('upstream said 429');
    const limited = new SourceRateLimitedError('slow down', undefined, cause);

    expect(limited.retryAfterMs).toBeUndefined();
    expect(limited.cause).toBe(cause);
    expect(new SourceRateLimitedError('slow down', 5_000).retryAfterMs).toBe(
      5_000,
    );
  });
});
