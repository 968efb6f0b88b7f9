import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { connectDatabase } from './connectDatabase';
import { ImageReportStore } from './ImageReportStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ORDERS = 'component:default/orders';
const T0 = new Date('2026-03-01T10:00:00Z');
const T1 = new Date('2026-03-02T10:00:00Z');

const imageReport = (imageId: string) => ({
  imageId,
  tags: [],
  libc: { libc: 'musl', evidence: [], shims: [] },
  layers: [],
  findings: [],
  stats: { files: 1, elfFiles: 0, bytes: 10 },
  notes: [],
});

describe.each(databases.eachSupportedId())(
  'ImageReportStore on %p',
  databaseId => {
    async function createStore(id: TestDatabaseId) {
      const knex = await databases.init(id);
      const db = await connectDatabase(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      return new ImageReportStore(db);
    }

    it('keeps the latest report per entity and Dockerfile, the one without a path apart', async () => {
      const store = await createStore(databaseId);
      await store.save({
        entityRef: ORDERS,
        dockerfilePath: 'Dockerfile',
        imageDigest: 'sha256:old',
        report: imageReport('sha256:old'),
        receivedAt: T0,
        receivedFrom: 'external:ci',
      });
      await store.save({
        entityRef: ORDERS,
        dockerfilePath: 'Dockerfile',
        report: imageReport('sha256:new'),
        receivedAt: T1,
        receivedFrom: 'user:default/amara',
      });
      await store.save({
        entityRef: ORDERS,
        report: imageReport('sha256:any'),
        receivedAt: T0,
      });
      await store.save({
        entityRef: 'component:default/other',
        dockerfilePath: 'Dockerfile',
        report: imageReport('sha256:other'),
        receivedAt: T0,
      });

      expect(await store.latestFor(ORDERS)).toEqual([
        {
          entityRef: ORDERS,
          report: imageReport('sha256:any'),
          receivedAt: T0,
        },
        {
          entityRef: ORDERS,
          dockerfilePath: 'Dockerfile',
          report: imageReport('sha256:new'),
          receivedAt: T1,
          receivedFrom: 'user:default/amara',
        },
      ]);
      expect(await store.latestFor('component:default/unknown')).toEqual([]);
    });
  },
);
