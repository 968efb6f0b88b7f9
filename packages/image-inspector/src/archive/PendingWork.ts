/**
 * Asynchronous work started by synchronous parsing (a layer's
 * decompression), which the reading loop waits for before it reads on:
 * that is the backpressure, and where the work's errors surface.
 */
export class PendingWork {
  private waiting: Array<Promise<unknown>> = [];

  add(work: Promise<unknown> | undefined): void {
    if (!work) return;
    // Observed at once so a failure before settle() is no unhandled rejection.
    work.catch(() => undefined);
    this.waiting.push(work);
  }

  async settle(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      await Promise.all(batch);
    }
  }
}
