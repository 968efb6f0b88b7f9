/*
 * Settled history days (before yesterday) are written once: a scan records
 * the day it started. What a settled day's aggregate over a scope reads can
 * still change in four ways: an entity's owner, system, domain, lifecycle or
 * kind changes (the scope filters on the entity's current ones), it is opted
 * out or back in (opted-out entities are left out by default), it is removed
 * with its history, or retention prunes old days. `history_epoch` counts
 * those changes, so that a replica may keep settled aggregates for as long as
 * the epoch it read them under stands (see SettledHistoryCache).
 *
 * Triggers count the entity changes, whichever statement makes them; the
 * store counts pruning itself. A sweep's ordinary writes (results, status
 * between ok, failed and refused) do not touch the row.
 */

const TABLE = 'history_epoch';
const SCOPE_COLUMNS = ['owner', 'system', 'domain', 'lifecycle', 'kind'];

const changedScope = SCOPE_COLUMNS.map(
  column => `old.${column} is distinct from new.${column}`,
)
  .concat([
    "(coalesce(old.status, '') = 'disabled') <> (coalesce(new.status, '') = 'disabled')",
  ])
  .join(' or ');

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(TABLE, table => {
    table.integer('id').primary();
    table.bigInteger('epoch').notNullable().defaultTo(0);
  });
  await knex(TABLE).insert({ id: 1, epoch: 0 });

  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      create function alpine_advisor_bump_history_epoch() returns trigger
      language plpgsql as $$
      begin
        -- Beside the table that fired it, whatever the session's search_path.
        execute format(
          'update %I.history_epoch set epoch = epoch + 1 where id = 1',
          tg_table_schema
        );
        return null;
      end $$`);
    await knex.raw(`
      create trigger entities_scope_changed
      after update of ${SCOPE_COLUMNS.join(', ')}, status on entities
      for each row when (${changedScope})
      execute function alpine_advisor_bump_history_epoch()`);
    await knex.raw(`
      create trigger entities_removed
      after delete on entities
      for each statement
      execute function alpine_advisor_bump_history_epoch()`);
    return;
  }
  // SQLite: "is distinct from" is spelled "is not" there.
  const sqliteChanged = changedScope.replace(/is distinct from/g, 'is not');
  await knex.raw(`
    create trigger entities_scope_changed
    after update of ${SCOPE_COLUMNS.join(', ')}, status on entities
    for each row when ${sqliteChanged}
    begin
      update history_epoch set epoch = epoch + 1 where id = 1;
    end`);
  await knex.raw(`
    create trigger entities_removed
    after delete on entities
    for each row
    begin
      update history_epoch set epoch = epoch + 1 where id = 1;
    end`);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const postgres = knex.client.config.client === 'pg';
  const onEntities = postgres ? ' on entities' : '';
  await knex.raw(`drop trigger if exists entities_removed${onEntities}`);
  await knex.raw(`drop trigger if exists entities_scope_changed${onEntities}`);
  if (postgres) {
    await knex.raw(
      'drop function if exists alpine_advisor_bump_history_epoch()',
    );
  }
  await knex.schema.dropTable(TABLE);
};
