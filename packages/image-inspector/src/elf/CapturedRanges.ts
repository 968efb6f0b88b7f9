/**
 * Keeps copies of chosen byte ranges of a file that streams past once. A
 * range can be asked for after its start went by: it is still complete when
 * the passed part lies in the always-kept prefix. Memory is bounded by the
 * cap given to the owner, never by the file's size.
 */
export class CapturedRanges {
  private readonly ranges: Array<{ start: number; buffer: Buffer }> = [];
  private readonly prefix: Buffer;
  private prefixLength = 0;
  /** Bytes seen so far: the offset of the next chunk. */
  private position = 0;
  private currentChunk?: { start: number; bytes: Buffer };

  constructor(prefixBytes: number) {
    this.prefix = Buffer.alloc(prefixBytes);
  }

  get offset(): number {
    return this.position;
  }

  feed(chunk: Buffer): void {
    const start = this.position;
    if (this.prefixLength < this.prefix.length) {
      const copied = chunk.copy(this.prefix, this.prefixLength, 0);
      this.prefixLength += copied;
    }
    for (const range of this.ranges) copyOverlap(chunk, start, range);
    this.position += chunk.length;
    this.currentChunk = { start, bytes: chunk };
  }

  /**
   * Forgets the current chunk: the caller lends its chunks only for the
   * feed (the buffer is read into again), so no later want() may copy from it.
   */
  releaseChunk(): void {
    this.currentChunk = undefined;
  }

  /**
   * Starts keeping [start, end). False when bytes of it already went by
   * outside the prefix and the current chunk: it can never be complete.
   */
  want(start: number, end: number): boolean {
    // The prefix keeps everything within its size, passed or to come.
    if (end <= this.prefix.length) return true;
    if (this.covers(start, end) !== undefined) return true;
    const chunkStart = this.currentChunk?.start ?? this.position;
    if (Math.min(end, chunkStart) > Math.max(start, this.prefixLength)) {
      return false;
    }
    const range = { start, buffer: Buffer.alloc(end - start) };
    copyOverlap(this.prefix.subarray(0, this.prefixLength), 0, range);
    if (this.currentChunk) {
      copyOverlap(this.currentChunk.bytes, this.currentChunk.start, range);
    }
    this.ranges.push(range);
    return true;
  }

  /** True once every byte of [start, end) went by (or the file ended before). */
  passed(end: number): boolean {
    return this.position >= end;
  }

  /** The bytes of [start, end) when a kept range holds them all. */
  read(start: number, end: number): Buffer | undefined {
    if (end > this.position) return undefined;
    return this.covers(start, end);
  }

  private covers(start: number, end: number): Buffer | undefined {
    if (end <= this.prefixLength) return this.prefix.subarray(start, end);
    for (const range of this.ranges) {
      const rangeEnd = range.start + range.buffer.length;
      if (range.start <= start && end <= rangeEnd) {
        return range.buffer.subarray(start - range.start, end - range.start);
      }
    }
    return undefined;
  }
}

function copyOverlap(
  chunk: Buffer,
  chunkStart: number,
  range: { start: number; buffer: Buffer },
): void {
  const from = Math.max(chunkStart, range.start);
  const to = Math.min(
    chunkStart + chunk.length,
    range.start + range.buffer.length,
  );
  if (from >= to) return;
  chunk.copy(
    range.buffer,
    from - range.start,
    from - chunkStart,
    to - chunkStart,
  );
}
