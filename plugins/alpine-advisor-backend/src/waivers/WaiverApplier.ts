import {
  contextFromStorage,
  isOmittedContext,
} from '../scanner/storableContext';
import type { StoredContext } from '../scanner/storableContext';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ScanStore } from '../database/ScanStore';
import type {
  DatabaseKnowledgeStore,
  RescorableEntity,
} from '../knowledge/DatabaseKnowledgeStore';
import type { KnowledgeService } from '../knowledge/KnowledgeService';
import type { FileAnalysis } from '../scanner/analysis/FileAnalysis';
import {
  analyseDockerfiles,
  analysedOutcome,
} from '../scanner/analyseDockerfiles';
import { recordOutcomes } from '../scanner/recordOutcomes';
import type { DatabaseWaiverStore, StoredWaiver } from './DatabaseWaiverStore';

/**
 * Waivers are applied at scan time: the analyzer marks waived findings and
 * leaves them out of the score, so stored scores, counts, compliance and the
 * org report's SQL need no waiver logic at read time (and reads run no
 * analyzer code). When a waiver is recorded, approved, revoked or expires,
 * the entity's stored Dockerfiles are analysed again with the waivers then in
 * force (trigger `waiver`), without reading the repository. An entity whose
 * files were stored without their text or settings loses its analysis
 * fingerprint instead, so the next sweep reads it (and applies the waivers).
 */
export class WaiverApplier {
  constructor(
    private readonly options: {
      waivers: DatabaseWaiverStore;
      knowledgeStore: DatabaseKnowledgeStore;
      scanStore: ScanStore;
      analysis: FileAnalysis;
      knowledge?: Pick<KnowledgeService, 'layers'>;
      logger: LoggerService;
      now?: () => Date;
      /** Told of the waivers whose expiry was just applied (e.g. to notify owners); a failure is logged. */
      onExpired?: (waivers: StoredWaiver[]) => Promise<void>;
    },
  ) {}

  /** Re-scores one entity with its waivers in force now; `false` when left to the next sweep. */
  async reapply(entityRef: string): Promise<boolean> {
    const now = this.options.now?.() ?? new Date();
    const entity = await this.options.knowledgeStore.getRescorable(entityRef);
    if (!entity) return false;
    if (!analysable(entity)) {
      await this.options.knowledgeStore.forgetFingerprints([entityRef]);
      return false;
    }
    const started = Date.now();
    const [waivers, knowledge] = await Promise.all([
      this.options.waivers.inForce(entityRef, now),
      this.options.knowledge?.layers(),
    ]);
    const analysed = await analyseDockerfiles(
      this.options.analysis,
      entity.files.map(file => ({
        path: file.path,
        content: file.content!,
        config: file.analysisConfig!,
        context: contextOf(file.analysisContext),
        knowledge,
        waivers,
      })),
      now,
    );
    await recordOutcomes(
      this.options.scanStore,
      [
        analysedOutcome(
          {
            entityRef,
            sourceLocation: entity.sourceLocation,
            startedAt: now,
            durationMs: Date.now() - started,
            trigger: 'waiver',
            revision: entity.revision,
            analysisFingerprint: entity.analysisFingerprint ?? '',
          },
          analysed,
        ),
      ],
      now,
    );
    return true;
  }

  /**
   * Entities with waivers that expired since they were applied are scored
   * again without them (the scheduled task `alpine-advisor-waiver-expiry`).
   */
  async applyExpiries(): Promise<string[]> {
    const now = this.options.now?.() ?? new Date();
    const expired = await this.options.waivers.expiredUnapplied(now);
    const entityRefs = [...new Set(expired.map(waiver => waiver.entityRef))];
    for (const entityRef of entityRefs) {
      await this.reapply(entityRef);
    }
    await this.options.waivers.markExpiryApplied(
      expired.map(waiver => waiver.id),
      now,
    );
    for (const waiver of expired) {
      this.options.logger.info(
        `Alpine Advisor waiver ${waiver.id} of ${waiver.ruleId} on ${waiver.entityRef} expired; the entity is scored without it`,
      );
    }
    if (expired.length > 0 && this.options.onExpired) {
      await this.options
        .onExpired(expired)
        .catch(error =>
          this.options.logger.warn(
            `Alpine Advisor applied ${expired.length} waiver expiries but could not notify their owners: ${error}`,
          ),
        );
    }
    return entityRefs;
  }
}

function analysable(entity: RescorableEntity): boolean {
  return entity.files.every(
    file =>
      file.content !== undefined &&
      file.analysisConfig !== undefined &&
      // A context too large to keep must be read again from the repository.
      !isOmittedContext(file.analysisContext),
  );
}

function contextOf(stored: StoredContext | { omitted: true } | undefined) {
  return stored && !isOmittedContext(stored)
    ? contextFromStorage(stored)
    : undefined;
}
