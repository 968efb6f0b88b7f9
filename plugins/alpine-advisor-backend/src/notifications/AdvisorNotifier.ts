import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationSeverity } from '@backstage/plugin-notifications-common';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { NotificationStateStore } from './NotificationStateStore';
import type { NotificationSettings } from './settings';

/** What a notification says; the notifier adds the recipients, the link default, topic and scope. */
export interface AdvisorNotice {
  title: string;
  description: string;
  severity: NotificationSeverity;
  /** Defaults to the entity's Alpine Advisor tab (`alpineAdvisor.notifications.entityLink`). */
  link?: string;
  /**
   * Makes the notifications backend's scope (`<topic>:<entity ref>`, or
   * `<topic>` for `sendTo`) finer, e.g. a waiver id: notices of one scope
   * replace each other in the inbox.
   */
  scopeKey?: string;
}

/** One key's move to a new state, notified once (see `notifyOnce`). */
export interface AdvisorNoticeChange {
  /** The entity the notice is about; its owner (`spec.owner`) is notified. */
  entityRef: string;
  /** `alpine-advisor:<name>`; `alpineAdvisor.notifications.topics.<name>: false` switches it off. */
  topic: string;
  /** What within the topic changed: a campaign id, a waiver id, a release. */
  key: string;
  /** The key's new state, e.g. `due-in-7-days`; the same state again notifies nobody. */
  state: string;
  notice: AdvisorNotice;
}

export interface AdvisorNotifierOptions {
  notifications: NotificationService;
  store: NotificationStateStore;
  settings: NotificationSettings;
  logger: LoggerService;
  now?: () => Date;
}

/**
 * Sends Alpine Advisor's notifications to the groups owning entities,
 * deduplicated per entity, topic and key through the `notification_state`
 * table: a notice goes out when a key moves to a new state, not each time
 * the same state is seen again, and of two replicas seeing the same move
 * only the one whose compare-and-set wins sends it.
 *
 * Other rooms use `notifyOnce` (e.g. campaign deadlines:
 * `{ topic: 'alpine-advisor:campaign-deadline', key: campaignId, state: 'due-in-7-days' }`).
 */
export class AdvisorNotifier {
  private readonly now: () => Date;

  constructor(private readonly options: AdvisorNotifierOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get store(): NotificationStateStore {
    return this.options.store;
  }

  /** Whether notices of this topic are sent (state is kept either way). */
  isTopicEnabled(topic: string): boolean {
    return (
      this.options.settings.enabled &&
      !this.options.settings.disabledTopics.has(topic)
    );
  }

  /**
   * Moves (entity, topic, key) to `state` and, when that is a change this
   * replica made, notifies the entity's owner. Resolves to whether a
   * notification was sent. A failed send puts the state back, so that the
   * next time the change is seen it is notified again.
   */
  async notifyOnce(change: AdvisorNoticeChange): Promise<boolean> {
    const key = {
      entityRef: change.entityRef,
      topic: change.topic,
      key: change.key,
    };
    const states = await this.options.store.states(
      [change.entityRef],
      [change.topic],
    );
    const previous = states
      .get(change.entityRef)
      ?.find(row => row.key === change.key)?.state;
    if (previous === change.state) {
      return false;
    }
    const sending = this.isTopicEnabled(change.topic);
    const won = await this.options.store.compareAndSet(
      key,
      previous,
      change.state,
      this.now(),
      sending,
    );
    if (!won || !sending) {
      return false;
    }
    const sent = await this.send(change.entityRef, change.topic, change.notice);
    if (!sent) {
      await this.undo(key, previous, change.state);
    }
    return sent;
  }

  /**
   * Sends a notice about an entity to its owner, unless notifications or
   * the topic are switched off or the entity has no owner. Never throws:
   * resolves to false when nothing was sent (a failure is logged).
   */
  async send(
    entityRef: string,
    topic: string,
    notice: AdvisorNotice,
  ): Promise<boolean> {
    if (!this.isTopicEnabled(topic)) {
      return false;
    }
    let owner: string | undefined;
    try {
      owner = (await this.options.store.owners([entityRef])).get(entityRef);
    } catch (error) {
      this.options.logger.warn(
        `Alpine Advisor could not look up the owner of ${entityRef} for a notification (${topic}): ${error}`,
      );
      return false;
    }
    if (!owner) {
      this.options.logger.debug(
        `Alpine Advisor: no notification (${topic}) for ${entityRef}: it has no owner`,
      );
      return false;
    }
    return this.sendTo(owner, topic, {
      ...notice,
      link: notice.link ?? this.entityLink(entityRef),
      scopeKey: [entityRef, notice.scopeKey].filter(Boolean).join(':'),
    });
  }

  /**
   * Sends a notice to a group or user directly (e.g. a campaign's deadline
   * to an owning group: `scopeKey` the campaign id), unless notifications
   * or the topic are switched off. No deduplication: pair it with a claim
   * of your own (or use `notifyOnce`). Never throws: resolves to false when
   * nothing was sent (a failure is logged).
   */
  async sendTo(
    recipientRef: string,
    topic: string,
    notice: AdvisorNotice,
  ): Promise<boolean> {
    if (!this.isTopicEnabled(topic)) {
      return false;
    }
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: recipientRef },
        payload: {
          title: notice.title,
          description: notice.description,
          ...(notice.link ? { link: notice.link } : {}),
          severity: notice.severity,
          topic,
          scope: [topic, notice.scopeKey].filter(Boolean).join(':'),
        },
      });
      return true;
    } catch (error) {
      this.options.logger.warn(
        `Alpine Advisor could not send a notification (${topic}) to ${recipientRef}; it is sent when the change is seen again: ${error}`,
      );
      return false;
    }
  }

  /** The entity's Alpine Advisor tab, from `alpineAdvisor.notifications.entityLink`. */
  entityLink(entityRef: string): string {
    const ref = parseEntityRef(entityRef);
    return this.options.settings.entityLink
      .replace(/\{kind\}/g, encodeURIComponent(ref.kind))
      .replace(/\{namespace\}/g, encodeURIComponent(ref.namespace))
      .replace(/\{name\}/g, encodeURIComponent(ref.name));
  }

  /** Puts a key back after a failed send (best effort). */
  async undo(
    key: { entityRef: string; topic: string; key: string },
    previous: string | undefined,
    next: string,
  ): Promise<void> {
    try {
      if (previous === undefined) {
        await this.options.store.remove(key, next);
      } else {
        await this.options.store.compareAndSet(
          key,
          next,
          previous,
          this.now(),
          false,
        );
      }
    } catch (error) {
      this.options.logger.warn(
        `Alpine Advisor could not reset the notification state of ${key.entityRef} (${key.topic}): ${error}`,
      );
    }
  }
}
