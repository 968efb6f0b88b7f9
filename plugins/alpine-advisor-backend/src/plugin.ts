import { createAnalyzer } from '@alpine-advisor/analyzer';
import type { AdditionalRule } from '@alpine-advisor/analyzer';
import { alpineAdvisorPermissions } from '@alpine-advisor/backstage-plugin-common';
import {
  DockerfileSourceReader,
  alpineAdvisorRulesExtensionPoint,
  alpineAdvisorSourceReadersExtensionPoint,
} from '@alpine-advisor/backstage-plugin-node';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readAdvisorConfig } from './config/readAdvisorConfig';
import { createCompliancePolicy } from './database/compliance';
import { connectDatabase } from './database/connectDatabase';
import { DatabaseReportStore } from './database/DatabaseReportStore';
import { DatabaseScanStore } from './database/DatabaseScanStore';
import { RetryingScanStore } from './database/RetryingScanStore';
import { createRouter } from './router';
import { analysisFingerprint } from './scanner/analysisFingerprint';
import { CatalogSweep } from './scanner/CatalogSweep';
import { createFileAnalysis } from './scanner/analysis/createFileAnalysis';
import { EntityScanner } from './scanner/EntityScanner';
import { AccessControl } from './service/AccessControl';
import { RescanService } from './service/RescanService';
import { LocalDirectorySourceReader } from './sources/LocalDirectorySourceReader';
import { UrlReaderSourceReader } from './sources/UrlReaderSourceReader';

/** The id of the scheduled catalog sweep, e.g. for `scheduler.triggerTask`. */
export const SWEEP_TASK_ID = 'alpine-advisor-catalog-sweep';

/**
 * Alpine Advisor backend plugin: sweeps the catalog on a schedule, scans each
 * entity's Dockerfiles for Alpine practices and musl risks, stores scores and
 * history, and serves reports.
 *
 * @public
 */
export const alpineAdvisorPlugin = createBackendPlugin({
  pluginId: 'alpine-advisor',
  register(env) {
    const addedRules: AdditionalRule[] = [];
    const addedReaders: DockerfileSourceReader[] = [];
    env.registerExtensionPoint(alpineAdvisorRulesExtensionPoint, {
      addRules(...rules) {
        addedRules.push(...rules);
      },
    });
    env.registerExtensionPoint(alpineAdvisorSourceReadersExtensionPoint, {
      addSourceReader(...readers) {
        addedReaders.push(...readers);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const settings = readAdvisorConfig(deps.config);
        const db = await connectDatabase(deps.database);
        const analyzer = createAnalyzer({ additionalRules: addedRules });
        const organisationConfig = analyzer.parseConfig(
          JSON.stringify(settings.rules),
          'app-config alpineAdvisor.rules',
        );
        const scanStore = new DatabaseScanStore(db);
        const reports = new DatabaseReportStore(
          db,
          createCompliancePolicy(settings.compliance),
        );
        const scope = {
          filter: settings.catalogFilter,
          pageSize: settings.catalogPageSize,
        };
        const analysis = createFileAnalysis({
          analyzer,
          workers: settings.analysisWorkers,
          hasAddedRules: addedRules.length > 0,
          logger: deps.logger,
        });
        deps.lifecycle.addShutdownHook(() => analysis.close());
        const scanner = new EntityScanner({
          readers: [
            ...addedReaders,
            new UrlReaderSourceReader(
              deps.urlReader,
              ScmIntegrations.fromConfig(deps.config),
            ),
            new LocalDirectorySourceReader(settings.allowedDirectories),
          ],
          analyzer,
          analysis,
          organisationConfig,
          analysisFingerprint: analysisFingerprint(
            analyzer,
            organisationConfig,
          ),
          timeoutMs: settings.entityTimeoutMs,
          rateLimitBackoffMs: settings.rateLimitBackoffMs,
          integrations: ScmIntegrations.fromConfig(deps.config),
        });
        const access = new AccessControl(deps.permissions, deps.catalog, scope);

        deps.permissionsRegistry.addPermissions(alpineAdvisorPermissions);
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            access,
            reports,
            analyzer,
            rescans: new RescanService({
              catalog: deps.catalog,
              auth: deps.auth,
              access,
              scanStore,
              reports,
              scanner,
              scope,
              minimumIntervalMs: settings.rescanIntervalMs,
            }),
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });

        const sweep = new CatalogSweep({
          catalog: deps.catalog,
          auth: deps.auth,
          // A database restart mid-sweep delays the sweep instead of losing its results.
          store: new RetryingScanStore(scanStore, deps.logger),
          scanner,
          logger: deps.logger,
          filter: settings.catalogFilter,
          pageSize: settings.catalogPageSize,
          concurrency: settings.concurrency,
          retentionDays: settings.retentionDays,
        });
        await deps.scheduler.scheduleTask({
          id: SWEEP_TASK_ID,
          ...settings.schedule,
          fn: async signal => {
            await sweep.run(signal);
          },
        });
      },
    });
  },
});
