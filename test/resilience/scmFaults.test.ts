import alpineAdvisorPlugin from '@alpine-advisor/backstage-plugin-backend';
import type { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { AddressInfo } from 'node:net';
import { Fault, FaultServer, startFaultServer } from './support/faultServer';
import { serviceName, syntheticServices } from './support/syntheticServices';

jest.setTimeout(120_000);

/**
 * The fast part of the SCM fault suite: the plugin in a test backend with
 * the real fetch UrlReader against the in-process fault server.
 */
const FAULTS: Record<string, Fault> = {
  [serviceName(0)]: { kind: 'not-found' },
  [serviceName(1)]: { kind: 'unauthorized' },
  [serviceName(2)]: { kind: 'server-error' },
  [serviceName(3)]: { kind: 'rate-limited', retryAfterSeconds: 120 },
  [serviceName(4)]: { kind: 'hang' },
  [serviceName(5)]: { kind: 'truncated' },
};
const HEALTHY = [serviceName(6), serviceName(7)];
const ENTITY_TIMEOUT_SECONDS = 2;

async function startBackend(scm: FaultServer, services: number) {
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const { server } = await startTestBackend({
    features: [
      alpineAdvisorPlugin,
      catalogServiceMock.factory({
        entities: syntheticServices(services, scm.baseUrl),
      }),
      mockServices.rootConfig.factory({
        data: {
          backend: { reading: { allow: [{ host: scm.host }] } },
          alpineAdvisor: {
            entityTimeout: { seconds: ENTITY_TIMEOUT_SECONDS },
            rescan: { minimumInterval: { seconds: 0 } },
          },
        },
      }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.push(task);
        },
      }).factory,
    ],
  });
  const { port } = server.address() as AddressInfo;
  const api = `http://127.0.0.1:${port}/api/alpine-advisor`;
  return {
    sweep: () => tasks[0].fn(new AbortController().signal as any),
    async report(name: string) {
      const response = await fetch(`${api}/entities/component/default/${name}`);
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
      return response.json();
    },
  };
}

describe('SCM faults (fetch UrlReader against a fault-injecting server)', () => {
  let scm: FaultServer;

  beforeEach(async () => {
    scm = await startFaultServer({ etags: true });
  });

  afterEach(async () => {
    await scm.close();
  });

  it('keeps the last good result of each failing entity, stale with a readable error, and leaves the others alone', async () => {
    const backend = await startBackend(scm, 8);
    await backend.sweep();
    const before = new Map<string, any>();
    for (const name of [...Object.keys(FAULTS), ...HEALTHY]) {
      const report = await backend.report(name);
      expect(report).toMatchObject({ status: 'ok', stale: false });
      before.set(name, report);
    }

    for (const [name, fault] of Object.entries(FAULTS)) {
      scm.setFault(name, fault);
    }
    await backend.sweep();

    const expectedErrors: Record<string, [string, RegExp]> = {
      [serviceName(0)]: ['no-dockerfile', /No file matches .*Dockerfile/],
      [serviceName(1)]: ['unreadable', /Access denied: .*401/],
      [serviceName(2)]: ['unreadable', /500 Internal Server Error/],
      [serviceName(3)]: ['rate-limited', /429 Too Many Requests/],
      [serviceName(4)]: [
        'timeout',
        new RegExp(`timed out after ${ENTITY_TIMEOUT_SECONDS} s`),
      ],
      [serviceName(5)]: [
        'unreadable',
        /svc-5\/Dockerfile failed before the whole file arrived/,
      ],
    };
    for (const [name, [status, error]] of Object.entries(expectedErrors)) {
      const report = await backend.report(name);
      expect({ name, status: report.status, stale: report.stale }).toEqual({
        name,
        status,
        stale: true,
      });
      expect(report.error).toMatch(error);
      expect(report.score).toBe(before.get(name).score);
      expect(report.dockerfiles).toEqual(before.get(name).dockerfiles);
    }
    for (const name of HEALTHY) {
      // Checked again (unchanged), so only the time of the last look moves.
      expect(await backend.report(name)).toEqual({
        ...before.get(name),
        lastScannedAt: expect.any(String),
      });
    }

    // The rate-limited repository is left alone until its wait is over
    // (the fetch reader drops Retry-After, so the configured backoff holds).
    scm.resetCounts();
    await backend.sweep();
    const reads = scm.requestCounts();
    expect(reads.get(`/${serviceName(3)}/Dockerfile`)).toBeUndefined();
    expect(reads.get(`/${serviceName(2)}/Dockerfile`)).toBe(1);
  });

  it('analyses files that are not UTF-8 or several megabytes long, and says why they score low', async () => {
    scm.setFault(serviceName(0), { kind: 'latin1' });
    scm.setFault(serviceName(1), { kind: 'huge', megabytes: 8 });
    const backend = await startBackend(scm, 3);

    await backend.sweep();

    const latin1 = await backend.report(serviceName(0));
    expect(latin1).toMatchObject({ status: 'ok', stale: false });
    expect(latin1.dockerfiles[0].findings).toEqual([
      expect.objectContaining({
        ruleId: 'binary-content',
        message: expect.stringMatching(/not valid UTF-8/),
      }),
    ]);
    const huge = await backend.report(serviceName(1));
    expect(huge).toMatchObject({ status: 'ok', stale: false });
    expect(huge.dockerfiles[0].findings).toEqual([
      expect.objectContaining({
        ruleId: 'file-too-large',
        message: expect.stringMatching(
          /8\.0 MB; files over 1 MB are not analysed/,
        ),
      }),
    ]);
    expect(await backend.report(serviceName(2))).toMatchObject({
      status: 'ok',
      stale: false,
      grade: expect.stringMatching(/^[A-F]$/),
    });
  });
});
