import { createAnalyzer, joinImageFindings } from '@alpine-advisor/analyzer';
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
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { registerAlpineAdvisorActions } from './actions/registerActions';
import { CampaignNotices } from './campaigns/CampaignNotices';
import { CampaignService } from './campaigns/CampaignService';
import {
  CAMPAIGN_DEADLINE_TOPIC,
  notifierNoticeSender,
} from './campaigns/notifierNoticeSender';
import { DatabaseCampaignStore } from './campaigns/DatabaseCampaignStore';
import {
  readAdvisorConfig,
  resolveEnforcedRules,
} from './config/readAdvisorConfig';
import { connectDatabase } from './database/connectDatabase';
import { DatabaseReportStore } from './database/DatabaseReportStore';
import { DatabaseScanStore } from './database/DatabaseScanStore';
import { FixDiffStore } from './database/FixDiffStore';
import { ImageReportStore } from './database/ImageReportStore';
import { RetryingScanStore } from './database/RetryingScanStore';
import { SettledHistoryCache } from './database/SettledHistoryCache';
import { TransientRetry } from './database/TransientRetry';
import { DatabaseEventRescanStore } from './events/DatabaseEventRescanStore';
import { EventRescanQueue } from './events/EventRescanQueue';
import { PushEventSubscriber } from './events/PushEventSubscriber';
import { RepositoryEntityIndex } from './events/RepositoryEntityIndex';
import { ImageReportService } from './imageReports/ImageReportService';
import { DatabaseKnowledgeStore } from './knowledge/DatabaseKnowledgeStore';
import { KnowledgeRescorer } from './knowledge/KnowledgeRescorer';
import { KnowledgeService } from './knowledge/KnowledgeService';
import { AdvisorNotifier } from './notifications/AdvisorNotifier';
import { NotificationStateStore } from './notifications/NotificationStateStore';
import { ResultSignals } from './notifications/ResultSignals';
import { ScanResultNotifier } from './notifications/ScanResultNotifier';
import { readNotificationSettings } from './notifications/settings';
import { WaiverExpiryNotifier } from './notifications/WaiverExpiryNotifier';
import { createRouter } from './router';
import { analysisFingerprint } from './scanner/analysisFingerprint';
import { CatalogSweep } from './scheduler/CatalogSweep';
import { scheduleTasks } from './scheduler/scheduleTasks';
import { createFileAnalysis } from './scanner/analysis/createFileAnalysis';
import { EntityScanner } from './scanner/EntityScanner';
import {
  ObservedScanStore,
  StoredResultsListener,
} from './scanner/storedResults';
import { backfillFixDiffs } from './scanner/FixDiffBackfill';
import { AccessControl } from './service/AccessControl';
import { RescanService } from './service/RescanService';
import { ScopeService } from './service/ScopeService';
import {
  createCompliancePolicy,
  reportTerms,
} from './service/report/compliance';
import { ReportService } from './service/report/ReportService';
import { LocalDirectorySourceReader } from './sources/LocalDirectorySourceReader';
import { UrlReaderSourceReader } from './sources/UrlReaderSourceReader';
import { DatabaseWaiverStore } from './waivers/DatabaseWaiverStore';
import { WaiverApplier } from './waivers/WaiverApplier';
import { WaiverService } from './waivers/WaiverService';

