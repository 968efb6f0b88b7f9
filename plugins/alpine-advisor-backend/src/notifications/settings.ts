import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** The notification topics Alpine Advisor sends (`payload.topic`). */
export const NOTIFICATION_TOPICS = {
  gradeDrop: 'alpine-advisor:grade-drop',
  newMuslRisk: 'alpine-advisor:new-musl-risk',
  alpineEol: 'alpine-advisor:alpine-eol',
  waiverExpired: 'alpine-advisor:waiver-expired',
} as const;

/** `alpineAdvisor.notifications` (see config.d.ts). */
export interface NotificationSettings {
  enabled: boolean;
  /** A grade this many letters below the last notified (or best since) one is a drop. */
  gradeDropStep: number;
  /** Topics switched off by `topics.<name>: false`, as full topic ids. */
  disabledTopics: ReadonlySet<string>;
  /** Where a notification links: `{kind}`, `{namespace}` and `{name}` are replaced. */
  entityLink: string;
}

export const DEFAULT_ENTITY_LINK =
  '/catalog/{namespace}/{kind}/{name}/alpine-advisor';

/** Reads `alpineAdvisor.notifications`; throws naming a bad key. */
export function readNotificationSettings(
  root: Config | undefined,
): NotificationSettings {
  const config = root?.getOptionalConfig('alpineAdvisor.notifications');
  const step = config?.getOptionalNumber('gradeDropStep') ?? 2;
  if (!Number.isInteger(step) || step < 1 || step > 4) {
    throw new InputError(
      `alpineAdvisor.notifications.gradeDropStep must be a whole number of grades from 1 to 4, got ${step}`,
    );
  }
  const topics = config?.getOptionalConfig('topics');
  const disabledTopics = new Set<string>();
  for (const name of topics?.keys() ?? []) {
    if (topics!.getBoolean(name) === false) {
      disabledTopics.add(`alpine-advisor:${name}`);
    }
  }
  const entityLink =
    config?.getOptionalString('entityLink') ?? DEFAULT_ENTITY_LINK;
  return {
    enabled: config?.getOptionalBoolean('enabled') ?? true,
    gradeDropStep: step,
    disabledTopics,
    entityLink,
  };
}
