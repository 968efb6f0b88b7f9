/** How long an origin's requests carry the scan's signal after a scan of it timed out. */
const GUARD_MS = 60 * 60 * 1000;

/**
 * Decides which reads carry the scan's cancellation signal.
 *
 * Node's fetch pays for every request given a signal (a listener, a weak
 * reference and a finalizer each): about 15 µs of CPU, 6–8 % of an unchanged
 * re-sweep that asks a dozen conditional requests per service. The signal
 * only fires when a scan times out. So requests to an origin go without it
 * until a scan of that origin times out, and with it for an hour after.
 *
 * The cost is bounded: the first scans to time out against an origin (at
 * most the sweep's concurrency) leave their requests to Node's own timeouts
 * instead of aborting them; every later one is aborted on time.
 */
export class SlowOrigins {
  private readonly guardedUntil = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The signal to give requests to `origin` from a scan that `signal`
   * cancels: `signal` itself for an origin that timed out lately, otherwise
   * none, and `origin` is guarded from the moment `signal` fires.
   */
  signalFor(origin: string, signal: AbortSignal): AbortSignal | undefined {
    const until = this.guardedUntil.get(origin);
    if (until !== undefined && until > this.now()) {
      return signal;
    }
    if (until !== undefined) {
      this.guardedUntil.delete(origin);
    }
    signal.addEventListener('abort', () => this.guard(origin), {
      once: true,
    });
    return undefined;
  }

  private guard(origin: string): void {
    this.guardedUntil.set(origin, this.now() + GUARD_MS);
  }
}
