import { alpineAdvisorSourceReadersExtensionPoint } from '@alpine-advisor/backstage-plugin-node';
import {
  createBackendModule,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import type { Server } from 'node:http';
import request from 'supertest';
import {
  APK_CACHE_DOCKERFILE,
  CLEAN_DOCKERFILE,
} from '../__testUtils__/entities';
import { eventModules } from '../__testUtils__/eventModules';
import { InMemorySourceReader } from '../__testUtils__/InMemorySourceReader';
import { githubPush, signGithub } from '../__testUtils__/pushPayloads';
import { visibilityCatalogFactory } from '../__testUtils__/visibilityCatalog';
import { alpineAdvisorPlugin } from '../plugin';

jest.setTimeout(60_000);

const SECRET = 'test-webhook-secret';
const GITLAB_TOKEN = 'test-gitlab-token';
const GITHUB_REPO = 'https://github.com/acme/shop';
const GITLAB_PROJECT = 'https://gitlab.example.com/platform/shop';
const LOCATIONS: Record<string, string> = {
  orders: `${GITHUB_REPO}/tree/main/services/orders/`,
  billing: `${GITHUB_REPO}/tree/main/services/billing/`,
  search: `${GITLAB_PROJECT}/-/tree/main/search/`,
};

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      annotations: { 'backstage.io/source-location': `url:${LOCATIONS[name]}` },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

/**
 * The plugin with push events on, the real events backend (its HTTP ingress
 * at /api/events/http/<topic>) and the real GitHub and GitLab event modules
 * (signature and token checks, routing to `github.push` and `gitlab.push`),
 * reading repositories from memory.
 */
async function startBackend() {
  const reader = new InMemorySourceReader(
    Object.fromEntries(
      Object.values(LOCATIONS).map(target => [
        target,
        { files: { Dockerfile: CLEAN_DOCKERFILE }, revision: 'r1' },
      ]),
    ),
  );
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const { server } = await startTestBackend({
    features: [
      alpineAdvisorPlugin,
      // The real events service (startTestBackend's mock gives each plugin its own).
      eventsServiceFactory,
      eventsPlugin,
      ...eventModules(),
      createBackendModule({
        pluginId: 'alpine-advisor',
        moduleId: 'in-memory-reader',
        register(env) {
          env.registerInit({
            deps: { readers: alpineAdvisorSourceReadersExtensionPoint },
            async init({ readers }) {
              readers.addSourceReader(reader);
            },
          });
        },
      }),
      visibilityCatalogFactory(Object.keys(LOCATIONS).map(component)),
      mockServices.rootConfig.factory({
        data: {
          events: {
            // One process: events stay in it (the replicas suite covers the bus).
            useEventBus: 'never',
            modules: {
              github: { webhookSecret: SECRET },
              gitlab: { webhookSecret: GITLAB_TOKEN },
            },
          },
          alpineAdvisor: {
            events: { enabled: true, pollInterval: { seconds: 60 } },
            analysisWorkers: 0,
          },
        },
      }),
      mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.push(task);
        },
      }).factory,
    ],
  });
  const sweep = async () => {
    const task = tasks.find(t => t.id === 'alpine-advisor-catalog-sweep');
    await task!.fn(new AbortController().signal as any);
  };
  await sweep();
  return { server, reader, tasks };
}

function postGithub(
  server: Server,
  payload: unknown,
  signature: string | undefined,
) {
  const body = JSON.stringify(payload);
  const post = request(server)
    .post('/api/events/http/github')
    .set('Content-Type', 'application/json')
    .set('X-GitHub-Event', 'push')
    .set('X-GitHub-Delivery', `delivery-${Math.random()}`);
  if (signature !== undefined) {
    post.set('X-Hub-Signature-256', signature);
  }
  return post.send(body);
}

const readsOf = (reader: InMemorySourceReader, name: string) =>
  reader.reads.filter(read => read.location.target === LOCATIONS[name]).length;

async function reportOf(server: Server, name: string) {
  const response = await request(server).get(
    `/api/alpine-advisor/entities/component/default/${name}`,
  );
  expect(response.status).toBe(200);
  return response.body;
}

