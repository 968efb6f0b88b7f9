import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type {
  SchedulerServiceTaskFunction,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scorecardBackend from '@red-hat-developer-hub/backstage-plugin-scorecard-backend';
import request from 'supertest';
import {
  alpineAdvisorStandIn,
  standInEntity,
  type StandInEntity,
} from '@alpine-advisor/test-utils';
import module from './index';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const ALPINE: StandInEntity[] = [
  standInEntity('orders', { score: 96, grade: 'A' }),
  standInEntity('legacy-api', {
    score: 58,
    grade: 'F',
    muslErrorCount: 2,
    compliant: false,
  }),
  standInEntity('fresh', { score: null, grade: null, status: 'pending' }),
  ...Array.from({ length: 520 }, (_, i) =>
    standInEntity(`filler-${String(i).padStart(3, '0')}`),
  ),
];

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/team-a',
    lifecycle: 'production',
  },
});

const CATALOG = [
  component('orders'),
  component('legacy-api'),
  component('fresh'),
  component('filler-519'),
  component('unknown-to-alpine-advisor'),
];

describe.each(databases.eachSupportedId())(
  'RHDH Scorecard with the Alpine Advisor metrics on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let fake: ReturnType<typeof alpineAdvisorStandIn>;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
      const scheduler = mockServices.scheduler.mock({
        createScheduledTaskRunner: () => ({
          run: async (task: SchedulerServiceTaskInvocationDefinition) => {
            tasks.push(task);
          },
        }),
        scheduleTask: async task => {
          tasks.push(task);
        },
      });
      fake = alpineAdvisorStandIn({ entities: ALPINE });
      backend = await startTestBackend({
        features: [
          scorecardBackend,
          module,
          fake.plugin,
          scheduler.factory,
          catalogServiceMock.factory({ entities: CATALOG }),
          mockServices.database.factory({ knex }),
        ],
      });
      const run = (id: string) => {
        const task = tasks.find(t => t.id === id);
        if (!task) {
          throw new Error(
            `no task ${id} among ${tasks.map(t => t.id).join(', ')}`,
          );
        }
        return (task.fn as SchedulerServiceTaskFunction)(
          new AbortController().signal,
        );
      };
      await run('alpineAdvisor.score');
      await run('alpineAdvisor.breakingMusl');
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const metrics = async (name: string) => {
      const response = await request(backend.server).get(
        `/api/scorecard/metrics/catalog/component/default/${name}`,
      );
      expect(response.status).toBe(200);
      return Object.fromEntries(
        (
          response.body as Array<{
            id: string;
            status: string;
            result: {
              value: number | null;
              thresholdResult: { evaluation: string | null };
            };
            error?: string;
          }>
        ).map(m => [
          m.id,
          {
            status: m.status,
            value: m.result?.value ?? null,
            evaluation: m.result?.thresholdResult?.evaluation ?? null,
          },
        ]),
      );
    };

    it('lists the metrics', async () => {
      const response = await request(backend.server).get(
        '/api/scorecard/metrics',
      );
      expect(response.status).toBe(200);
      expect(
        (response.body.metrics as Array<{ id: string }>).map(m => m.id),
      ).toEqual(
        expect.arrayContaining([
          'alpineAdvisor.score',
          'alpineAdvisor.breakingMusl',
        ]),
      );
    });

    it('scores a well-kept service as a success', async () => {
      expect(await metrics('orders')).toEqual({
        'alpineAdvisor.score': {
          status: 'success',
          value: 96,
          evaluation: 'success',
        },
        'alpineAdvisor.breakingMusl': {
          status: 'success',
          value: 0,
          evaluation: 'success',
        },
      });
    });

    it('scores a failing service with breaking musl risks as an error', async () => {
      expect(await metrics('legacy-api')).toEqual({
        'alpineAdvisor.score': {
          status: 'success',
          value: 58,
          evaluation: 'error',
        },
        'alpineAdvisor.breakingMusl': {
          status: 'success',
          value: 2,
          evaluation: 'error',
        },
      });
    });

    it('answers entities past the first page of the report from one listing', async () => {
      expect((await metrics('filler-519'))['alpineAdvisor.score']).toEqual({
        status: 'success',
        value: 85,
        evaluation: 'success',
      });
      const reportRequests = fake.requests.filter(url =>
        url.startsWith('/report'),
      );
      // One listing of two pages serves both metrics and every entity.
      expect(reportRequests).toHaveLength(2);
    });

    it('gives no value for entities without a good scan', async () => {
      for (const name of ['fresh', 'unknown-to-alpine-advisor']) {
        const error = { status: 'error', value: null, evaluation: null };
        expect(await metrics(name)).toEqual({
          'alpineAdvisor.score': error,
          'alpineAdvisor.breakingMusl': error,
        });
      }
    });
  },
);
