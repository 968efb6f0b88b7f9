import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const directory = resolvePackagePath(
  '@alpine-advisor/backstage-plugin-backend',
  'migrations',
);
const MIGRATION = '20261205000000_knowledge.js';

describe.each(databases.eachSupportedId())(
  'knowledge migration on %p',
  databaseId => {
    it('adds the knowledge table and the Dockerfile columns, and removes them on the way down', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      await knex.migrate.up({ directory, name: '20261201000000_init.js' });
      for (const name of [
        '20261202000000_dockerfile_content_and_history_musl.js',
        '20261203000000_score_history_covering_index.js',
        '20261204000000_seen_at_first_stored.js',
      ]) {
        await knex.migrate.up({ directory, name });
      }
      expect(await knex.schema.hasTable('knowledge_data')).toBe(false);

      await knex.migrate.up({ directory, name: MIGRATION });
      expect(await knex.schema.hasTable('knowledge_data')).toBe(true);
      expect(
        await knex.schema.hasColumn('dockerfiles', 'analysis_config'),
      ).toBe(true);
      expect(
        await knex.schema.hasColumn('dockerfiles', 'knowledge_version'),
      ).toBe(true);
      await knex('knowledge_data').insert({
        id: 'alpine-releases',
        source_url: 'https://alpinelinux.org/releases.json',
        data: '{"releases":[]}',
        fetched_at: new Date(0),
      });
      expect(await knex('knowledge_data').count({ n: '*' })).toEqual([
        { n: databaseId === 'SQLITE_3' ? 1 : '1' },
      ]);

      await knex.migrate.down({ directory, name: MIGRATION });
      expect(await knex.schema.hasTable('knowledge_data')).toBe(false);
      expect(
        await knex.schema.hasColumn('dockerfiles', 'analysis_config'),
      ).toBe(false);
      expect(
        await knex.schema.hasColumn('dockerfiles', 'knowledge_version'),
      ).toBe(false);
      expect(await knex.schema.hasColumn('dockerfiles', 'content')).toBe(true);

      // And up again, as an upgrade after a rollback would.
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('knowledge_data')).toBe(true);
    });
  },
);