/** Polls the entity's report until its scan time moves past `since`. */
async function waitForRescan(server: Server, name: string, since: string) {
  for (let attempt = 0; attempt < 400; attempt++) {
    const report = await reportOf(server, name);
    if (report.lastScannedAt > since) {
      return report;
    }
    await new Promise(resolve => setTimeout(resolve, 25));
  }
  throw new Error(`${name} was not rescanned after ${since}`);
}

describe('push events through the events backend', () => {
  it('rescans on a signed GitHub push, never on a bad or missing signature, and once per commit', async () => {
    const { server, reader, tasks } = await startBackend();
    // Events on: the sweep is the daily safety net.
    expect(
      tasks.find(t => t.id === 'alpine-advisor-catalog-sweep'),
    ).toMatchObject({ frequency: { days: 1 } });
    reader.repositories[LOCATIONS.orders] = {
      files: { Dockerfile: APK_CACHE_DOCKERFILE },
      revision: 'r2',
    };
    const ordersPush = githubPush({
      repository: GITHUB_REPO,
      commits: [{ modified: ['services/orders/Dockerfile'] }],
    });
    const body = JSON.stringify(ordersPush);
    const swept = (await reportOf(server, 'orders')).lastScannedAt;

    const forged = await postGithub(
      server,
      ordersPush,
      signGithub('not-the-secret', body),
    );
    const unsigned = await postGithub(server, ordersPush, undefined);
    expect([forged.status, unsigned.status]).toEqual([403, 403]);
    expect(forged.body).toEqual({ message: 'invalid signature' });

    // A signed push for billing afterwards: once it is rescanned, the
    // refused ones would have been too.
    const billingPush = githubPush({
      repository: GITHUB_REPO,
      after: 'c'.repeat(40),
      commits: [{ modified: ['services/billing/Dockerfile'] }],
    });
    const signed = await postGithub(
      server,
      billingPush,
      signGithub(SECRET, JSON.stringify(billingPush)),
    );
    expect(signed.status).toBe(202);
    await waitForRescan(server, 'billing', swept);
    expect(readsOf(reader, 'orders')).toBe(1); // the sweep's
    expect(readsOf(reader, 'billing')).toBe(2);

    // Now signed: orders is rescanned, from the new commit.
    const accepted = await postGithub(
      server,
      ordersPush,
      signGithub(SECRET, body),
    );
    expect(accepted.status).toBe(202);
    const report = await waitForRescan(server, 'orders', swept);
    expect(report).toMatchObject({
      grade: 'B',
      scan: { trigger: 'event', revision: 'r2' },
    });
    expect(readsOf(reader, 'orders')).toBe(2);

    // The same delivery again does nothing.
    const again = await postGithub(
      server,
      ordersPush,
      signGithub(SECRET, body),
    );
    expect(again.status).toBe(202);
    const searchPush = {
      object_kind: 'push',
      ref: 'refs/heads/main',
      after: 'd'.repeat(40),
      project: { web_url: GITLAB_PROJECT, default_branch: 'main' },
      commits: [{ id: 'd'.repeat(40), added: ['search/Dockerfile'] }],
      total_commits_count: 1,
    };
    const gitlab = await request(server)
      .post('/api/events/http/gitlab')
      .set('Content-Type', 'application/json')
      .set('X-Gitlab-Event', 'Push Hook')
      .set('X-Gitlab-Token', GITLAB_TOKEN)
      .send(JSON.stringify(searchPush));
    expect(gitlab.status).toBe(202);
    await waitForRescan(server, 'search', swept);
    expect(readsOf(reader, 'orders')).toBe(2);
  });

  it('refuses a GitLab push with a wrong token', async () => {
    const { server, reader } = await startBackend();
    const response = await request(server)
      .post('/api/events/http/gitlab')
      .set('Content-Type', 'application/json')
      .set('X-Gitlab-Token', 'wrong')
      .send(
        JSON.stringify({
          object_kind: 'push',
          ref: 'refs/heads/main',
          after: 'e'.repeat(40),
          project: { web_url: GITLAB_PROJECT },
        }),
      );
    expect(response.status).toBe(403);
    expect(readsOf(reader, 'search')).toBe(1);
  });
});
