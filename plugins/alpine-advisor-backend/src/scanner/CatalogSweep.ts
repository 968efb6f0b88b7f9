import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import pLimit from 'p-limit';
import {
  SCANNED_ENTITY_FIELDS,
  entityKey,
  toEntityMetadata,
} from '../catalog/entityMetadata';
import { pageEntities } from '../catalog/pageEntities';
import { loadSystemDomains } from '../catalog/systemDomains';
import type { ScanStore } from '../database/ScanStore';
import type { EntityScanner } from './EntityScanner';
import { OutcomeWriter } from './OutcomeWriter';
import type { ScanOutcome } from './ScanOutcome';

const DAY_MS = 24 * 60 * 60 * 1000;

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
  now?: () => Date;
}

/** What one sweep did, for logs and tests. */
export interface SweepSummary {
  listed: number;
  analysed: number;
  unchanged: number;
  failed: number;
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

  constructor(private readonly options: CatalogSweepOptions) {
    this.now = options.now ?? (() => new Date());
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
        await store.upsertEntities(
          page.map(entity => toEntityMetadata(entity, systemDomains)),
          startedAt,
        );
        const current = this.scanPage(page, limit, counts, signal);
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
    }
    await store.pruneOlderThan(
      new Date(startedAt.getTime() - this.options.retentionDays * DAY_MS),
    );
    if (counts.analysed + counts.failed + counts.disabled + removed > 0) {
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
        `${summary.disabled} opted out, ${summary.deferred} deferred, ${summary.removed} removed${stopped}`,
    );
    return summary;
  }

  private async scanPage(
    page: Entity[],
    limit: ReturnType<typeof pLimit>,
    counts: Omit<SweepSummary, 'removed' | 'complete' | 'durationMs'>,
    signal?: AbortSignal,
  ): Promise<void> {
    const { store, scanner, logger } = this.options;
    const writer = new OutcomeWriter(store, logger, this.now);
    try {
      const states = await store.getScanStates(
        page.map(entity => entityKey(entity)),
      );
      await Promise.all(
        page.map(entity =>
          limit(async () => {
            if (signal?.aborted) {
              counts.stopped += 1;
              return;
            }
            const outcome = await scanner.scan(
              entity,
              states.get(entityKey(entity)),
              'schedule',
            );
            counts[outcome.kind] += 1;
            logFailure(logger, outcome);
            // Holds the concurrency slot while the store catches up.
            await writer.add(outcome);
          }),
        ),
      );
    } catch (error) {
      // The store is failing; the next sweep retries these entities.
      logger.error(
        `Alpine Advisor could not scan a page of ${page.length} entities: ${error}`,
      );
    }
    await writer.close();
  }
}

function logFailure(logger: LoggerService, outcome: ScanOutcome) {
  if (outcome.kind === 'failed') {
    logger.debug(
      `Alpine Advisor: ${outcome.entityRef} ${outcome.failure.status}: ${outcome.failure.error}`,
    );
  }
}
