import type {
  BuildContextInput,
  ContextFileInput,
} from '@alpine-advisor/analyzer';

/**
 * A build context larger than this (encoded) is not kept: the entity is then
 * read again from its repository when its findings must be recomputed.
 */
export const MAX_STORED_CONTEXT_BYTES = 4 * 1024 * 1024;

/** The build context as stored beside a Dockerfile (JSON-safe: bytes as base64). */
export interface StoredContext {
  root?: string;
  entries?: string[];
  files: Array<{
    path: string;
    text?: string;
    base64?: string;
    skipped?: ContextFileInput['skipped'];
  }>;
}

/** Stands for a context that was too large to keep. */
export const OMITTED_CONTEXT = { omitted: true } as const;

/**
 * What to keep of a Dockerfile's build context, so that a knowledge
 * refresh or a waiver re-scores it with the same facts: the context as
 * JSON-safe data, OMITTED_CONTEXT when too large, undefined when none.
 */
export function storableContext(
  context: BuildContextInput | undefined,
): StoredContext | typeof OMITTED_CONTEXT | undefined {
  if (!context) return undefined;
  let size = 0;
  const files: StoredContext['files'] = [];
  for (const file of context.files) {
    const stored: StoredContext['files'][number] = { path: file.path };
    if (file.skipped) stored.skipped = file.skipped;
    else if (typeof file.content === 'string') stored.text = file.content;
    else if (file.content !== undefined)
      stored.base64 = Buffer.from(file.content).toString('base64');
    size += (stored.text?.length ?? 0) + (stored.base64?.length ?? 0);
    if (size > MAX_STORED_CONTEXT_BYTES) return OMITTED_CONTEXT;
    files.push(stored);
  }
  const stored: StoredContext = { files };
  if (context.root !== undefined) stored.root = context.root;
  if (context.entries !== undefined) stored.entries = context.entries;
  return stored;
}

/** The stored context as the analyzer takes it. */
export function contextFromStorage(stored: StoredContext): BuildContextInput {
  const context: BuildContextInput = {
    files: stored.files.map(file => {
      const input: ContextFileInput = { path: file.path };
      if (file.skipped) input.skipped = file.skipped;
      else if (file.text !== undefined) input.content = file.text;
      else if (file.base64 !== undefined)
        input.content = Buffer.from(file.base64, 'base64');
      return input;
    }),
  };
  if (stored.root !== undefined) context.root = stored.root;
  if (stored.entries !== undefined) context.entries = stored.entries;
  return context;
}

export function isOmittedContext(
  stored: unknown,
): stored is typeof OMITTED_CONTEXT {
  return (
    typeof stored === 'object' &&
    stored !== null &&
    (stored as { omitted?: unknown }).omitted === true
  );
}
