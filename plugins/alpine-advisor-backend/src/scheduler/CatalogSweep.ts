import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import pLimit from 'p-limit';
import { SCANNED_ENTITY_FIELDS, entityKey } from '../catalog/entityMetadata';
import { pageEntities } from '../catalog/pageEntities';
import { loadSystemDomains } from '../catalog/systemDomains';
import type { ScanStore } from '../database/ScanStore';
import type { EntityScanner } from '../scanner/EntityScanner';
import { ScanPipeline } from '../scanner/ScanPipeline';
import type { ScanState } from '../scanner/types';
import { Retention } from './Retention';

export interface CatalogSweepOptions {
  catalog: CatalogService;
  auth: AuthService;
  store: ScanStore;
  scanner: EntityScanner;
  logger: LoggerService;
  filter: EntityFilterQuery;
  pageSize: number;
  concurrency: number;
  retentionDays: number;
  /** State kept per entity outside the scan store, pruned after each complete sweep. */
  removedEntityState?: RemovedEntityState[];
  now?: () => Date;
}

/**
 * Per-entity state another part of the plugin keeps in its own table (the
 * notifications' dedupe state): once the sweep deleted the entities that
 * left the catalog, their rows there mean nothing and would only pile up.
 */
export interface RemovedEntityState {
  /** Deletes the rows of entities no longer stored; how many it deleted. */
  pruneRemovedEntities(): Promise<number>;
}

/** What one sweep did, for logs and tests. */
export interface SweepSummary {
  listed: number;
  analysed: number;
  unchanged: number;
  failed: number;
  /** Sources refused by policy: not read, and not failures. */
  refused: number;
  disabled: number;
  deferred: number;
  /** Entities not scanned because the scheduler stopped the sweep (timeout, lost lease, shutdown). */
  stopped: number;
  /** Entities that left the catalog and were deleted (0 when listing failed). */
  removed: number;
  /** False when the catalog could not be listed to the end: nothing was deleted then. */
  complete: boolean;
  durationMs: number;
}

/**
 * One pass over the catalog: pages through the entities in scope, scans
 * them with bounded concurrency (one failing entity never fails the sweep),
 * then deletes entities that left the catalog and prunes old history.
 */
export class CatalogSweep {
  private readonly now: () => Date;
  private readonly pipeline: ScanPipeline;
  private readonly retention: Retention;

  constructor(private readonly options: CatalogSweepOptions) {
    this.now = options.now ?? (() => new Date());
    this.pipeline = new ScanPipeline({
      store: options.store,
      scanner: options.scanner,
      logger: options.logger,
      now: this.now,
    });
    this.retention = new Retention(options.store, options.retentionDays);
  }

  /**
   * `signal` is the scheduler's: it fires when the sweep's timeout passes or
   * its lease was lost. Then no further entity is scanned (another replica
   * may already be sweeping), what was scanned is stored, and the rest waits
   * for the next sweep.
   */
  async run(signal?: AbortSignal): Promise<SweepSummary> {
    const { store, logger } = this.options;
    const startedAt = this.now();
    const limit = pLimit(this.options.concurrency);
    const counts = {
      listed: 0,
      analysed: 0,
      unchanged: 0,
      failed: 0,
      refused: 0,
      disabled: 0,
      deferred: 0,
      stopped: 0,
    };
    let previousPage: Promise<void> = Promise.resolve();
    let complete = true;
    // What a complete listing did not list left the catalog. (A set of refs,
    // about 1 MB per 10,000 entities, instead of stamping every row each sweep.)
    const listed = new Set<string>();

    try {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      const systemDomains = await loadSystemDomains(
        this.options.catalog,
        credentials,
        this.options.pageSize,
      );
      for await (const page of pageEntities(this.options.catalog, {
        filter: this.options.filter,
        fields: SCANNED_ENTITY_FIELDS,
        pageSize: this.options.pageSize,
        credentials,
      })) {
        if (signal?.aborted) {
          complete = false;
          break;
        }
        counts.listed += page.length;
        for (const entity of page) {
          listed.add(entityKey(entity));
        }
        const states = await this.pipeline.register(
          page,
          systemDomains,
          startedAt,
        );
        const current = this.scanPage(page, states, limit, counts, signal);
        // At most two pages in flight: the next page is fetched while this
        // one is scanned, and memory stays bounded by the page size.
        await previousPage;
        previousPage = current;
      }
    } catch (error) {
      complete = false;
      logger.error(
        `Alpine Advisor sweep could not list the catalog to the end; entities are kept until a complete sweep: ${error}`,
      );
    }
    await previousPage;
    if (signal?.aborted) {
      logger.warn(
        `Alpine Advisor sweep stopped early: the scheduler aborted it (timeout, lost lease or shutdown); ` +
          `${counts.stopped} listed entities and any not listed yet are left for the next sweep`,
      );
    }

    let removed = 0;
    if (complete) {
      removed = await store.deleteEntitiesNotListed(listed, startedAt);
      await this.pruneRemovedEntityState();
    }
    await this.retention.prune(startedAt);
    if (
      counts.analysed +
        counts.failed +
        counts.refused +
        counts.disabled +
        removed >
      0
    ) {
      await store
        .refreshStatistics()
        .catch(error =>
          logger.warn(
            `Alpine Advisor could not refresh table statistics: ${error}`,
          ),
        );
    }

    const summary: SweepSummary = {
      ...counts,
      removed,
      complete,
      durationMs: this.now().getTime() - startedAt.getTime(),
    };
    const stopped =
      summary.stopped > 0 ? `, ${summary.stopped} left when stopped` : '';
    logger.info(
      `Alpine Advisor sweep: ${summary.listed} entities in ${summary.durationMs} ms — ` +
        `${summary.analysed} analysed, ${summary.unchanged} unchanged, ${summary.failed} failed, ` +
        `${summary.refused} refused by policy, ${summary.disabled} opted out, ${summary.deferred} deferred, ${summary.removed} removed${stopped}`,
    );
    return summary;
  }

  /**
   * After every complete sweep, not only one that removed something: a prune
   * that failed once (or rows left by a rescan racing the cleanup) is then
   * caught up by the next sweep. A failure here costs stale rows, never the
   * sweep.
   */
  private async pruneRemovedEntityState(): Promise<void> {
    for (const state of this.options.removedEntityState ?? []) {
      await state
        .pruneRemovedEntities()
        .catch(error =>
          this.options.logger.warn(
            `Alpine Advisor could not prune the state of entities that left the catalog: ${error}`,
          ),
        );
    }
  }

  private async scanPage(
    page: Entity[],
    states: ReadonlyMap<string, ScanState>,
    limit: ReturnType<typeof pLimit>,
    counts: Omit<SweepSummary, 'removed' | 'complete' | 'durationMs'>,
    signal?: AbortSignal,
  ): Promise<void> {
    try {
      await this.pipeline.scan(page, {
        trigger: 'schedule',
        states,
        limit,
        signal,
        onOutcome: outcome => {
          counts[outcome.kind] += 1;
        },
        onStopped: () => {
          counts.stopped += 1;
        },
        storeErrors: 'log',
      });
    } catch (error) {
      // The store is failing; the next sweep retries these entities.
      this.options.logger.error(
        `Alpine Advisor could not scan a page of ${page.length} entities: ${error}`,
      );
    }
  }
}
