/*
 * The build context as the hosts hand it to the analyzer: files read next
 * to a Dockerfile's build context (manifests, lockfiles, `.dockerignore`),
 * as text by path. The analyzer stays synchronous and reads no file system:
 * the CLI collects them from the disk, the backend from its source readers.
 */

/** One file of the build context, as the host read it (or why it did not). @public */
export interface ContextFileInput {
  /** Relative to the context's root, forward slashes: `package-lock.json`, `prisma/schema.prisma`. */
  path: string;
  /** The file's text or bytes; absent when the host did not read it (`skipped`). */
  content?: string | Uint8Array;
  /** Set by the host when it did not read the file whole, e.g. over its size cap. */
  skipped?:
    | { reason: 'too-large'; bytes: number }
    | { reason: 'unreadable'; detail: string };
}

/**
 * What the host knows of a Dockerfile's build context: the files the facts
 * are read from and the entries at its top (what `COPY . .` may carry).
 * Plain data, so it crosses worker threads.
 * @public
 */
export interface BuildContextInput {
  /** The context folder as the host names it (`.`, `services/api`), for messages. */
  root?: string;
  files: ContextFileInput[];
  /**
   * Entries at the top of the context, folders with a trailing `/`
   * (`node_modules/`, `.env`); only those whose names matter are needed.
   */
  entries?: string[];
}

/** Context files larger than this are not parsed: bounded time and memory on any input. @public */
export const MAX_CONTEXT_FILE_BYTES = 8 * 1024 * 1024;

/** A context file the analyzer could not use, reported as a note (never a failure). @public */
export interface ContextNote {
  path: string;
  /** What went wrong, e.g. "not valid UTF-8", "malformed JSON: Unexpected token". */
  detail: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A context file as text, or the note saying why it is not. */
export function contextText(
  file: ContextFileInput,
): { text: string } | { note: ContextNote } {
  const note = (detail: string) => ({ note: { path: file.path, detail } });
  if (file.skipped) {
    return file.skipped.reason === 'too-large'
      ? note(`too large to read (${megabytes(file.skipped.bytes)} MB)`)
      : note(`unreadable: ${file.skipped.detail}`);
  }
  const content = file.content;
  if (content === undefined) return note('no content');
  const size =
    typeof content === 'string' ? content.length : content.byteLength;
  if (size > MAX_CONTEXT_FILE_BYTES) {
    return note(
      `too large to read (${megabytes(size)} MB, limit ${megabytes(
        MAX_CONTEXT_FILE_BYTES,
      )} MB)`,
    );
  }
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    try {
      text = utf8.decode(content);
    } catch {
      return note('binary content: not valid UTF-8');
    }
  }
  if (text.includes('\u0000')) return note('binary content: NUL bytes');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
