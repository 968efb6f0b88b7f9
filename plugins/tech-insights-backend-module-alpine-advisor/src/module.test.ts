import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { SchedulerService } from '@backstage/backend-plugin-api';
import techInsightsBackend from '@backstage-community/plugin-tech-insights-backend';
import jsonRulesEngineFactChecker from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import {
  alpineAdvisorStandIn,
  standInEntity,
  STAND_IN_KNOWLEDGE_VERSION,
  type StandInEntity,
} from '@alpine-advisor/test-utils';
import {
  ALPINE_ADVISOR_FACT_RETRIEVER_ID,
  alpineAdvisorTechInsightsChecks,
} from './index';
import module from './index';

jest.setTimeout(60_000);

const checksFile = path.resolve(__dirname, '../checks/checks.yaml');
const checks = parse(fs.readFileSync(checksFile, 'utf8'));

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** 3 entities to check, plus 600 fillers so that the retriever pages (500 a page). */
const ENTITIES: StandInEntity[] = [
  standInEntity('orders', {
    score: 96,
    grade: 'A',
    findingCounts: { error: 0, warning: 1, info: 2 },
    dockerfileCount: 2,
  }),
  standInEntity(
    'legacy-api',
    {
      score: 58,
      grade: 'F',
      compliant: false,
      findingCounts: { error: 3, warning: 4, info: 0 },
      muslErrorCount: 2,
      status: 'unreadable',
      stale: true,
    },
    ['alpine-eol', 'glibc-binary-on-musl'],
  ),
  standInEntity('fresh', {
    score: null,
    grade: null,
    status: 'pending',
    compliant: false,
    dockerfileCount: 0,
    findingCounts: { error: 0, warning: 0, info: 0 },
    lastScannedAt: undefined,
    lastSuccessAt: undefined,
  }),
  ...Array.from({ length: 600 }, (_, i) =>
    standInEntity(`filler-${String(i).padStart(3, '0')}`),
  ),
];

async function startBackend(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const scheduler = mockServices.scheduler.mock();
  const fake = alpineAdvisorStandIn({ entities: ENTITIES });
  const backend = await startTestBackend({
    features: [
      techInsightsBackend,
      jsonRulesEngineFactChecker,
      module,
      fake.plugin,
      scheduler.factory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          techInsights: {
            factRetrievers: {
              [ALPINE_ADVISOR_FACT_RETRIEVER_ID]: { cadence: '0 * * * *' },
            },
            factChecker: { checks },
          },
        },
      }),
    ],
  });
  const task = scheduler.scheduleTask.mock.calls
    .map(
      ([definition]) =>
        definition as Parameters<SchedulerService['scheduleTask']>[0],
    )
    .find(definition => definition.id === ALPINE_ADVISOR_FACT_RETRIEVER_ID);
  if (!task) throw new Error('the retriever was not scheduled');
  return {
    backend,
    fake,
    runRetriever: () => task.fn(new AbortController().signal),
  };
}

describe('the shipped checks', () => {
  it('are the same in checks/checks.yaml and alpineAdvisorTechInsightsChecks', () => {
    expect(checks).toEqual(alpineAdvisorTechInsightsChecks);
  });
});

