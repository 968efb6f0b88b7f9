/*
 * Every sweep stamps `last_scanned_at` on every entity it found unchanged:
 * at 10,000 services, 10,000 row updates an hour that change nothing else.
 * An index on that column made each of them a new entry in all of the
 * table's indexes (a dozen), on PostgreSQL a new row version in each. Without
 * it, PostgreSQL updates those rows in place within their page ("HOT"
 * updates: no index is touched), given room on the page: `fillfactor` keeps
 * 15 % of each page free for them. SQLite, too, then has one index less to
 * rewrite per stamp.
 *
 * The index served one thing, the report sorted by last scan, which now
 * sorts the entities it filtered, as the sort by findings always has.
 */

const INDEX = 'entities_last_scanned_at_idx';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('entities', table => {
    table.dropIndex([], INDEX);
  });
  if (knex.client.config.client === 'pg') {
    await knex.raw('alter table ?? set (fillfactor = 85)', ['entities']);
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw('alter table ?? reset (fillfactor)', ['entities']);
  }
  await knex.schema.alterTable('entities', table => {
    table.index(['last_scanned_at'], INDEX);
  });
};
