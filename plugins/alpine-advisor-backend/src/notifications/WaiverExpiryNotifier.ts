import type { StoredWaiver } from '../waivers/DatabaseWaiverStore';
import type { AdvisorNotifier } from './AdvisorNotifier';
import { NOTIFICATION_TOPICS } from './settings';

/**
 * Tells the owning group that a waiver expired and its findings count
 * again: one notice per waiver (its id is the key), however often the
 * expiry task sees it.
 */
export class WaiverExpiryNotifier {
  constructor(private readonly notifier: AdvisorNotifier) {}

  async waiversExpired(waivers: StoredWaiver[]): Promise<void> {
    for (const waiver of waivers) {
      const what = waiver.fingerprint
        ? `one ${waiver.ruleId} finding (${waiver.fingerprint})`
        : `the ${waiver.ruleId} findings`;
      await this.notifier.notifyOnce({
        entityRef: waiver.entityRef,
        topic: NOTIFICATION_TOPICS.waiverExpired,
        key: waiver.id,
        state: 'expired',
        notice: {
          title: `A waiver on ${waiver.entityRef} expired`,
          description: `The waiver of ${what} expired on ${waiver.expiresAt
            .toISOString()
            .slice(0, 10)} ("${
            waiver.reason
          }"); those findings count against the score again.`,
          severity: 'normal',
          scopeKey: waiver.id,
        },
      });
    }
  }
}
