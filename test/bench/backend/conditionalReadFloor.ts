import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import pLimit from 'p-limit';

/** A served path (`svc-N/…`) and the ETag it has now; null when it is missing. */
export type ServedEtag = [path: string, etag: string | null];

/**
 * The least an unchanged re-sweep can cost through this reader: the same
 * conditional requests it made (each service's Dockerfiles, the config and
 * build-context files probed beside them, most absent; with the ETags of the
 * last read, as the SCM stand-in recorded them), services with the same
 * concurrency and their files in parallel, and nothing else: no catalog,
 * store, scheduling or bookkeeping.
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
  const readUnchanged = ([path, etag]: ServedEtag) =>
    expectUnchanged(
      path,
      etag === null ? 'NotFoundError' : 'NotModifiedError',
      async () => {
        const response = await reader.readUrl(`${baseUrl}/${path}`, {
          etag: etag ?? undefined,
        });
        await response.buffer();
      },
    );
  return timed(
    [...services.values()],
    concurrency,
    files => Promise.all(files.map(readUnchanged)),
    etags.length,
  );
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
  return timed(
    commits,
    concurrency,
    ([repository, sha]) =>
      expectUnchanged(repository, 'NotModifiedError', () =>
        reader.readTree(`${baseUrl}/org/${repository}/tree/main/`, {
          etag: sha,
        }),
      ),
    commits.length,
  );
}

/** Runs `read` over `items`, `concurrency` at a time, and times it all. */
async function timed<T>(
  items: T[],
  concurrency: number,
  read: (item: T) => Promise<unknown>,
  requests: number,
): Promise<{ durationMs: number; requests: number }> {
  const limit = pLimit(concurrency);
  const start = performance.now();
  await Promise.all(items.map(item => limit(() => read(item))));
  return { durationMs: performance.now() - start, requests };
}

/** `read` must fail with `expected` (the thing did not change, or is missing). */
async function expectUnchanged(
  what: string,
  expected: string,
  read: () => Promise<unknown>,
): Promise<void> {
  try {
    await read();
  } catch (error) {
    if (isError(error) && error.name === expected) {
      return;
    }
    throw error;
  }
  throw new Error(`${what} changed during the benchmark`);
}
