/*
 * A knowledge refresh or a waiver re-scores stored Dockerfiles without
 * reading the repository: the build context they were analysed with is
 * stored beside them, so a finding confirmed by a lockfile stays confirmed.
 */
import { createAnalyzer } from '@alpine-advisor/analyzer';
import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { entityMetadata } from '../__testUtils__/fixtures';
import { connectDatabase } from '../database/connectDatabase';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import { InlineFileAnalysis } from '../scanner/analysis/InlineFileAnalysis';
import {
  analyseDockerfiles,
  analysedOutcome,
} from '../scanner/analyseDockerfiles';
import { recordOutcomes } from '../scanner/recordOutcomes';
import {
  MAX_STORED_CONTEXT_BYTES,
  contextFromStorage,
  storableContext,
} from '../scanner/storableContext';
import { DatabaseKnowledgeStore } from './DatabaseKnowledgeStore';
import { KnowledgeRescorer } from './KnowledgeRescorer';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ORDERS = 'component:default/orders';
const NOW = new Date('2026-03-01T10:00:00Z');
const LOCK = Buffer.from(
  JSON.stringify({
    lockfileVersion: 3,
    packages: {
      'node_modules/@img/sharp-linux-x64': {
        version: '0.33.5',
        libc: ['glibc'],
      },
    },
  }),
);
const REQUEST = {
  path: 'Dockerfile',
  content:
    'FROM node:22-alpine3.22\nRUN npm ci\nUSER node\nCMD ["node", "a.js"]\n',
  config: {},
  context: {
    root: '.',
    entries: ['.env'],
    files: [
      { path: 'package-lock.json', content: LOCK },
      { path: '.dockerignore', content: 'node_modules\n' },
      {
        path: 'uv.lock',
        skipped: { reason: 'too-large' as const, bytes: 9e6 },
      },
    ],
  },
};

describe('storableContext', () => {
  it('round-trips text, bytes and skipped files', () => {
    const stored = storableContext(REQUEST.context);
    const json = JSON.parse(JSON.stringify(stored));
    expect(contextFromStorage(json)).toEqual({
      ...REQUEST.context,
      files: [
        { path: 'package-lock.json', content: LOCK },
        { path: '.dockerignore', content: 'node_modules\n' },
        REQUEST.context.files[2],
      ],
    });
  });

  it('keeps no context too large to store, and says so', () => {
    expect(
      storableContext({
        files: [
          {
            path: 'yarn.lock',
            content: 'x'.repeat(MAX_STORED_CONTEXT_BYTES + 1),
          },
        ],
      }),
    ).toEqual({ omitted: true });
    expect(storableContext(undefined)).toBeUndefined();
  });
});

describe.each(databases.eachSupportedId())(
  'stored build contexts on %p',
  databaseId => {
    async function setup(id: TestDatabaseId) {
      const knex = await databases.init(id);
      const db = await connectDatabase(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      return {
        db,
        scans: new DatabaseScanStore(db),
        knowledge: new DatabaseKnowledgeStore(db),
      };
    }

    it('re-scores a stored file with the lockfile it was analysed with', async () => {
      const { db, scans, knowledge } = await setup(databaseId);
      const analysis = new InlineFileAnalysis(createAnalyzer());
      await scans.upsertEntities([entityMetadata('orders')], NOW);
      const analysed = await analyseDockerfiles(analysis, [REQUEST], NOW);
      await recordOutcomes(
        scans,
        [
          analysedOutcome(
            {
              entityRef: ORDERS,
              sourceLocation: 'url:https://git.example/orders',
              startedAt: NOW,
              durationMs: 1,
              trigger: 'schedule',
              analysisFingerprint: 'fp',
            },
            analysed,
          ),
        ],
        NOW,
      );
      const entity = await knowledge.getRescorable(ORDERS);
      expect(entity?.files[0].analysisContext).toMatchObject({
        root: '.',
        entries: ['.env'],
      });

      // A knowledge change that moves the verdicts: Alpine 3.22 past its end of life.
      const rescorer = new KnowledgeRescorer({
        knowledgeStore: knowledge,
        scanStore: scans,
        analysis,
        logger: mockServices.logger.mock(),
        now: () => NOW,
      });
      const outcome = await rescorer.rescore(
        [],
        [
          {
            releases: ['3.22', '3.23', '3.24'].map(version => ({
              version,
              endOfLife: '2001-01-01',
            })),
          },
        ],
      );
      expect(outcome).toEqual({ rescored: [ORDERS], rereadNextSweep: [] });
      const stored = await db('findings')
        .where({ entity_ref: ORDERS })
        .select('rule_id', 'message');
      const rules = stored.map(row => row.rule_id);
      expect(rules).toContain('alpine-eol');
      expect(stored).toContainEqual(
        expect.objectContaining({
          rule_id: 'node-musl-platform-package-missing',
          message: expect.stringContaining('confirmed by package-lock.json'),
        }),
      );
      expect(rules).toContain('context-file-unreadable');
    });
  },
);
