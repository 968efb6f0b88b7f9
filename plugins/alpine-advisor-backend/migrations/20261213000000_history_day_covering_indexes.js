/*
 * Campaign burn-downs and the org trend over most of the organisation read
 * the daily history the other way round (see aggregateHistoryOf): every
 * row of the window grouped by day, less the rows of the few entities left
 * out. The first needs the history by day with every column those
 * aggregates read, so that it is an index-only scan with no table lookup
 * (300,000 rows at 10,000 services × 30 days): that index replaces the plain
 * day index, which it also serves (retention deletes by day).
 *
 * The second, and any burn-down over a few entities, seeks each entity's
 * range of days: the entity-first covering index gains `rules_recorded`,
 * which rule campaigns filter on and which sent each of those rows to the
 * table.
 */

const DAY_INDEX = 'score_history_day_idx';
const DAY_COVERING_INDEX = 'score_history_day_covering_idx';
const ENTITY_COVERING_INDEX = 'score_history_entity_day_covering_idx';
const ENTITY_COVERING_COLUMNS = [
  'entity_ref',
  'day',
  'score',
  'grade',
  'musl_error_count',
];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('score_history', table => {
    table.index(
      ['day', 'grade', 'musl_error_count', 'score', 'rules_recorded'],
      DAY_COVERING_INDEX,
    );
  });
  await knex.schema.alterTable('score_history', table => {
    table.dropIndex([], DAY_INDEX);
    table.dropIndex([], ENTITY_COVERING_INDEX);
  });
  await knex.schema.alterTable('score_history', table => {
    table.index(
      [...ENTITY_COVERING_COLUMNS, 'rules_recorded'],
      ENTITY_COVERING_INDEX,
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('score_history', table => {
    table.dropIndex([], ENTITY_COVERING_INDEX);
    table.dropIndex([], DAY_COVERING_INDEX);
  });
  await knex.schema.alterTable('score_history', table => {
    table.index(ENTITY_COVERING_COLUMNS, ENTITY_COVERING_INDEX);
    table.index(['day'], DAY_INDEX);
  });
};
