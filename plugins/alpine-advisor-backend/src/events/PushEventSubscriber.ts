import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import type { EventRescanQueue } from './EventRescanQueue';
import { PUSH_TOPICS, readPushEvent } from './pushEvents';
import type {
  PushTargets,
  RepositoryEntityIndex,
} from './RepositoryEntityIndex';

/** What one push event led to, for logs and tests. */
export type PushHandling =
  | { ignored: string }
  | (PushTargets & {
      repository: string;
      commit: string;
      queued: string[];
      duplicates: number;
    });

/** The events service subscriber id (the events service prefixes it with the plugin id). */
export const PUSH_SUBSCRIBER_ID = 'push-rescans';

/**
 * Listens to push events (`github.push`, `gitlab.push`, published by the
 * events backend's GitHub and GitLab modules once a webhook's signature or
 * token checked out) and queues a rescan of each entity whose Dockerfiles or
 * config the push changed. Answers quickly: the webhook's HTTP request waits
 * for this handler, not for the scans.
 */
export class PushEventSubscriber {
  constructor(
    private readonly options: {
      events: EventsService;
      index: RepositoryEntityIndex;
      queue: EventRescanQueue;
      logger: LoggerService;
    },
  ) {}

  async subscribe(): Promise<void> {
    await this.options.events.subscribe({
      id: PUSH_SUBSCRIBER_ID,
      topics: [...PUSH_TOPICS],
      onEvent: async params => {
        await this.handle(params.topic, params.eventPayload);
      },
    });
  }

  async handle(topic: string, payload: unknown): Promise<PushHandling> {
    const { index, queue, logger } = this.options;
    const push = readPushEvent(topic, payload);
    if ('ignored' in push) {
      logger.debug(`Alpine Advisor ignored a ${topic} event: ${push.ignored}`);
      return push;
    }
    const repository = push.repositoryUrls[0];
    const targets = await index.targetsOf(push);
    if (targets.candidates === 0) {
      logger.info(
        `Alpine Advisor: push to ${repository} (${push.branch}) ignored: no scanned entity has its source in that repository`,
      );
      return {
        ...targets,
        repository,
        commit: push.headCommit,
        queued: [],
        duplicates: 0,
      };
    }
    const { queued, duplicates } = await queue.enqueue(
      targets.affected.map(entityRef => ({
        entityRef,
        commit: push.headCommit,
        repository,
      })),
    );
    logger.info(
      `Alpine Advisor: push to ${repository} (${
        push.branch
      } at ${push.headCommit.slice(0, 12)}): ${
        queued.length
      } rescans queued, ` +
        `${duplicates} already queued for this commit, ${targets.unaffected} unaffected, ` +
        `${targets.otherBranch} on other branches, ${targets.skipped} skipped`,
    );
    return {
      ...targets,
      repository,
      commit: push.headCommit,
      queued,
      duplicates,
    };
  }
}
