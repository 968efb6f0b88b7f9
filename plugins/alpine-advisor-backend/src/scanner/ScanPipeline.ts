import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type pLimit from 'p-limit';
import { entityKey, toEntityMetadata } from '../catalog/entityMetadata';
import type { SystemDomains } from '../catalog/systemDomains';
import type { ScanStore } from '../database/ScanStore';
import type { EntityScanner } from './EntityScanner';
import { OutcomeWriter } from './OutcomeWriter';
import type { ScanOutcome } from './ScanOutcome';
import type { ScanState, ScanTrigger } from './types';

export interface ScanPipelineOptions {
  store: ScanStore;
  scanner: EntityScanner;
  logger: LoggerService;
  now?: () => Date;
}

export interface ScanRunOptions {
  trigger: ScanTrigger;
  /** Bounds how many entities are scanned at once (the sweep's concurrency). */
  limit?: ReturnType<typeof pLimit>;
  /** Once aborted, no further entity is scanned; what was scanned is stored. */
  signal?: AbortSignal;
  /** Each outcome, as it comes (before it is stored). */
  onOutcome?(outcome: ScanOutcome): void;
  /** The entities' scan states, when read already (`register` returns them). */
  states?: ReadonlyMap<string, ScanState>;
  /** Each entity left unscanned because `signal` was aborted. */
  onStopped?(entity: Entity): void;
  /**
   * `log`: a failed write is logged and those entities are scanned again by
   * the next sweep. `throw`: `scan` rejects with it (a rescan answers with
   * the error).
   */
  storeErrors: 'log' | 'throw';
}

/**
 * The one scan pipeline, run by the sweep (a page at a time) and by
 * on-demand rescans: store the entities' catalog facts, read their scan
 * states and analysis inputs (knowledge, waivers), scan each (read, analyse, outcome: see EntityScanner) and record
 * the outcomes in batches.
 */
export class ScanPipeline {
  private readonly now: () => Date;

  constructor(private readonly options: ScanPipelineOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Stores the entities' catalog facts, new ones as first seen at `seenAt`,
   * and returns the scan states of those stored before.
   */
  async register(
    entities: Entity[],
    systemDomains: SystemDomains,
    seenAt: Date,
  ): Promise<Map<string, ScanState>> {
    return this.options.store.upsertEntities(
      entities.map(entity => toEntityMetadata(entity, systemDomains)),
      seenAt,
    );
  }

  /** Scans registered entities and records their outcomes. */
  async scan(entities: Entity[], run: ScanRunOptions): Promise<void> {
    const { store, scanner, logger } = this.options;
    const writer = new OutcomeWriter(store, logger, this.now, run.storeErrors);
    try {
      const refs = entities.map(entity => entityKey(entity));
      const states = run.states ?? (await store.getScanStates(refs));
      const inputs = await scanner.loadInputs(refs);
      const scanOne = async (entity: Entity, ref: string) => {
        if (run.signal?.aborted) {
          run.onStopped?.(entity);
          return;
        }
        const outcome = await scanner.scan(
          entity,
          states.get(ref),
          run.trigger,
          inputs,
        );
        run.onOutcome?.(outcome);
        logOutcome(logger, outcome);
        // Holds the concurrency slot while the store catches up.
        const storeBehind = writer.add(outcome);
        if (storeBehind) await storeBehind;
      };
      await Promise.all(
        entities.map((entity, index) =>
          run.limit
            ? run.limit(() => scanOne(entity, refs[index]))
            : scanOne(entity, refs[index]),
        ),
      );
    } finally {
      await writer.close();
    }
  }
}

function logOutcome(logger: LoggerService, outcome: ScanOutcome) {
  if (outcome.kind === 'failed') {
    logger.debug(
      `Alpine Advisor: ${outcome.entityRef} ${outcome.failure.status}: ${outcome.failure.error}`,
    );
  } else if (outcome.kind === 'refused') {
    logger.debug(
      `Alpine Advisor: ${outcome.entityRef} refused by policy: ${outcome.refusal.reason}`,
    );
  }
}
