import { createAnalyzer } from '@alpine-advisor/analyzer';
import type { AnalyzerConfig } from '@alpine-advisor/analyzer';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createCompliancePolicy } from '../database/compliance';
import { connectDatabase } from '../database/connectDatabase';
import { DatabaseReportStore } from '../database/DatabaseReportStore';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import { analysisFingerprint } from '../scanner/analysisFingerprint';
import { CatalogSweep } from '../scanner/CatalogSweep';
import { InlineFileAnalysis } from '../scanner/analysis/InlineFileAnalysis';
import { EntityScanner } from '../scanner/EntityScanner';
import { FakeRepository, InMemorySourceReader } from './InMemorySourceReader';

export const T0 = new Date('2026-03-01T10:00:00Z');

/**
 * The scanning pipeline on a real SQLite store with in-memory repositories,
 * a fake catalog and a settable clock.
 */
export async function createScanHarness(options: {
  databases: TestDatabases;
  entities: Entity[];
  repositories: Record<string, FakeRepository>;
  organisationConfig?: AnalyzerConfig;
  timeoutMs?: number;
}) {
  const knex = await options.databases.init('SQLITE_3');
  const db = await connectDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const store = new DatabaseScanStore(db);
  const reports = new DatabaseReportStore(db, createCompliancePolicy({}));
  const reader = new InMemorySourceReader(options.repositories);
  const clock = { now: T0 };
  const now = () => clock.now;
  const analyzer = createAnalyzer();
  const organisationConfig = options.organisationConfig ?? {};
  const scanner = new EntityScanner({
    readers: [reader],
    analyzer,
    analysis: new InlineFileAnalysis(analyzer),
    organisationConfig,
    analysisFingerprint: analysisFingerprint(analyzer, organisationConfig),
    timeoutMs: options.timeoutMs ?? 5_000,
    rateLimitBackoffMs: 15 * 60_000,
    now,
  });
  const logger = mockServices.logger.mock();
  const sweepOver = (entities: Entity[]) =>
    new CatalogSweep({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      store,
      scanner,
      logger,
      filter: { kind: 'Component' },
      pageSize: 2,
      concurrency: 3,
      retentionDays: 30,
      now,
    });
  return {
    db,
    store,
    reports,
    reader,
    scanner,
    clock,
    logger,
    sweep: (signal?: AbortSignal) => sweepOver(options.entities).run(signal),
    sweepOver: (entities: Entity[]) => sweepOver(entities).run(),
  };
}
