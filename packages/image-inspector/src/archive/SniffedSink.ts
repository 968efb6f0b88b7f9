import type { ChunkSink } from './TarParser';

/**
 * Holds a blob's first bytes (copied, as pieces are lent) until there are
 * enough to tell what the blob is, then hands them and everything after to
 * the sink `choose` picks from them; no sink means the rest is skipped. A
 * blob shorter than `headBytes` is decided on what it has.
 */
export class SniffedSink implements ChunkSink {
  private readonly head: Buffer;
  private headLength = 0;
  private decided = false;
  private target?: ChunkSink;

  constructor(
    headBytes: number,
    private readonly choose: (head: Buffer) => ChunkSink | undefined,
  ) {
    this.head = Buffer.alloc(headBytes);
  }

  write(chunk: Buffer): void {
    if (this.decided) {
      this.target?.write(chunk);
      return;
    }
    const copied = chunk.copy(this.head, this.headLength);
    this.headLength += copied;
    if (this.headLength < this.head.length) return;
    this.decide();
    if (copied < chunk.length) this.target?.write(chunk.subarray(copied));
  }

  end(): void {
    if (!this.decided) this.decide();
    this.target?.end();
  }

  private decide(): void {
    this.decided = true;
    const head = this.head.subarray(0, this.headLength);
    this.target = this.choose(head);
    if (head.length > 0) this.target?.write(head);
  }
}
