import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ScanStore } from '../database/ScanStore';
import { recordOutcomes } from './recordOutcomes';
import type { ScanOutcome } from './ScanOutcome';

/** Analysed, failed or refused outcomes per write: one transaction instead of one per entity. */
const BATCH_SIZE = 50;

/** Batches waiting for the store before scanning waits for it. */
const MAX_PENDING_BATCHES = 2;

/**
 * Collects scan outcomes as entities finish and writes them in batches, one
 * batch at a time, while scanning goes on. Unchanged and opted-out entities
 * cost one statement each way per page, so they wait for `close`. A failed
 * write is logged; those entities are simply scanned again next sweep.
 *
 * When the store falls behind, `add` makes the scanner wait: without that,
 * analysis results (findings, file contents) of a slow database would pile
 * up in memory faster than they are written.
 */
export class OutcomeWriter {
  private buffer: ScanOutcome[] = [];
  private cheap: ScanOutcome[] = [];
  private writing: Promise<void> = Promise.resolve();
  /** Writes not finished yet, oldest first. */
  private readonly pending: Promise<void>[] = [];

  constructor(
    private readonly store: ScanStore,
    private readonly logger: LoggerService,
    private readonly now: () => Date,
    /** `throw`: `close` rejects with the first failed write instead of logging it. */
    private readonly storeErrors: 'log' | 'throw' = 'log',
  ) {}

  private failure: unknown;
  private failed = false;

  /**
   * Takes the outcome. While the store is behind, returns a promise to wait
   * for before scanning on; otherwise nothing (most outcomes of a sweep are
   * unchanged entities: no promise to settle for each of them).
   */
  add(outcome: ScanOutcome): Promise<void> | undefined {
    if (
      outcome.kind === 'analysed' ||
      outcome.kind === 'failed' ||
      outcome.kind === 'refused'
    ) {
      this.buffer.push(outcome);
      if (this.buffer.length >= BATCH_SIZE) {
        this.flush(this.buffer);
        this.buffer = [];
      }
    } else {
      this.cheap.push(outcome);
    }
    return this.pending.length > MAX_PENDING_BATCHES
      ? this.catchUp()
      : undefined;
  }

  private async catchUp(): Promise<void> {
    while (this.pending.length > MAX_PENDING_BATCHES) {
      await this.pending[0];
    }
  }

  /** Writes what is left and waits for every write. */
  async close(): Promise<void> {
    this.flush([...this.buffer, ...this.cheap]);
    this.buffer = [];
    this.cheap = [];
    await this.writing;
    if (this.failed) {
      throw this.failure;
    }
  }

  private flush(batch: ScanOutcome[]): void {
    if (batch.length === 0) {
      return;
    }
    const written = this.writing.then(() =>
      recordOutcomes(this.store, batch, this.now()).catch(error => {
        if (this.storeErrors === 'throw') {
          if (!this.failed) {
            this.failed = true;
            this.failure = error;
          }
          return;
        }
        this.logger.error(
          `Alpine Advisor could not store ${batch.length} scan results; they are retried next sweep: ${error}`,
        );
      }),
    );
    this.writing = written;
    this.pending.push(written);
    written.then(() => this.pending.splice(this.pending.indexOf(written), 1));
  }
}
