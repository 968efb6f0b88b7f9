import type { SchedulerService } from '@backstage/backend-plugin-api';
import type { AdvisorSettings } from '../config/readAdvisorConfig';
import type { KnowledgeService } from '../knowledge/KnowledgeService';
import type { CatalogSweep } from './CatalogSweep';

/** The id of the scheduled catalog sweep, e.g. for `scheduler.triggerTask`. */
export const SWEEP_TASK_ID = 'alpine-advisor-catalog-sweep';

/** The id of the scheduled refresh of Alpine release data. */
export const KNOWLEDGE_REFRESH_TASK_ID = 'alpine-advisor-knowledge-refresh';

/** The id of the scheduled re-scoring of entities whose waivers expired. */
export const WAIVER_EXPIRY_TASK_ID = 'alpine-advisor-waiver-expiry';

/** The id of the scheduled check for campaign deadline notices. */
export const CAMPAIGN_NOTICES_TASK_ID = 'alpine-advisor-campaign-notices';

/**
 * The plugin's scheduled tasks: the catalog sweep (which ends with history
 * retention, see Retention) and, when configured, the refresh of Alpine
 * release data.
 */
export async function scheduleTasks(options: {
  scheduler: SchedulerService;
  settings: Pick<AdvisorSettings, 'schedule' | 'knowledge'>;
  sweep: CatalogSweep;
  knowledge: KnowledgeService;
  /** Re-scores entities whose waivers expired (WaiverApplier.applyExpiries). */
  waiverExpiry?: () => Promise<unknown>;
  /** Tells owners of affected services that a campaign's deadline nears (CampaignNotices.run). */
  campaignNotices?: () => Promise<unknown>;
}): Promise<void> {
  const {
    scheduler,
    settings,
    sweep,
    knowledge,
    waiverExpiry,
    campaignNotices,
  } = options;
  await scheduler.scheduleTask({
    id: SWEEP_TASK_ID,
    ...settings.schedule,
    fn: async signal => {
      await sweep.run(signal);
    },
  });
  const refresh = settings.knowledge.refresh;
  if (refresh) {
    await scheduler.scheduleTask({
      id: KNOWLEDGE_REFRESH_TASK_ID,
      ...refresh.schedule,
      fn: async signal => {
        await knowledge.refresh(signal as AbortSignal);
      },
    });
  }
  if (waiverExpiry) {
    await scheduler.scheduleTask({
      id: WAIVER_EXPIRY_TASK_ID,
      frequency: { minutes: 15 },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 40 },
      scope: 'global',
      fn: async () => {
        await waiverExpiry();
      },
    });
  }
  if (campaignNotices) {
    await scheduler.scheduleTask({
      id: CAMPAIGN_NOTICES_TASK_ID,
      frequency: { hours: 1 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 1 },
      scope: 'global',
      fn: async () => {
        await campaignNotices();
      },
    });
  }
}
