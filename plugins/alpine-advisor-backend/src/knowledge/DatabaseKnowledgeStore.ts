import type { StoredContext } from '../scanner/storableContext';
import type {
  AnalyzerConfig,
  KnowledgeOverrides,
} from '@alpine-advisor/analyzer';
import type { Knex } from 'knex';
import { chunk } from '../database/chunk';
import { toDate } from '../database/timestamps';

const RELEASES_ROW = 'alpine-releases';

/** The refreshed release data as stored: the last good copy and the last attempt. */
export interface StoredReleaseData {
  sourceUrl?: string;
  /** Last good copy; undefined before a refresh succeeded. */
  data?: KnowledgeOverrides;
  fetchedAt?: Date;
  lastAttemptAt?: Date;
  lastError?: string;
}

/** A stored entity whose files can be analysed again without reading its repository. */
export interface RescorableEntity {
  entityRef: string;
  sourceLocation: string;
  revision?: string;
  analysisFingerprint?: string;
  files: Array<{
    path: string;
    usesAlpine: boolean;
    /** Undefined when not kept (too large, not text) or stored before it was kept. */
    content?: string;
    /** Undefined when stored before the settings were recorded. */
    analysisConfig?: AnalyzerConfig;
    /** The build context analysed with; `omitted` when it was too large to keep. */
    analysisContext?: StoredContext | { omitted: true };
  }>;
}

/** The knowledge rows and what a re-score reads and marks; the store only stores. */
export class DatabaseKnowledgeStore {
  constructor(private readonly db: Knex) {}

  async getReleaseData(): Promise<StoredReleaseData | undefined> {
    const row = await this.db('knowledge_data')
      .where('id', RELEASES_ROW)
      .first();
    if (!row) return undefined;
    let data: KnowledgeOverrides | undefined;
    try {
      data = row.data ? JSON.parse(row.data) : undefined;
    } catch {
      data = undefined;
    }
    return {
      sourceUrl: row.source_url ?? undefined,
      data,
      fetchedAt: toDate(row.fetched_at),
      lastAttemptAt: toDate(row.last_attempt_at),
      lastError: row.last_error ?? undefined,
    };
  }

  async saveReleaseData(
    sourceUrl: string,
    data: KnowledgeOverrides,
    at: Date,
  ): Promise<void> {
    await this.db('knowledge_data')
      .insert({
        id: RELEASES_ROW,
        source_url: sourceUrl,
        data: JSON.stringify(data),
        fetched_at: at,
        last_attempt_at: at,
        last_error: null,
      })
      .onConflict('id')
      .merge([
        'source_url',
        'data',
        'fetched_at',
        'last_attempt_at',
        'last_error',
      ]);
  }

  /** Keeps the last good copy; records when and why the attempt failed. */
  async recordReleaseFailure(
    sourceUrl: string,
    error: string,
    at: Date,
  ): Promise<void> {
    await this.db('knowledge_data')
      .insert({
        id: RELEASES_ROW,
        source_url: sourceUrl,
        last_attempt_at: at,
        last_error: error.slice(0, 2000),
      })
      .onConflict('id')
      .merge(['source_url', 'last_attempt_at', 'last_error']);
  }

  /**
   * Entities with a current, fresh result and an Alpine Dockerfile, in
   * entity-ref order after `afterRef`: what a change of release data can
   * affect. Stale or failing entities are left to their next good read.
   */
  async listRescorable(
    afterRef: string,
    limit: number,
  ): Promise<RescorableEntity[]> {
    const entities = await this.db('entities')
      .whereNotNull('last_scan_id')
      .where('status', 'ok')
      .where('entity_ref', '>', afterRef)
      .whereExists(query =>
        query
          .select(this.db.raw('1'))
          .from('dockerfiles')
          .whereRaw('dockerfiles.entity_ref = entities.entity_ref')
          .where('dockerfiles.uses_alpine', true),
      )
      .orderBy('entity_ref')
      .limit(limit)
      .select(
        'entity_ref',
        'source_location',
        'revision',
        'analysis_fingerprint',
      );
    return this.withFiles(entities);
  }

  /**
   * One entity's stored files to analyse again (a waiver changed), whatever
   * its base images; undefined when it has no good result.
   */
  async getRescorable(
    entityRef: string,
  ): Promise<RescorableEntity | undefined> {
    const entities = await this.db('entities')
      .where('entity_ref', entityRef)
      .whereNotNull('last_scan_id')
      .where('status', 'ok')
      .select(
        'entity_ref',
        'source_location',
        'revision',
        'analysis_fingerprint',
      );
    const [entity] = await this.withFiles(entities);
    return entity;
  }

  private async withFiles(
    entities: Array<{
      entity_ref: string;
      source_location: string | null;
      revision: string | null;
      analysis_fingerprint: string | null;
    }>,
  ): Promise<RescorableEntity[]> {
    if (entities.length === 0) return [];
    const files = await this.db('dockerfiles')
      .whereIn(
        'entity_ref',
        entities.map(row => row.entity_ref),
      )
      .orderBy('id')
      .select(
        'entity_ref',
        'path',
        'uses_alpine',
        'content',
        'analysis_config',
        'analysis_context',
      );
    const byEntity = new Map<string, RescorableEntity['files']>();
    for (const row of files) {
      const list = byEntity.get(row.entity_ref) ?? [];
      list.push({
        path: row.path,
        usesAlpine: Boolean(row.uses_alpine),
        content: row.content ?? undefined,
        analysisConfig: row.analysis_config
          ? JSON.parse(row.analysis_config)
          : undefined,
        analysisContext: row.analysis_context
          ? JSON.parse(row.analysis_context)
          : undefined,
      });
      byEntity.set(row.entity_ref, list);
    }
    return entities.map(row => ({
      entityRef: row.entity_ref,
      sourceLocation: row.source_location ?? '',
      revision: row.revision ?? undefined,
      analysisFingerprint: row.analysis_fingerprint ?? undefined,
      files: byEntity.get(row.entity_ref) ?? [],
    }));
  }

  /**
   * Entities whose stored files cannot be analysed again (content not kept,
   * or stored before the settings were) lose their analysis fingerprint, so
   * the next sweep reads their repositories instead of trusting the ETag.
   */
  async forgetFingerprints(entityRefs: string[]): Promise<void> {
    for (const batch of chunk(entityRefs, 500)) {
      await this.db('entities')
        .whereIn('entity_ref', batch)
        .update({ analysis_fingerprint: null });
    }
  }
}
