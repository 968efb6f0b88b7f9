import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { randomUUID } from 'node:crypto';
import { SCANNED_ENTITY_FIELDS, entityKey } from '../catalog/entityMetadata';
import { loadSystemDomainsOf } from '../catalog/systemDomains';
import type { ScanStore } from '../database/ScanStore';
import type { EntityScanner } from '../scanner/EntityScanner';
import type { ScanOutcome } from '../scanner/ScanOutcome';
import { ScanPipeline } from '../scanner/ScanPipeline';
import type {
  DatabaseEventRescanStore,
  EntityChange,
} from './DatabaseEventRescanStore';

export interface EventRescanQueueOptions {
  store: DatabaseEventRescanStore;
  scanStore: ScanStore;
  scanner: EntityScanner;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** Rescans running at once on this replica. */
  concurrency: number;
  /** One entity is not rescanned by events more often than this. */
  minimumIntervalMs: number;
  /** How long a claimed rescan is this replica's before another may take it over. */
  leaseMs: number;
  /** After a rescan whose result could not be stored. Defaults to a minute. */
  retryMs?: number;
  /** Changes older than this are forgotten (a redelivery after it queues again). */
  deduplicationWindowMs: number;
  now?: () => Date;
  /** Each finished rescan, for logs, the bench and tests. */
  onRescanned?(rescan: {
    entityRef: string;
    outcome?: ScanOutcome;
    claimedAt: Date;
    finishedAt: Date;
  }): void;
}

/** What queueing a push's changes did. */
export interface QueuedChanges {
  /** Entities with a new change, now waiting for a rescan. */
  queued: string[];
  /** Changes recorded before (the same entity and commit): nothing queued. */
  duplicates: number;
}

const PRUNE_EVERY_MS = 60 * 60_000;

/**
 * The rescans push events ask for, queued in the database and run through
 * the one scan pipeline with trigger `event`.
 *
 * - Dedupe: a change is an entity and a head commit; the same change
 *   delivered twice (or to two replicas) queues one rescan.
 * - Coalescing and rate limit: one queue row per entity; a claim covers
 *   every change counted so far, and an entity is not rescanned again
 *   before `minimumIntervalMs` has passed (later changes wait, then go in
 *   one rescan).
 * - Back-pressure: a flood (a monorepo push touching 500 services) is 500
 *   rows, not 500 scans; each replica runs at most `concurrency` at once,
 *   oldest change first, and answers the webhook as soon as the rows are in.
 * - Replicas: a claim is a conditional update of the entity's row with a
 *   lease; one replica wins it. Any replica's poll takes over work queued by
 *   another (a flood is shared) or left by one that died (its lease ran out).
 */
export class EventRescanQueue {
  private readonly now: () => Date;
  private readonly pipeline: ScanPipeline;
  private readonly running = new Map<string, Promise<void>>();
  private pumping: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastPrune = 0;

  constructor(private readonly options: EventRescanQueueOptions) {
    this.now = options.now ?? (() => new Date());
    this.pipeline = new ScanPipeline({
      store: options.scanStore,
      scanner: options.scanner,
      logger: options.logger,
      now: this.now,
    });
  }

  /** Records changes, queues the new ones and starts on them. */
  async enqueue(changes: EntityChange[]): Promise<QueuedChanges> {
    const queued = await this.options.store.queueChanges(changes, this.now());
    const entities = new Set(changes.map(change => change.entityRef));
    if (queued.length > 0) {
      this.wake();
    }
    return { queued, duplicates: entities.size - queued.length };
  }

  /** Looks for work now (after an enqueue, a finished rescan, or on the poll). */
  wake(): void {
    this.pump().catch(error =>
      this.options.logger.warn(
        `Alpine Advisor could not take queued push-event rescans: ${error}`,
      ),
    );
  }

  /** Polls for work queued by other replicas or left behind, and prunes old changes. */
  start(pollIntervalMs: number): void {
    this.stopped = false;
    this.timer = setInterval(() => {
      this.wake();
      this.pruneNowAndThen();
    }, pollIntervalMs);
    this.timer.unref?.();
    this.wake();
  }

  /** Takes no new work; waits for the rescans running. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    await this.pumping?.catch(() => undefined);
    await Promise.allSettled([...this.running.values()]);
  }

  /**
   * Runs until nothing is claimable now and nothing runs: what a test or
   * the bench waits for. (Entities held back by their rate limit stay queued.)
   */
  async drain(): Promise<void> {
    for (;;) {
      await this.pump();
      if (this.running.size > 0) {
        await Promise.race(this.running.values());
        continue;
      }
      const left = await this.options.store.claimable(this.now(), 1);
      if (left.length === 0 || this.stopped) {
        return;
      }
    }
  }

