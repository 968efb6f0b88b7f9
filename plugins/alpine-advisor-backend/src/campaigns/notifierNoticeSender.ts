import type { AdvisorNotifier } from '../notifications/AdvisorNotifier';
import type { CampaignNotice, CampaignNoticeSender } from './CampaignNotices';

/** The notification topic of campaign deadline notices (`alpineAdvisor.notifications.topics.campaign-deadline: false` switches it off). */
export const CAMPAIGN_DEADLINE_TOPIC = 'alpine-advisor:campaign-deadline';

/** Where a notice links: the report page's campaigns tab. */
export const CAMPAIGNS_LINK = '/alpine-advisor/campaigns';

function conditionText(notice: CampaignNotice): string {
  switch (notice.campaign.condition) {
    case 'eol-alpine':
      return 'they run an end-of-life Alpine release';
    case 'breaking-musl':
      return 'they have an error-level musl risk';
    default:
      return `they have findings of ${(notice.campaign.rules ?? []).join(
        ', ',
      )}`;
  }
}

/** The notice's words. */
export function campaignNoticeText(notice: CampaignNotice) {
  const days =
    notice.daysLeft === 0
      ? 'today'
      : `in ${notice.daysLeft} day${notice.daysLeft === 1 ? '' : 's'}`;
  return {
    title: `Campaign "${notice.campaign.title}" ends ${days}`,
    description: `${notice.affectedCount} of your ${
      notice.totalCount
    } services in the campaign are still affected: ${conditionText(
      notice,
    )}. The deadline is ${notice.campaign.deadline}.`,
  };
}

/**
 * Campaign deadline notices through the plugin's notifier (Backstage's
 * notifications service), straight to the owning group: CampaignNotices
 * claims each notice once, so this sender does no deduplication of its
 * own. A notice that was not sent throws, so that the claim is given back.
 */
export function notifierNoticeSender(
  notifier: AdvisorNotifier,
): CampaignNoticeSender {
  return {
    async send(notice) {
      const sent = await notifier.sendTo(
        notice.owner,
        CAMPAIGN_DEADLINE_TOPIC,
        {
          ...campaignNoticeText(notice),
          severity: notice.daysBefore <= 3 ? 'high' : 'normal',
          link: CAMPAIGNS_LINK,
          scopeKey: notice.campaign.id,
        },
      );
      if (!sent) {
        throw new Error('the notifications service did not take the notice');
      }
    },
  };
}
