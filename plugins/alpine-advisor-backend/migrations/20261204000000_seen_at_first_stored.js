/*
 * Sweeps no longer stamp `seen_at` on every entity: entities that left the
 * catalog are found from the refs a complete listing saw, and `seen_at` only
 * keeps rows stored after the listing started (by a rescan) from being taken
 * for them. The column's comment says so (PostgreSQL keeps comments; SQLite
 * has none to change).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      `comment on column entities.seen_at is 'When the entity was first stored'`,
    );
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      `comment on column entities.seen_at is 'Last sweep that found the entity in the catalog'`,
    );
  }
};
