import type { Fix } from '@alpine-advisor/analyzer';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { FixDiffStore } from '../database/FixDiffStore';
import { fixDiff } from './fixDiff';

const BATCH_SIZE = 100;

/**
 * Computes, once, the fix diffs of Dockerfiles stored before they were
 * computed at scan time (migration 20261206000000_stored_fix_diffs), so that
 * report reads never apply fixes. Runs in the background after start; until
 * it reached a row, that row's fixes are served without a diff, as for files
 * whose text is not kept. Safe to run on several replicas at once: each
 * computes the same diffs.
 */
export async function backfillFixDiffs(
  store: FixDiffStore,
  logger?: LoggerService,
): Promise<number> {
  let done = 0;
  let afterId = 0;
  for (;;) {
    const files = await store.listFilesWithoutFixDiffs(afterId, BATCH_SIZE);
    if (files.length === 0) {
      break;
    }
    afterId = files[files.length - 1].dockerfileId;
    const diffs = new Map<number, string>();
    for (const file of files) {
      if (file.content === undefined) {
        continue;
      }
      for (const finding of file.findings) {
        const diff = fixDiff(file.path, file.content, finding.fix as Fix);
        if (diff !== undefined) {
          diffs.set(finding.findingId, diff);
        }
      }
    }
    await store.storeFixDiffs(
      files.map(file => file.dockerfileId),
      diffs,
    );
    done += files.length;
  }
  if (done > 0) {
    logger?.info(
      `Alpine Advisor stored the fix diffs of ${done} Dockerfiles scanned before they were stored with the findings`,
    );
  }
  return done;
}
