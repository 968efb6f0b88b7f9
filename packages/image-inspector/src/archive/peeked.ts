/**
 * A stream's first non-empty chunk, and every chunk again from there: what
 * a blob is (JSON, gzip, tar) is decided from its first bytes without
 * reading it twice.
 */
export async function peeked(blob: AsyncIterable<Buffer>): Promise<{
  head?: Buffer;
  chunks: AsyncIterable<Buffer>;
}> {
  const iterator = blob[Symbol.asyncIterator]();
  let first = await iterator.next();
  while (!first.done && first.value.length === 0) first = await iterator.next();
  if (first.done) return { chunks: emptyChunks() };
  const head: Buffer = first.value;
  return {
    head,
    chunks: (async function* rest() {
      yield head;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    })(),
  };
}

async function* emptyChunks(): AsyncIterable<Buffer> {
  // nothing to yield
}
