import type { Knex } from 'knex';
import { toDate } from './timestamps';

/** `image_reports`: the latest built-image report per entity and Dockerfile. */
export interface ImageReportRow {
  entity_ref: string;
  /** Empty when the report named no Dockerfile. */
  dockerfile_path: string;
  image_digest: string | null;
  /** The image-inspector report, JSON. */
  report: string;
  received_at: Date | number | string;
  received_from: string | null;
}

/** One stored image report, as the store hands it out. */
export interface StoredImageReport {
  entityRef: string;
  /** Undefined when the report named no Dockerfile. */
  dockerfilePath?: string;
  imageDigest?: string;
  /** The report as it was posted (parsed JSON). */
  report: unknown;
  receivedAt: Date;
  receivedFrom?: string;
}

/**
 * Keeps the latest report of each entity's built image per Dockerfile: a
 * newer report for the same entity and Dockerfile replaces the older one.
 * The store only stores; what a report says of the findings is decided when
 * an entity report is read.
 */
export class ImageReportStore {
  constructor(private readonly db: Knex) {}

  async save(report: StoredImageReport): Promise<void> {
    await this.db<ImageReportRow>('image_reports')
      .insert({
        entity_ref: report.entityRef,
        dockerfile_path: report.dockerfilePath ?? '',
        image_digest: report.imageDigest ?? null,
        report: JSON.stringify(report.report),
        received_at: report.receivedAt,
        received_from: report.receivedFrom ?? null,
      })
      .onConflict(['entity_ref', 'dockerfile_path'])
      .merge(['image_digest', 'report', 'received_at', 'received_from']);
  }

  /** Which of these entities have a report: one query for a report page. */
  async reportedAmong(entityRefs: string[]): Promise<Set<string>> {
    if (entityRefs.length === 0) return new Set();
    const rows = await this.db<ImageReportRow>('image_reports')
      .whereIn('entity_ref', entityRefs)
      .distinct('entity_ref');
    return new Set(rows.map(row => row.entity_ref));
  }

  /** The entity's reports, one per Dockerfile path, by path. */
  async latestFor(entityRef: string): Promise<StoredImageReport[]> {
    const rows = await this.db<ImageReportRow>('image_reports')
      .where('entity_ref', entityRef)
      .orderBy('dockerfile_path');
    return rows.map(row => ({
      entityRef: row.entity_ref,
      dockerfilePath: row.dockerfile_path || undefined,
      imageDigest: row.image_digest ?? undefined,
      report: JSON.parse(row.report),
      receivedAt: toDate(row.received_at)!,
      receivedFrom: row.received_from ?? undefined,
    }));
  }
}
