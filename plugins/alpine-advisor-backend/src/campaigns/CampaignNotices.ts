import type { Campaign } from '@alpine-advisor/backstage-plugin-common';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { CampaignService } from './CampaignService';
import type { DatabaseCampaignStore } from './DatabaseCampaignStore';

/** A campaign's deadline nears and an owner still has affected services. */
export interface CampaignNotice {
  campaign: Campaign;
  /** Entity ref of the owning group (or user). */
  owner: string;
  affectedCount: number;
  totalCount: number;
  daysLeft: number;
  /** The milestone reached (`alpineAdvisor.campaignNotices.daysBefore`). */
  daysBefore: number;
}

/** Delivers a notice (e.g. through Backstage's notifications service). */
export interface CampaignNoticeSender {
  send(notice: CampaignNotice): Promise<void>;
}

const EVERYTHING = { all: true } as const;

/**
 * Tells the owners of services a campaign still affects that its deadline
 * nears: at each configured milestone (14 and 3 days before, by default),
 * once per campaign, owner and milestone (claimed in `campaign_notices`
 * before sending, given back when sending fails). A run that starts after
 * several milestones passed sends the nearest one only. Owners with no
 * affected service, campaigns not started and campaigns past their deadline
 * get nothing.
 */
export class CampaignNotices {
  constructor(
    private readonly options: {
      campaigns: CampaignService;
      store: DatabaseCampaignStore;
      sender: CampaignNoticeSender;
      daysBefore: readonly number[];
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /** Sends what is due; returns how many notices were sent. */
  async run(): Promise<number> {
    const { campaigns, store, sender, daysBefore, logger } = this.options;
    let sent = 0;
    for (const campaign of await campaigns.all()) {
      const standing = await campaigns.standing(campaign, EVERYTHING);
      if (
        standing.state === 'upcoming' ||
        standing.daysLeft < 0 ||
        standing.affectedCount === 0
      ) {
        continue;
      }
      const reached = daysBefore.filter(days => standing.daysLeft <= days);
      if (reached.length === 0) continue;
      const milestone = Math.min(...reached);
      // Owners only: the burn-down is not needed here.
      for (const owner of await campaigns.owners(campaign, EVERYTHING)) {
        if (!owner.owner || owner.affectedCount === 0) continue;
        const now = this.options.now?.() ?? new Date();
        if (
          !(await store.claimNotice(campaign.id, owner.owner, milestone, now))
        ) {
          continue;
        }
        try {
          await sender.send({
            campaign: standing.campaign,
            owner: owner.owner,
            affectedCount: owner.affectedCount,
            totalCount: owner.totalCount,
            daysLeft: standing.daysLeft,
            daysBefore: milestone,
          });
          sent += 1;
        } catch (error) {
          await store.releaseNotice(campaign.id, owner.owner, milestone);
          logger.warn(
            `Alpine Advisor could not send the ${milestone}-day notice of campaign ${campaign.id} to ${owner.owner}; it is tried again on the next run: ${error}`,
          );
        }
      }
    }
    return sent;
  }
}