  /** Rescans running on this replica. */
  get active(): number {
    return this.running.size;
  }

  private pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      try {
        do {
          this.again = false;
          await this.claimAndStart();
        } while (this.again && !this.stopped);
      } finally {
        this.pumping = undefined;
      }
    })();
    return this.pumping;
  }

  private async claimAndStart(): Promise<void> {
    const { store, concurrency, leaseMs } = this.options;
    const free = concurrency - this.running.size;
    if (free <= 0 || this.stopped) {
      return;
    }
    const now = this.now();
    // Ask for a few more than fit: other replicas may claim some first.
    const candidates = (
      await store.claimable(now, free + this.running.size + concurrency)
    ).filter(entityRef => !this.running.has(entityRef));
    const claims: Array<{ entityRef: string; token: string }> = [];
    for (const entityRef of candidates) {
      if (claims.length >= free) {
        break;
      }
      const token = randomUUID();
      if (
        await store.claim(
          entityRef,
          token,
          now,
          new Date(now.getTime() + leaseMs),
        )
      ) {
        claims.push({ entityRef, token });
      }
    }
    if (claims.length === 0) {
      return;
    }
    // Lost races leave room: look again.
    if (claims.length < free && candidates.length > claims.length) {
      this.again = true;
    }
    let entities: Map<string, Entity>;
    try {
      entities = await this.register(claims.map(claim => claim.entityRef));
    } catch (error) {
      this.options.logger.warn(
        `Alpine Advisor could not read ${claims.length} entities queued by push events from the catalog; trying again later: ${error}`,
      );
      await Promise.all(claims.map(claim => this.release(claim, now, false)));
      return;
    }
    for (const claim of claims) {
      const rescan = this.rescan(claim, entities.get(claim.entityRef), now)
        .catch(error =>
          this.options.logger.warn(
            `Alpine Advisor push-event rescan of ${claim.entityRef} failed: ${error}`,
          ),
        )
        .finally(() => {
          this.running.delete(claim.entityRef);
          if (!this.stopped) {
            this.wake();
          }
        });
      this.running.set(claim.entityRef, rescan);
    }
  }

  /** The claimed entities as the catalog has them now, their facts stored. */
  private async register(entityRefs: string[]): Promise<Map<string, Entity>> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs, fields: SCANNED_ENTITY_FIELDS },
      { credentials },
    );
    const entities = items.filter(
      (entity): entity is Entity => entity !== undefined && entity !== null,
    );
    if (entities.length > 0) {
      await this.pipeline.register(
        entities,
        await loadSystemDomainsOf(catalog, entities, credentials),
        this.now(),
      );
    }
    return new Map(entities.map(entity => [entityKey(entity), entity]));
  }

  private async rescan(
    claim: { entityRef: string; token: string },
    entity: Entity | undefined,
    claimedAt: Date,
  ): Promise<void> {
    if (!entity) {
      // Gone from the catalog since the event: nothing to scan.
      await this.release(claim, claimedAt, true);
      return;
    }
    let outcome: ScanOutcome | undefined;
    let scanned = true;
    let notBefore: Date | undefined;
    try {
      await this.pipeline.scan([entity], {
        trigger: 'event',
        storeErrors: 'throw',
        onOutcome: result => {
          outcome = result;
        },
      });
      if (outcome?.kind === 'deferred') {
        // The repository asked us to wait (429): the change waits with it.
        scanned = false;
        notBefore = outcome.until;
      }
    } catch (error) {
      scanned = false;
      this.options.logger.warn(
        `Alpine Advisor could not store the push-event rescan of ${claim.entityRef}; trying again later: ${error}`,
      );
    }
    const finishedAt = this.now();
    await this.release(claim, finishedAt, scanned, notBefore);
    if (scanned) {
      this.options.onRescanned?.({
        entityRef: claim.entityRef,
        outcome,
        claimedAt,
        finishedAt,
      });
    }
  }

  private async release(
    claim: { entityRef: string; token: string },
    at: Date,
    scanned: boolean,
    notBefore?: Date,
  ): Promise<void> {
    const wait = scanned
      ? this.options.minimumIntervalMs
      : this.options.retryMs ?? 60_000;
    await this.options.store.finish(claim.entityRef, claim.token, {
      scanned,
      at,
      notBefore: notBefore ?? new Date(at.getTime() + wait),
    });
  }

  private pruneNowAndThen(): void {
    const now = this.now();
    if (now.getTime() - this.lastPrune < PRUNE_EVERY_MS) {
      return;
    }
    this.lastPrune = now.getTime();
    this.options.store
      .pruneBefore(new Date(now.getTime() - this.options.deduplicationWindowMs))
      .catch(error =>
        this.options.logger.warn(
          `Alpine Advisor could not prune old push-event changes: ${error}`,
        ),
      );
  }
}
