/*
 * Keeps the analysed Dockerfile text, so that the entity tab can show the
 * file with its finding lines and a real diff of each suggested fix, and the
 * musl error count in the daily history, so that the org trend can apply the
 * compliance policy ("no error-severity musl finding") to past days.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dockerfiles', table => {
    table
      .text('content')
      .nullable()
      .comment(
        'The analysed text; null when omitted (see content_omitted) or scanned before this column existed',
      );
    table
      .boolean('content_omitted')
      .notNullable()
      .defaultTo(false)
      .comment('The text was too large or not text, so it is not stored');
  });
  await knex.schema.alterTable('score_history', table => {
    table
      .integer('musl_error_count')
      .nullable()
      .comment('Error-severity musl findings that day; null before recorded');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('score_history', table => {
    table.dropColumn('musl_error_count');
  });
  await knex.schema.alterTable('dockerfiles', table => {
    table.dropColumn('content_omitted');
    table.dropColumn('content');
  });
};
