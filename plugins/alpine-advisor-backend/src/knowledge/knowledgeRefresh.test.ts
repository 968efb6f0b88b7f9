/*
 * A test backend pointed at a local stand-in of the release source: picks up
 * a new branch and a changed end-of-life date without a restart, re-scores
 * the affected entities from their stored files (the repositories are
 * changed on disk afterwards and must not be read), and keeps the last good
 * data through a 500, a timeout, truncated JSON and a schema change, logging
 * the failure once and showing it in GET /knowledge.
 *
 * Dates are chosen so that no verdict depends on today's date: the stand-in
 * first moves 3.24's end of life to 2999 and then to 2001, and 3.25 stays
 * plausible by the cadence whatever the day.
 */
import type { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonObject } from '@backstage/types';
import request from 'supertest';
import { visibilityCatalogFactory } from '../__testUtils__/visibilityCatalog';
import { alpineAdvisorPlugin } from '../plugin';

jest.setTimeout(60_000);

const mockDir = createMockDirectory();

type Mode = 'ok' | '500' | 'timeout' | 'truncated' | 'schema';
let mode: Mode = 'ok';
let body = '';
const server = http.createServer((_req, res) => {
  if (mode === 'timeout') return; // never answers
  if (mode === '500') {
    res.writeHead(500).end('oops');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  if (mode === 'truncated') res.end(body.slice(0, body.length / 2));
  else if (mode === 'schema')
    res.end(JSON.stringify({ branches: { '3.24': { eol: '2028-06-01' } } }));
  else res.end(body);
});

function releasesJson(eol324: string) {
  const branch = (version: string, eol: string, date: string) => ({
    rel_branch: `v${version}`,
    git_branch: `${version}-stable`,
    branch_date: date,
    eol_date: eol,
    arches: ['x86_64'],
    releases: [{ version: `${version}.0`, date, notes: 'x' }],
  });
  return JSON.stringify({
    architectures: ['x86_64'],
    latest_stable: 'v3.25',
    release_branches: [
      { rel_branch: 'edge', git_branch: 'master', arches: ['x86_64'] },
      branch('3.25', '2999-11-01', '2026-12-03'),
      branch('3.24', eol324, '2026-06-09'),
      branch('3.23', '2999-11-01', '2025-12-03'),
      branch('3.22', '2999-05-01', '2025-05-30'),
    ],
  });
}

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      annotations: {
        'backstage.io/managed-by-location': `file:${mockDir.resolve(
          `services/${name}/catalog-info.yaml`,
        )}`,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const CURRENT = 'FROM alpine:3.24\nUSER app\nCMD ["/app"]\n';
const NEXT = 'FROM alpine:3.25\nUSER app\nCMD ["/app"]\n';

beforeAll(async () => {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
});

async function startBackend(knowledge?: JsonObject) {
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const logger = mockServices.logger.mock();
  const { port } = server.address() as AddressInfo;
  const { server: backend } = await startTestBackend({
    features: [
      alpineAdvisorPlugin,
      visibilityCatalogFactory([component('current'), component('next')]),
      mockServices.rootConfig.factory({
        data: {
          alpineAdvisor: {
            analysisWorkers: 0,
            localSources: { allowedDirectories: [mockDir.resolve('services')] },
            knowledge: knowledge ?? {
              refresh: {
                url: `http://127.0.0.1:${port}/releases.json`,
                requestTimeout: { milliseconds: 300 },
              },
            },
          },
        },
      }),
      mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.push(task);
        },
      }).factory,
      logger.factory,
    ],
  });
  const run = (id: string) =>
    tasks.find(task => task.id === id)!.fn(new AbortController().signal as any);
  return {
    backend,
    logger,
    sweep: () => run('alpine-advisor-catalog-sweep'),
    refresh: () => run('alpine-advisor-knowledge-refresh'),
  };
}

