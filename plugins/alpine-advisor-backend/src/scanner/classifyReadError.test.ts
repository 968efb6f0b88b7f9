import {
  SourceRateLimitedError,
  SourceRefusedError,
} from '@alpine-advisor/backstage-plugin-node';
import { NotFoundError } from '@backstage/errors';
import { classifyReadError, parseRetryAfter } from './classifyReadError';
import { TimeoutError } from './withTimeout';

describe('classifyReadError', () => {
  it.each([
    [new SourceRefusedError('outside allowed directories'), 'refused'],
    [new NotFoundError('no such repo'), 'unreadable'],
    [new TimeoutError('Reading x timed out after 60 s'), 'timeout'],
    [
      new Error(
        'Request failed for https://api.github.com/x, 401 Unauthorized',
      ),
      'unreadable',
    ],
    [
      new Error(
        'https://gitlab.com/x could not be read as y, 500 Internal Server Error',
      ),
      'unreadable',
    ],
    [
      new Error(
        'Request failed for https://api.github.com/x, 403 Forbidden (rate limit exceeded)',
      ),
      'rate-limited',
    ],
    [
      new Error('could not read https://files/x, 429 Too Many Requests'),
      'rate-limited',
    ],
    ['a string', 'error'],
  ])('records %p as %p', (error, status) => {
    expect(classifyReadError(error).status).toBe(status);
  });

  it('says when access was denied', () => {
    expect(
      classifyReadError(new Error('Request failed for u, 401 Unauthorized'))
        .message,
    ).toMatch(/^Access denied: /);
  });

  it('honours Retry-After from the error or its response', () => {
    expect(
      classifyReadError(new SourceRateLimitedError('slow down', 30_000))
        .retryAfterMs,
    ).toBe(30_000);
    const withResponse = Object.assign(new Error('429 Too Many Requests'), {
      response: { status: 429, headers: new Headers({ 'Retry-After': '120' }) },
    });
    expect(classifyReadError(withResponse)).toEqual({
      status: 'rate-limited',
      message: '429 Too Many Requests',
      retryAfterMs: 120_000,
    });
    expect(
      classifyReadError(new Error('u, 429 Too Many Requests')).retryAfterMs,
    ).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    expect(parseRetryAfter('90', now)).toBe(90_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:02:00 GMT', now)).toBe(120_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
