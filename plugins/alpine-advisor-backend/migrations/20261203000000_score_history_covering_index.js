/*
 * The org trend reads ninety days of the daily history of the entities a
 * caller may see. Keyed by entity, then day, and carrying every column the
 * trend aggregates, this index answers it without touching the table: one
 * short range per visible entity (index-only on PostgreSQL, a covering
 * index on SQLite), where the primary key made each row a table lookup.
 */

const INDEX = 'score_history_entity_day_covering_idx';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('score_history', table => {
    table.index(
      ['entity_ref', 'day', 'score', 'grade', 'musl_error_count'],
      INDEX,
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('score_history', table => {
    table.dropIndex([], INDEX);
  });
};
