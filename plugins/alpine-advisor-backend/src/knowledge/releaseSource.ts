/*
 * Reads Alpine release data from a machine-readable source and turns it into
 * knowledge overrides, validated twice: the source's shape with zod, then
 * the result with the analyzer's own loader (parseKnowledge), so a refreshed
 * table passes the same checks as a hand-written `--knowledge` file.
 *
 * Default source: https://alpinelinux.org/releases.json, the list the Alpine
 * project publishes itself (latest_stable, release_branches[] with
 * rel_branch, eol_date and the releases of each branch). endOfLife.date's API
 * (https://endoflife.date/api/v1/products/alpine-linux, or the older
 * /api/alpine-linux.json) is understood too, but it is a secondary source: it
 * scrapes alpinelinux.org/releases and has disagreed with the release posts
 * on first-release dates. Neither lists musl versions; rows without one take
 * the newest earlier branch's (musl only moves forward).
 */
import type {
  KnowledgeOverrides,
  KnowledgeRelease,
} from '@alpine-advisor/analyzer';
import { parseKnowledge } from '@alpine-advisor/analyzer';
import { z } from 'zod';

export const DEFAULT_RELEASES_URL = 'https://alpinelinux.org/releases.json';

/** Fewer usable branches than this is not a release list but garbage. */
const MIN_BRANCHES = 3;
/** Larger answers are not a release list either. */
const MAX_BYTES = 5 * 1024 * 1024;

const isoPrefix = (value: string | null | undefined) => {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value ?? '');
  return match ? match[1] : undefined;
};

const alpineReleasesJson = z
  .object({
    release_branches: z
      .array(
        z
          .object({
            rel_branch: z.string(),
            eol_date: z.string().nullish(),
            releases: z
              .array(
                z
                  .object({ version: z.string(), date: z.string().nullish() })
                  .passthrough(),
              )
              .nullish(),
          })
          .passthrough(),
      )
      .min(1),
  })
  .passthrough();

const endOfLifeV1 = z
  .object({
    result: z
      .object({
        releases: z
          .array(
            z
              .object({
                name: z.string(),
                releaseDate: z.string().nullish(),
                eolFrom: z.string().nullish(),
              })
              .passthrough(),
          )
          .min(1),
      })
      .passthrough(),
  })
  .passthrough();

const endOfLifeV0 = z
  .array(
    z
      .object({
        cycle: z.string(),
        releaseDate: z.string().nullish(),
        eol: z.union([z.string(), z.boolean()]).nullish(),
      })
      .passthrough(),
  )
  .min(1);

/** Turns a parsed answer into release rows; throws when no known shape matches. */
export function releasesFromJson(json: unknown): KnowledgeRelease[] {
  const alpine = alpineReleasesJson.safeParse(json);
  if (alpine.success) {
    return alpine.data.release_branches.flatMap(branch => {
      const version = /^v(\d+\.\d+)$/.exec(branch.rel_branch)?.[1];
      const endOfLife = isoPrefix(branch.eol_date);
      if (!version || !endOfLife) return [];
      const releases = branch.releases ?? [];
      const first =
        releases.find(release => release.version === `${version}.0`) ??
        [...releases].sort((a, b) =>
          String(a.date ?? '').localeCompare(String(b.date ?? '')),
        )[0];
      const released = isoPrefix(first?.date);
      return [{ version, endOfLife, ...(released ? { released } : {}) }];
    });
  }
  const v1 = endOfLifeV1.safeParse(json);
  if (v1.success) {
    return v1.data.result.releases.flatMap(row =>
      row.eolFrom && /^\d+\.\d+$/.test(row.name)
        ? [
            {
              version: row.name,
              endOfLife: isoPrefix(row.eolFrom)!,
              ...(isoPrefix(row.releaseDate)
                ? { released: isoPrefix(row.releaseDate) }
                : {}),
            },
          ].filter(entry => entry.endOfLife)
        : [],
    );
  }
  const v0 = endOfLifeV0.safeParse(json);
  if (v0.success) {
    return v0.data.flatMap(row =>
      typeof row.eol === 'string' && /^\d+\.\d+$/.test(row.cycle)
        ? [
            {
              version: row.cycle,
              endOfLife: isoPrefix(row.eol)!,
              ...(isoPrefix(row.releaseDate)
                ? { released: isoPrefix(row.releaseDate) }
                : {}),
            },
          ].filter(entry => entry.endOfLife)
        : [],
    );
  }
  throw new Error(
    `unexpected shape (${
      alpine.error.issues[0]?.path.join('.') || 'top level'
    }: ${
      alpine.error.issues[0]?.message ?? 'unknown'
    }): not alpinelinux.org's releases.json nor endoflife.date's API`,
  );
}

/**
 * Fetches and validates the release list. Throws an Error whose message says
 * what went wrong (HTTP status, timeout, not JSON, unknown shape, too few
 * branches, a row the analyzer's loader rejects).
 */
export async function fetchReleaseKnowledge(options: {
  url: string;
  timeoutMs: number;
  now: Date;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}): Promise<KnowledgeOverrides> {
  const signals = [AbortSignal.timeout(options.timeoutMs)];
  if (options.signal) signals.push(options.signal);
  let text: string;
  try {
    const response = await (options.fetchImpl ?? fetch)(options.url, {
      signal: AbortSignal.any(signals),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    }
    text = await response.text();
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new Error(`no answer within ${options.timeoutMs} ms`);
    }
    throw new Error(describe(error));
  }
  if (text.length > MAX_BYTES) {
    throw new Error(`answer larger than ${MAX_BYTES} bytes`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (truncated?): ${describe(error)}`);
  }
  const releases = releasesFromJson(json);
  if (releases.length < MIN_BRANCHES) {
    throw new Error(
      `only ${releases.length} usable branches (at least ${MIN_BRANCHES} expected)`,
    );
  }
  return parseKnowledge(
    {
      asOf: options.now.toISOString().slice(0, 10),
      source: options.url,
      releases,
    },
    options.url,
  );
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { message?: string } })?.cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  return cause ? `${message} (${cause})` : message;
}
