/** A tar entry's content as Buffers; streamx streams are async iterable, their typings do not say so. */
export function chunksOf(entry: unknown): AsyncIterable<Buffer> {
  return entry as unknown as AsyncIterable<Buffer>;
}
