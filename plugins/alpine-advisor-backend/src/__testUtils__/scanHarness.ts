import { createAnalyzer } from '@alpine-advisor/analyzer';
import type { AnalyzerConfig } from '@alpine-advisor/analyzer';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { Knex } from 'knex';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { connectDatabase } from '../database/connectDatabase';
import { DatabaseReportStore } from '../database/DatabaseReportStore';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import { NotificationStateStore } from '../notifications/NotificationStateStore';
import { analysisFingerprint } from '../scanner/analysisFingerprint';
import { CatalogSweep } from '../scheduler/CatalogSweep';
import { InlineFileAnalysis } from '../scanner/analysis/InlineFileAnalysis';
import {
  ObservedScanStore,
  StoredResultsListener,
} from '../scanner/storedResults';
import { EntityScanner } from '../scanner/EntityScanner';
import { createCompliancePolicy } from '../service/report/compliance';
import { ReportService } from '../service/report/ReportService';
import { DatabaseWaiverStore } from '../waivers/DatabaseWaiverStore';
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
  /** `alpineAdvisor.rules.enforce`, resolved. */
  enforcedRules?: string[];
  timeoutMs?: number;
  /** Defaults to SQLite; store tests pass each supported database. */
  databaseId?: TestDatabaseId;
  /** Told of stored results (notifications, signals), as in the plugin. */
  listeners?: (db: Knex) => StoredResultsListener[];
}) {
  const knex = await options.databases.init(options.databaseId ?? 'SQLITE_3');
  const db = await connectDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const logger = mockServices.logger.mock();
  const store = options.listeners
    ? new ObservedScanStore(
        new DatabaseScanStore(db),
        options.listeners(db),
        logger,
      )
    : new DatabaseScanStore(db);
  const reports = new ReportService(
    new DatabaseReportStore(db),
    createCompliancePolicy({}),
  );
  const reader = new InMemorySourceReader(options.repositories);
  const clock = { now: T0 };
  const now = () => clock.now;
  const analyzer = createAnalyzer();
  const organisationConfig = options.organisationConfig ?? {};
  const analysis = new InlineFileAnalysis(
    analyzer,
    options.enforcedRules,
    organisationConfig,
  );
  const waivers = new DatabaseWaiverStore(db);
  const scanner = new EntityScanner({
    readers: [reader],
    analyzer,
    analysis,
    waivers,
    organisationConfig,
    analysisFingerprint: analysisFingerprint(
      analyzer,
      organisationConfig,
      undefined,
      options.enforcedRules,
    ),
    timeoutMs: options.timeoutMs ?? 5_000,
    rateLimitBackoffMs: 15 * 60_000,
    now,
  });
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
      removedEntityState: [new NotificationStateStore(db)],
      now,
    });
  return {
    db,
    analyzer,
    analysis,
    waivers,
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
