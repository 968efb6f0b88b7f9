import type { Knex } from 'knex';
import { chunk } from './chunk';
import type { DockerfileRow, FindingRow } from './rows';

/** A Dockerfile stored before fix diffs were: its text and the fixes of its findings. */
export interface FileWithoutFixDiffs {
  dockerfileId: number;
  path: string;
  /** Undefined when its text was not kept: its fixes then have no diff. */
  content?: string;
  findings: Array<{ findingId: number; fix: unknown }>;
}

/**
 * The rows stored before fix diffs were computed at scan time, for the
 * one-off backfill (scanner/FixDiffBackfill). The store only stores: the
 * diffs are computed by the caller.
 */
export class FixDiffStore {
  constructor(private readonly db: Knex) {}

  /** Up to `limit` Dockerfiles whose fix diffs were never stored, by id. */
  async listFilesWithoutFixDiffs(
    afterId: number,
    limit: number,
  ): Promise<FileWithoutFixDiffs[]> {
    const files = await this.db<DockerfileRow>('dockerfiles')
      .where('fix_diffs_stored', false)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .select('id', 'path', 'content');
    if (files.length === 0) {
      return [];
    }
    const findings = await this.db<FindingRow>('findings')
      .whereIn(
        'dockerfile_id',
        files.map(file => file.id),
      )
      .whereNotNull('fix')
      .select('id', 'dockerfile_id', 'fix');
    return files.map(file => ({
      dockerfileId: Number(file.id),
      path: file.path,
      content: file.content ?? undefined,
      findings: findings
        .filter(finding => Number(finding.dockerfile_id) === Number(file.id))
        .map(finding => ({
          findingId: Number(finding.id),
          // Only rows with a fix are selected.
          fix: JSON.parse(finding.fix!),
        })),
    }));
  }

  /** Stores the diffs (finding id → diff) and marks the Dockerfiles done. */
  async storeFixDiffs(
    dockerfileIds: number[],
    diffs: Map<number, string>,
  ): Promise<void> {
    await this.db.transaction(async trx => {
      for (const [findingId, diff] of diffs) {
        await trx<FindingRow>('findings')
          .where('id', findingId)
          .update({ fix_diff: diff });
      }
      for (const ids of chunk(dockerfileIds, 500)) {
        await trx<DockerfileRow>('dockerfiles')
          .whereIn('id', ids)
          .update({ fix_diffs_stored: true });
      }
    });
  }
}
