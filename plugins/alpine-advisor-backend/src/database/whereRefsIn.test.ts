import { TestDatabases } from '@backstage/backend-test-utils';
import { whereRefsIn } from './whereRefsIn';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

// Refs the catalog would never produce, whose text an array parameter must
// still carry intact.
const AWKWARD = [
  'component:default/plain',
  'component:default/with,comma',
  'component:default/with"quote',
  'component:default/with\\backslash',
  'component:default/{braced}',
  'NULL',
  'component:default/with space',
];

describe.each(databases.eachSupportedId())('whereRefsIn on %p', databaseId => {
  it('selects exactly the listed refs, whatever their text', async () => {
    const db = await databases.init(databaseId);
    await db.schema.createTable('refs', table => {
      table.string('entity_ref', 512).primary();
    });
    await db('refs').insert(
      [...AWKWARD, 'component:default/unlisted'].map(ref => ({
        entity_ref: ref,
      })),
    );

    const selected = await whereRefsIn(db('refs'), 'entity_ref', AWKWARD).pluck(
      'entity_ref',
    );
    // Sorted here: the databases' collations order them differently.
    expect(selected.sort()).toEqual([...AWKWARD].sort());

    await expect(
      whereRefsIn(db('refs'), 'entity_ref', []).pluck('entity_ref'),
    ).resolves.toEqual([]);

    const updated = await whereRefsIn(db('refs'), 'entity_ref', [
      'component:default/with"quote',
      'component:default/missing',
    ]).update({ entity_ref: 'component:default/renamed' });
    expect(updated).toBe(1);
  });
});
