/*
 * Knowledge overrides as data: the schema every source of added knowledge
 * is validated with (`knowledge:` in `.alpine-advisor.yaml`, the CLI's
 * `--knowledge FILE`, the backend's app-config and its release refresh), so
 * that one loader decides what is acceptable for all of them.
 */
import { z } from 'zod';
import type { KnowledgeOverrides } from '../types';

export const KNOWLEDGE_KEYS = ['asOf', 'source', 'releases', 'images'] as const;
export const KNOWLEDGE_RELEASE_KEYS = [
  'version',
  'released',
  'endOfLife',
  'musl',
] as const;
export const KNOWLEDGE_IMAGE_KEYS = [
  'image',
  'distro',
  'libc',
  'alpineRelease',
] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)')
  .refine(
    text => {
      const date = new Date(`${text}T00:00:00Z`);
      return (
        !Number.isNaN(date.getTime()) &&
        date.toISOString().slice(0, 10) === text
      );
    },
    { message: 'not a calendar date' },
  );
// YAML reads an unquoted 3.20 as the number 3.2: insist on strings.
const branch = z
  .string()
  .regex(/^\d{1,2}\.\d{1,3}$/, 'expected a branch such as "3.24" (quoted)');

const release = z
  .object({
    version: branch,
    released: isoDate.optional(),
    endOfLife: isoDate,
    musl: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'expected a musl version such as "1.2.6"')
      .optional(),
  })
  .strict();

const image = z
  .object({
    image: z
      .string()
      .min(1)
      .max(300)
      .regex(
        /^[a-z0-9][a-z0-9._:/-]*(:[A-Za-z0-9_.*-]+)?$/,
        'expected an image reference such as registry.acme.io/base/node:22',
      ),
    distro: z
      .enum([
        'alpine',
        'debian',
        'ubuntu',
        'rhel',
        'distroless',
        'scratch',
        'unknown',
      ])
      .optional(),
    libc: z.enum(['musl', 'glibc', 'none', 'unknown']).optional(),
    alpineRelease: branch.optional(),
  })
  .strict()
  .refine(
    entry => !entry.alpineRelease || !entry.distro || entry.distro === 'alpine',
    {
      message: 'alpineRelease is only for distro alpine',
    },
  );

export const knowledgeSchema = z
  .object({
    asOf: isoDate.optional(),
    source: z.string().min(1).max(500).optional(),
    releases: z.array(release).max(1000).optional(),
    images: z.array(image).max(10_000).optional(),
  })
  .strict();

export type KnowledgeFile = z.infer<typeof knowledgeSchema>;

/** Allowed keys under `knowledge`, for "did you mean" hints. */
export function knowledgeKeysAt(
  path: ReadonlyArray<string | number>,
): readonly string[] {
  if (path[0] === 'releases') return KNOWLEDGE_RELEASE_KEYS;
  if (path[0] === 'images') return KNOWLEDGE_IMAGE_KEYS;
  return KNOWLEDGE_KEYS;
}

/** The validated file as the analyzer's public type (drops absent keys). */
export function toKnowledgeOverrides(file: KnowledgeFile): KnowledgeOverrides {
  const result: KnowledgeOverrides = {};
  if (file.asOf) result.asOf = file.asOf;
  if (file.source) result.source = file.source;
  if (file.releases) result.releases = file.releases.map(row => ({ ...row }));
  if (file.images) result.images = file.images.map(row => ({ ...row }));
  return result;
}