export {
  KNOWLEDGE_REFRESH_TASK_ID,
  SWEEP_TASK_ID,
} from './scheduler/scheduleTasks';

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
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
        events: eventsServiceRef,
      },
      async init(deps) {
        const settings = readAdvisorConfig(deps.config);
        const db = await connectDatabase(deps.database);
        const analyzer = createAnalyzer({ additionalRules: addedRules });
        const organisationConfig = analyzer.parseConfig(
          JSON.stringify(settings.rules),
          'app-config alpineAdvisor.rules',
        );
        const enforcedRules = resolveEnforcedRules(
          analyzer,
          settings.enforcedRules,
        );
        const compliancePolicy = createCompliancePolicy(settings.compliance);
        const imageReportStore = new ImageReportStore(db);
        // One per replica, shared by the team views' trends and the
        // campaigns' burn-downs: both read the same month of history.
        const settledHistory = new SettledHistoryCache();
        const reports = new ReportService(
          new DatabaseReportStore(db, settledHistory),
          compliancePolicy,
          {
            latestFor: entityRef => imageReportStore.latestFor(entityRef),
            reportedAmong: entityRefs =>
              imageReportStore.reportedAmong(entityRefs),
            join: joinImageFindings,
          },
        );
        // Told of every stored result, whichever path stored it: open pages
        // refetch (signals), owners hear of what got worse (notifications).
        const notificationSettings = readNotificationSettings(deps.config);
        const notifier = notificationSettings.enabled
          ? new AdvisorNotifier({
              notifications: deps.notifications,
              store: new NotificationStateStore(db),
              settings: notificationSettings,
              logger: deps.logger,
            })
          : undefined;
        const listeners: StoredResultsListener[] = [
          new ResultSignals(deps.signals),
        ];
        if (notifier) {
          listeners.push(
            new ScanResultNotifier({
              notifier,
              policy: compliancePolicy,
              gradeDropStep: notificationSettings.gradeDropStep,
            }),
          );
        }
        const scanStore = new ObservedScanStore(
          new DatabaseScanStore(db),
          listeners,
          deps.logger,
        );
        const campaignStore = new DatabaseCampaignStore(db, settledHistory);
        // Checks app-config's campaigns now: a bad one stops the backend.
        const campaigns = new CampaignService({
          store: campaignStore,
          analyzer,
          configured: settings.campaigns,
          terms: reportTerms(compliancePolicy),
        });
        const scope = {
          filter: settings.catalogFilter,
          pageSize: settings.catalogPageSize,
        };
        const analysis = createFileAnalysis({
          analyzer,
          workers: settings.analysisWorkers,
          hasAddedRules: addedRules.length > 0,
          logger: deps.logger,
          enforcedRules,
          suppressionBaseline: organisationConfig,
        });
        deps.lifecycle.addShutdownHook(() => analysis.close());
        // Rows stored before fix diffs were computed at scan time get theirs
        // once, in the background: report reads never apply fixes.
        deps.lifecycle.addStartupHook(() => {
          backfillFixDiffs(new FixDiffStore(db), deps.logger).catch(error =>
            deps.logger.warn(
              `Alpine Advisor could not store the fix diffs of earlier scans; their fixes are shown without diffs until rescanned: ${error}`,
            ),
          );
        });
        const knowledgeStore = new DatabaseKnowledgeStore(db);
        const waiverStore = new DatabaseWaiverStore(db);
        // A database restart mid-sweep delays the sweep instead of losing its results.
        const retry = new TransientRetry(deps.logger);
        const retryingScanStore = new RetryingScanStore(scanStore, retry);
        const rescorer = new KnowledgeRescorer({
          knowledgeStore,
          scanStore: retryingScanStore,
          analysis,
          logger: deps.logger,
          waivers: waiverStore,
        });
        const knowledge = new KnowledgeService({
          store: knowledgeStore,
          logger: deps.logger,
          appConfig: settings.knowledge.overrides,
          refresh: settings.knowledge.refresh,
          onChange: async (before, after) => {
            await rescorer.rescore(before, after);
          },
        });
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
            settings.knowledge.overrides,
            enforcedRules,
          ),
          knowledge,
          waivers: waiverStore,
          // Read once per page, before the page's scans.
          retry,
          timeoutMs: settings.entityTimeoutMs,
          rateLimitBackoffMs: settings.rateLimitBackoffMs,
          integrations: ScmIntegrations.fromConfig(deps.config),
        });
        const access = new AccessControl(deps.permissions, deps.catalog, scope);
        const waiverApplier = new WaiverApplier({
          waivers: waiverStore,
          knowledgeStore,
          scanStore: retryingScanStore,
          analysis,
          knowledge,
          logger: deps.logger,
          onExpired: notifier
            ? expired =>
                new WaiverExpiryNotifier(notifier).waiversExpired(expired)
            : undefined,
        });
        const waivers = new WaiverService({
          store: waiverStore,
          analyzer,
          enforcedRules,
          settings: settings.waivers,
          reapply: entityRef => waiverApplier.reapply(entityRef),
        });

        deps.permissionsRegistry.addPermissions(alpineAdvisorPermissions);
        // The same reads for agents (MCP) and other plugins, checked as the API checks them.
        registerAlpineAdvisorActions({
          actionsRegistry: deps.actionsRegistry,
          access,
          reports,
          analyzer,
          analysis,
          organisationConfig,
          knowledge,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            access,
            reports,
            analyzer,
            knowledge,
            scopes: new ScopeService({
              catalog: deps.catalog,
              access,
              reports,
              scanned: settings.catalogFilter,
            }),
            waivers,
            campaigns,
            imageReports: new ImageReportService({
              store: imageReportStore,
              auth: deps.auth,
              access,
              reports,
            }),
            imageReportMaxBytes: settings.imageReportMaxBytes,
            rescans: new RescanService({
              catalog: deps.catalog,
              auth: deps.auth,
              access,
              scanStore,
              reports,
              scanner,
              logger: deps.logger,
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
          store: retryingScanStore,
          scanner,
          logger: deps.logger,
          filter: settings.catalogFilter,
          pageSize: settings.catalogPageSize,
          concurrency: settings.concurrency,
          retentionDays: settings.retentionDays,
          // Even with notifications switched off: what they stored before stays prunable.
          removedEntityState: [new NotificationStateStore(db)],
        });
        if (settings.events.enabled) {
          const eventStore = new DatabaseEventRescanStore(db);
          const queue = new EventRescanQueue({
            store: eventStore,
            scanStore: retryingScanStore,
            scanner,
            catalog: deps.catalog,
            auth: deps.auth,
            logger: deps.logger,
            concurrency: settings.events.concurrency,
            minimumIntervalMs: settings.events.minimumIntervalMs,
            // A replica that died mid-scan hands its claim on after this.
            leaseMs: settings.entityTimeoutMs + 60_000,
            deduplicationWindowMs: settings.events.deduplicationWindowMs,
            onRescanned: ({ entityRef, outcome }) =>
              deps.logger.info(
                `Alpine Advisor rescanned ${entityRef} after a push: ${
                  outcome?.kind ?? 'gone from the catalog'
                }`,
              ),
          });
          await new PushEventSubscriber({
            events: deps.events,
            index: new RepositoryEntityIndex({
              store: eventStore,
              catalog: deps.catalog,
              auth: deps.auth,
              integrations: ScmIntegrations.fromConfig(deps.config),
              filter: settings.catalogFilter,
            }),
            queue,
            logger: deps.logger,
          }).subscribe();
          deps.lifecycle.addStartupHook(() =>
            queue.start(settings.events.pollIntervalMs),
          );
          deps.lifecycle.addShutdownHook(() => queue.stop());
        }
        await scheduleTasks({
          scheduler: deps.scheduler,
          settings,
          sweep,
          knowledge,
          waiverExpiry: () => waiverApplier.applyExpiries(),
          // Owners hear of campaign deadlines through the notifier, once
          // per campaign, owner and milestone (campaign_notices).
          campaignNotices:
            notifier &&
            settings.campaignNotices.enabled &&
            notifier.isTopicEnabled(CAMPAIGN_DEADLINE_TOPIC)
              ? () =>
                  new CampaignNotices({
                    campaigns,
                    store: campaignStore,
                    sender: notifierNoticeSender(notifier),
                    daysBefore: settings.campaignNotices.daysBefore,
                    logger: deps.logger,
                  }).run()
              : undefined,
        });
      },
    });
  },
});