describe('knowledge refresh in a running backend', () => {
  beforeEach(() => {
    mode = 'ok';
    mockDir.setContent({
      services: {
        current: {
          'catalog-info.yaml': 'kind: Component',
          Dockerfile: CURRENT,
        },
        next: { 'catalog-info.yaml': 'kind: Component', Dockerfile: NEXT },
      },
    });
  });

  it('picks up new data, re-scores from stored files and survives a broken source', async () => {
    const { backend, logger, sweep, refresh } = await startBackend();
    const get = (path: string) =>
      request(backend).get(`/api/alpine-advisor${path}`);
    const rules = async (name: string) =>
      (
        await get(`/entities/component/default/${name}`)
      ).body.dockerfiles[0].findings.map((f: { ruleId: string }) => f.ruleId);

    const bundled = await get('/knowledge');
    expect(bundled.status).toBe(200);
    expect(bundled.body.releaseData).toMatchObject({
      origin: 'bundled',
      asOf: bundled.body.releasesAsOf,
      sourceUrl: expect.stringMatching(
        /^http:\/\/127\.0\.0\.1:\d+\/releases\.json$/,
      ),
    });
    expect(bundled.body.version).toMatch(/\+bundled$/);

    await sweep();
    expect(await rules('next')).toContain('alpine-release-unknown');
    const before = await get('/entities/component/default/next');
    expect(before.body.dockerfiles[0].knowledgeVersion).toMatch(/\+bundled$/);
    // From here on the repositories say something else: a re-score must not read them.
    mockDir.setContent({
      services: {
        current: {
          'catalog-info.yaml': 'kind: Component',
          Dockerfile: 'FROM debian:12\n',
        },
        next: {
          'catalog-info.yaml': 'kind: Component',
          Dockerfile: 'FROM debian:12\n',
        },
      },
    });

    // A new branch (3.25), and 3.24 supported until 2999.
    body = releasesJson('2999-06-01');
    await refresh();
    const refreshed = (await get('/knowledge')).body;
    expect(refreshed).toMatchObject({
      newestRelease: '3.25',
      origin: 'overridden',
      releaseData: { origin: 'refreshed', fetchedAt: expect.any(String) },
    });
    expect(refreshed.releaseData.lastError).toBeUndefined();
    const next = (await get('/entities/component/default/next')).body;
    expect(
      next.dockerfiles[0].findings.map((f: { ruleId: string }) => f.ruleId),
    ).not.toContain('alpine-release-unknown');
    expect(next.dockerfiles[0].content).toBe(NEXT);
    expect(next.dockerfiles[0].knowledgeVersion).toBe(refreshed.version);
    expect(next.scan.trigger).toBe('knowledge');
    expect(await rules('current')).not.toContain('alpine-eol');

    // 3.24's end of life moves into the past: the verdict changes.
    body = releasesJson('2001-06-01');
    await refresh();
    const current = (await get('/entities/component/default/current')).body;
    expect(current.dockerfiles[0].findings).toEqual([
      expect.objectContaining({
        ruleId: 'alpine-eol',
        message: expect.stringContaining('reached end of life on 2001-06-01'),
        remediation: expect.stringContaining('Move to Alpine 3.25'),
      }),
    ]);
    expect(current.scan.trigger).toBe('knowledge');
    expect(current.dockerfiles[0].content).toBe(CURRENT);
    const good = (await get('/knowledge')).body;

    logger.warn.mockClear();
    const failures: Array<[Mode, RegExp]> = [
      ['500', /HTTP 500/],
      ['timeout', /no answer within 300 ms/],
      ['truncated', /not JSON \(truncated\?\)/],
      ['schema', /unexpected shape/],
    ];
    for (const [failure, message] of failures) {
      mode = failure;
      await refresh();
      const status = (await get('/knowledge')).body;
      expect(status.releaseData.lastError).toMatch(message);
      // The last good copy stays in use.
      expect(status.version).toBe(good.version);
      expect(status.releaseData.origin).toBe('refreshed');
      expect(await rules('current')).toEqual(['alpine-eol']);
    }
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatch(
      /could not refresh Alpine release data .*HTTP 500.*using the data fetched on/,
    );

    mode = 'ok';
    await refresh();
    expect(
      (await get('/knowledge')).body.releaseData.lastError,
    ).toBeUndefined();
  });

  it('takes internal images and releases from alpineAdvisor.knowledge, refresh off', async () => {
    mockDir.setContent({
      services: {
        current: {
          'catalog-info.yaml': 'kind: Component',
          Dockerfile: 'FROM registry.acme.io/base/node:22\nUSER app\n',
        },
        next: { 'catalog-info.yaml': 'kind: Component', Dockerfile: NEXT },
      },
    });
    const { backend, sweep } = await startBackend({
      releases: [{ version: '3.23', endOfLife: '2001-01-01' }],
      images: [
        { image: 'registry.acme.io/base/node:22', alpineRelease: '3.23' },
      ],
      refresh: { enabled: false },
    });
    await sweep();
    const get = (path: string) =>
      request(backend).get(`/api/alpine-advisor${path}`);
    const current = (await get('/entities/component/default/current')).body;
    expect(current.dockerfiles[0]).toMatchObject({
      usesAlpine: true,
      alpineRelease: '3.23',
      findings: [expect.objectContaining({ ruleId: 'alpine-eol' })],
    });
    const status = (await get('/knowledge')).body;
    expect(status).toMatchObject({
      origin: 'overridden',
      releaseData: { origin: 'bundled' },
      layers: [
        {
          source: 'app-config alpineAdvisor.knowledge',
          releases: 1,
          images: 1,
        },
      ],
    });
    expect(status.releaseData.sourceUrl).toBeUndefined();
  });
});
