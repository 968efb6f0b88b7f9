import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import pLimit from 'p-limit';

/** A served path (`svc-N/…`) and the ETag it has now; null when it is missing. */
export type ServedEtag = [path: string, etag: string | null];

/**
 * The least an unchanged re-sweep can cost through this reader: the same
 * conditional requests (each service's listed Dockerfiles and its root
 * `.alpine-advisor.yaml`, with the ETags of the last read), services with
 * the same concurrency and their files in parallel, and nothing else: no
 * catalog, store, scheduling or bookkeeping.
 */
export async function conditionalReadFloor(
  reader: UrlReaderService,
  baseUrl: string,
  etags: ServedEtag[],
  concurrency: number,
): Promise<{ durationMs: number; requests: number }> {
  const services = new Map<string, ServedEtag[]>();
  for (const served of etags) {
    const service = served[0].slice(0, served[0].indexOf('/'));
    services.set(service, [...(services.get(service) ?? []), served]);
  }
  const limit = pLimit(concurrency);
  const readUnchanged = async ([path, etag]: ServedEtag) => {
    try {
      const response = await reader.readUrl(`${baseUrl}/${path}`, {
        etag: etag ?? undefined,
      });
      await response.buffer();
      throw new Error(`${path} changed during the benchmark`);
    } catch (error) {
      const expected = etag === null ? 'NotFoundError' : 'NotModifiedError';
      if (!isError(error) || error.name !== expected) {
        throw error;
      }
    }
  };
  const start = performance.now();
  await Promise.all(
    [...services.values()].map(files =>
      limit(() => Promise.all(files.map(readUnchanged))),
    ),
  );
  return { durationMs: performance.now() - start, requests: etags.length };
}

/** A repository (`svc-N`) and its current commit. */
export type ServedCommit = [repository: string, sha: string];

/**
 * The same floor for a reader that compares repositories by commit: one
 * `readTree` per repository with the commit of the last read, which the
 * GithubUrlReader answers with one commit-status lookup.
 */
export async function commitLookupFloor(
  reader: UrlReaderService,
  baseUrl: string,
  commits: ServedCommit[],
  concurrency: number,
): Promise<{ durationMs: number; requests: number }> {
  const limit = pLimit(concurrency);
  const readUnchanged = async ([repository, sha]: ServedCommit) => {
    try {
      await reader.readTree(`${baseUrl}/org/${repository}/tree/main/`, {
        etag: sha,
      });
      throw new Error(`${repository} changed during the benchmark`);
    } catch (error) {
      if (!isError(error) || error.name !== 'NotModifiedError') {
        throw error;
      }
    }
  };
  const start = performance.now();
  await Promise.all(commits.map(commit => limit(() => readUnchanged(commit))));
  return { durationMs: performance.now() - start, requests: commits.length };
}
