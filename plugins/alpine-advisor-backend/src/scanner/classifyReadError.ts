import { isError } from '@backstage/errors';
import type { FailureStatus } from './types';

/** How a failed read is recorded (`refused`: not a failure, see ScanRefusal). */
export interface ReadFailure {
  status: FailureStatus | 'refused';
  message: string;
  /** Set for rate limiting when the source said how long to wait. */
  retryAfterMs?: number;
}

/**
 * Turns whatever a reader threw into a recorded state. UrlReaders report
 * HTTP failures as plain errors whose message carries the status code, so
 * the code is read from the message when the error has no better shape.
 */
export function classifyReadError(error: unknown): ReadFailure {
  if (!isError(error)) {
    return { status: 'error', message: String(error) };
  }
  const message = error.message || error.name;
  switch (error.name) {
    case 'SourceRefusedError':
      return { status: 'refused', message };
    case 'SourceRateLimitedError':
      return {
        status: 'rate-limited',
        message,
        retryAfterMs: (error as { retryAfterMs?: number }).retryAfterMs,
      };
    case 'NotFoundError':
      return { status: 'unreadable', message: `Not found: ${message}` };
    case 'TimeoutError':
    case 'AbortError':
      return { status: 'timeout', message };
    default:
      break;
  }
  const status = httpStatusOf(error);
  if (status === 429 || /rate limit/i.test(message)) {
    return {
      status: 'rate-limited',
      message,
      retryAfterMs: retryAfterOf(error),
    };
  }
  if (status === 401 || status === 403) {
    return { status: 'unreadable', message: `Access denied: ${message}` };
  }
  return { status: 'unreadable', message };
}

function httpStatusOf(error: Error): number | undefined {
  const shaped = error as {
    statusCode?: unknown;
    status?: unknown;
    response?: { status?: unknown };
  };
  for (const candidate of [
    shaped.statusCode,
    shaped.status,
    shaped.response?.status,
  ]) {
    if (typeof candidate === 'number') {
      return candidate;
    }
  }
  const match = /(?:^|[\s,])([1-5]\d\d)(?:\s|$)/.exec(error.message);
  return match ? Number(match[1]) : undefined;
}

/** A Retry-After carried by the error (header on a response, or a field). */
function retryAfterOf(error: Error): number | undefined {
  const shaped = error as {
    retryAfterMs?: unknown;
    response?: { headers?: { get?: (name: string) => string | null } };
  };
  if (typeof shaped.retryAfterMs === 'number') {
    return shaped.retryAfterMs;
  }
  return parseRetryAfter(shaped.response?.headers?.get?.('retry-after'));
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: Date = new Date(),
): number | undefined {
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim()) * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
