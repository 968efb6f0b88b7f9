import type {
  EntitySummary,
  ReportExportFormat,
} from '@alpine-advisor/backstage-plugin-common';
import stringify from 'csv-stringify';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const CSV_COLUMNS: Array<[string, (item: EntitySummary) => unknown]> = [
  ['entityRef', item => item.entityRef],
  ['title', item => item.title],
  ['owner', item => item.owner],
  ['system', item => item.system],
  ['domain', item => item.domain],
  ['lifecycle', item => item.lifecycle],
  ['type', item => item.type],
  ['score', item => item.score],
  ['grade', item => item.grade],
  ['compliant', item => item.compliant],
  ['status', item => item.status],
  ['stale', item => item.stale],
  ['error', item => item.error],
  ['dockerfiles', item => item.dockerfileCount],
  ['errors', item => item.findingCounts.error],
  ['warnings', item => item.findingCounts.warning],
  ['infos', item => item.findingCounts.info],
  ['muslErrors', item => item.muslErrorCount],
  ['waived', item => item.waivedCount],
  ['suppressedByConfig', item => item.suppressions?.config],
  ['suppressedByComment', item => item.suppressions?.comment],
  ['enforcedSuppressionAttempts', item => item.suppressions?.enforcedAttempts],
  ['lastScannedAt', item => item.lastScannedAt],
  ['lastSuccessAt', item => item.lastSuccessAt],
];

/**
 * Streams entities to the response as CSV or as a JSON array, row by row as
 * the store yields them, so the export never holds the org in memory. A
 * client that goes away mid-export ends the stream (and the database
 * cursor) quietly: that is not a server error.
 */
export async function streamExport(
  items: AsyncIterable<EntitySummary>,
  format: ReportExportFormat,
  res: Response,
): Promise<void> {
  try {
    await writeExport(items, format, res);
  } catch (error) {
    if (!clientWentAway(error, res)) {
      throw error;
    }
  }
}

function clientWentAway(error: unknown, res: Response): boolean {
  return (
    res.destroyed &&
    (error as NodeJS.ErrnoException)?.code === 'ERR_STREAM_PREMATURE_CLOSE'
  );
}

async function writeExport(
  items: AsyncIterable<EntitySummary>,
  format: ReportExportFormat,
  res: Response,
): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="alpine-advisor-report-${day}.${format}"`,
  );
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    const rows = Readable.from(
      (async function* toRows() {
        for await (const item of items) {
          yield CSV_COLUMNS.map(([, value]) => value(item) ?? '');
        }
      })(),
    );
    await pipeline(
      rows,
      stringify({
        header: true,
        columns: CSV_COLUMNS.map(([name]) => name),
        cast: { boolean: (value: boolean) => String(value) },
      }),
      res,
    );
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  await pipeline(
    Readable.from(
      (async function* toJson() {
        yield '[';
        let first = true;
        for await (const item of items) {
          yield `${first ? '' : ','}\n${JSON.stringify(item)}`;
          first = false;
        }
        yield '\n]\n';
      })(),
    ),
    res,
  );
}