describe.each(databases.eachSupportedId())(
  'Tech Insights with the Alpine Advisor facts on %s',
  databaseId => {
    let started: Awaited<ReturnType<typeof startBackend>>;

    beforeAll(async () => {
      started = await startBackend(databaseId);
      await started.runRetriever();
    });

    afterAll(async () => {
      await started?.backend.stop();
    });

    const latestFacts = async (name: string) => {
      const response = await request(started.backend.server)
        .get('/api/tech-insights/facts/latest')
        .query({
          entity: `component:default/${name}`,
          ids: ALPINE_ADVISOR_FACT_RETRIEVER_ID,
        });
      expect(response.status).toBe(200);
      return response.body[ALPINE_ADVISOR_FACT_RETRIEVER_ID]?.facts;
    };

    const runChecks = async (name: string) => {
      const response = await request(started.backend.server)
        .post(`/api/tech-insights/checks/run/default/component/${name}`)
        .send({ checks: Object.keys(alpineAdvisorTechInsightsChecks) });
      expect(response.status).toBe(200);
      return Object.fromEntries(
        (
          response.body as Array<{ check: { id: string }; result: boolean }>
        ).map(result => [result.check.id, result.result]),
      );
    };

    it('publishes the fact schema', async () => {
      const response = await request(started.backend.server)
        .get('/api/tech-insights/fact-schemas')
        .query(`ids[]=${ALPINE_ADVISOR_FACT_RETRIEVER_ID}`);
      expect(response.status).toBe(200);
      expect(Object.keys(response.body[0])).toEqual(
        expect.arrayContaining([
          'alpineAdvisorScore',
          'alpineAdvisorGrade',
          'alpineAdvisorErrorCount',
          'alpineAdvisorWarningCount',
          'alpineAdvisorBreakingMuslRiskCount',
          'alpineAdvisorEndOfLifeRelease',
          'alpineAdvisorKnowledgeVersion',
        ]),
      );
    });

    it('stores the facts of a well-kept service', async () => {
      expect(await latestFacts('orders')).toEqual({
        alpineAdvisorScanned: true,
        alpineAdvisorScore: 96,
        alpineAdvisorGrade: 'A',
        alpineAdvisorErrorCount: 0,
        alpineAdvisorWarningCount: 1,
        alpineAdvisorInfoCount: 2,
        alpineAdvisorBreakingMuslRiskCount: 0,
        alpineAdvisorEndOfLifeRelease: false,
        alpineAdvisorCompliant: true,
        alpineAdvisorStatus: 'ok',
        alpineAdvisorStale: false,
        alpineAdvisorDockerfileCount: 2,
        alpineAdvisorLastSuccessAt: '2026-01-02T03:04:05.000Z',
        alpineAdvisorKnowledgeVersion: STAND_IN_KNOWLEDGE_VERSION,
      });
    });

    it('stores the facts of a failing service with breaking musl risks on an end-of-life release', async () => {
      expect(await latestFacts('legacy-api')).toMatchObject({
        alpineAdvisorScanned: true,
        alpineAdvisorScore: 58,
        alpineAdvisorGrade: 'F',
        alpineAdvisorErrorCount: 3,
        alpineAdvisorWarningCount: 4,
        alpineAdvisorBreakingMuslRiskCount: 2,
        alpineAdvisorEndOfLifeRelease: true,
        alpineAdvisorCompliant: false,
        alpineAdvisorStatus: 'unreadable',
        alpineAdvisorStale: true,
      });
    });

    it('stores nulls for what a service never scanned does not have', async () => {
      expect(await latestFacts('fresh')).toMatchObject({
        alpineAdvisorScanned: false,
        alpineAdvisorScore: null,
        alpineAdvisorGrade: null,
        alpineAdvisorEndOfLifeRelease: null,
        alpineAdvisorLastSuccessAt: null,
        alpineAdvisorStatus: 'pending',
      });
    });

    it('reads every page of the report, 500 at a time, as a service', async () => {
      // The last filler sorts after the first 500 names: it is on page 2.
      expect(await latestFacts('filler-599')).toMatchObject({
        alpineAdvisorGrade: 'B',
      });
      const reportQueries = started.fake.requests
        .filter(url => url.startsWith('/report'))
        .map(url => Object.fromEntries(new URLSearchParams(url.split('?')[1])));
      expect(reportQueries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ page: '1', pageSize: '500' }),
          expect.objectContaining({ page: '2', pageSize: '500' }),
          expect.objectContaining({ page: '1', rule: 'alpine-eol' }),
        ]),
      );
      expect(reportQueries).toHaveLength(3);
    });

    it('runs the shipped checks with the json-rules-engine fact checker', async () => {
      expect(await runChecks('orders')).toEqual({
        alpineAdvisorGradeAtLeastB: true,
        alpineAdvisorNoBreakingMuslRisk: true,
        alpineAdvisorSupportedAlpineRelease: true,
        alpineAdvisorCompliant: true,
      });
      expect(await runChecks('legacy-api')).toEqual({
        alpineAdvisorGradeAtLeastB: false,
        alpineAdvisorNoBreakingMuslRisk: false,
        alpineAdvisorSupportedAlpineRelease: false,
        alpineAdvisorCompliant: false,
      });
      expect(await runChecks('fresh')).toEqual({
        alpineAdvisorGradeAtLeastB: false,
        alpineAdvisorNoBreakingMuslRisk: false,
        alpineAdvisorSupportedAlpineRelease: false,
        alpineAdvisorCompliant: false,
      });
    });
  },
);
