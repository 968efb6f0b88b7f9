import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const directory = resolvePackagePath(
  '@alpine-advisor/backstage-plugin-backend',
  'migrations',
);
const MIGRATIONS = fs
  .readdirSync(directory)
  .filter(name => name.endsWith('.js'))
  .sort();

/** The plugin's tables with their columns, to compare schemas on the way up and down. */
async function schema(knex: Awaited<ReturnType<TestDatabases['init']>>) {
  const tables = [
    'entities',
    'scans',
    'dockerfiles',
    'findings',
    'rule_counts',
    'score_history',
    'knowledge_data',
    'waivers',
    'campaigns',
    'rule_history',
    'campaign_notices',
    'notification_state',
    'event_changes',
    'event_rescans',
    'image_reports',
    'history_epoch',
  ];
  const result: Record<string, string[]> = {};
  for (const table of tables) {
    if (await knex.schema.hasTable(table)) {
      result[table] = Object.keys(await knex(table).columnInfo()).sort();
    }
  }
  return result;
}

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('run every migration up, then every one down to zero, and up again', async () => {
    const knex = await databases.init(databaseId as TestDatabaseId);
    expect(MIGRATIONS.length).toBeGreaterThan(0);

    const schemas: Array<Record<string, string[]>> = [await schema(knex)];
    for (const name of MIGRATIONS) {
      await knex.migrate.up({ directory, name });
      schemas.push(await schema(knex));
    }
    const [, pending] = await knex.migrate.list({ directory });
    expect(pending).toEqual([]);

    // Down one at a time: each step restores the schema before its migration.
    for (let index = MIGRATIONS.length - 1; index >= 0; index -= 1) {
      await knex.migrate.down({ directory });
      expect(await schema(knex)).toEqual(schemas[index]);
    }
    expect(await schema(knex)).toEqual({});
    const [completed] = await knex.migrate.list({ directory });
    expect(completed).toEqual([]);

    await knex.migrate.latest({ directory });
    expect(await schema(knex)).toEqual(schemas[schemas.length - 1]);
  });

  it('keeps rows stored before fix diffs were, marked for the one-off backfill', async () => {
    const knex = await databases.init(databaseId as TestDatabaseId);
    const STORED_FIX_DIFFS = '20261206000000_stored_fix_diffs.js';
    for (const name of MIGRATIONS.filter(file => file < STORED_FIX_DIFFS)) {
      await knex.migrate.up({ directory, name });
    }
    const [dockerfile] = await knex('dockerfiles').insert(
      {
        entity_ref: 'component:default/orders',
        scan_id: 1,
        path: 'Dockerfile',
        score: 90,
        grade: 'A',
        uses_alpine: true,
        stages: '[]',
        explanation: '{"summary":"","deductions":[]}',
        content: 'FROM alpine:3.20\n',
      },
      ['id'],
    );
    await knex('findings').insert({
      entity_ref: 'component:default/orders',
      dockerfile_id: dockerfile.id,
      rule_id: 'apk-no-cache',
      category: 'alpine',
      severity: 'warning',
      line: 1,
      end_line: 1,
      column: 1,
      message: 'm',
      remediation: 'r',
      aliases: '[]',
      fix: '{"description":"d","edits":[]}',
    });

    await knex.migrate.up({ directory, name: STORED_FIX_DIFFS });

    const file = await knex('dockerfiles').first('fix_diffs_stored');
    expect(Boolean(file.fix_diffs_stored)).toBe(false);
    const finding = await knex('findings').first('fix', 'fix_diff');
    expect(finding).toEqual({
      fix: '{"description":"d","edits":[]}',
      fix_diff: null,
    });

    await knex.migrate.down({ directory, name: STORED_FIX_DIFFS });
    expect(await knex.schema.hasColumn('findings', 'fix_diff')).toBe(false);
    expect(await knex('findings').first('fix')).toEqual({
      fix: '{"description":"d","edits":[]}',
    });
  });
});
