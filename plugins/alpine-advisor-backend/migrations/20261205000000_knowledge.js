/*
 * Knowledge that stays current: the last good copy of the refreshed Alpine
 * release data (with the last failed attempt, for the UI), and per
 * Dockerfile the settings it was analysed with and the knowledge version
 * that produced its findings, so that a refresh can re-score stored files
 * without reading their repositories again.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('knowledge_data', table => {
    table.comment('Knowledge fetched by the backend, one row per kind');
    table
      .string('id', 64)
      .primary()
      .notNullable()
      .comment('What the row holds, e.g. alpine-releases');
    table.text('source_url').nullable().comment('Where it was fetched from');
    table
      .text('data')
      .nullable()
      .comment('Last good copy, KnowledgeOverrides JSON; null before one');
    table
      .timestamp('fetched_at', { useTz: true })
      .nullable()
      .comment('When the last good copy was fetched');
    table
      .timestamp('last_attempt_at', { useTz: true })
      .nullable()
      .comment('When the last refresh was attempted');
    table
      .text('last_error')
      .nullable()
      .comment('Why the last attempt failed; null when it succeeded');
  });
  await knex.schema.alterTable('dockerfiles', table => {
    table
      .text('analysis_config')
      .nullable()
      .comment(
        'AnalyzerConfig the file was analysed with, JSON; null before recorded',
      );
    table
      .string('knowledge_version', 64)
      .nullable()
      .comment('Knowledge version that produced the findings');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dockerfiles', table => {
    table.dropColumn('knowledge_version');
    table.dropColumn('analysis_config');
  });
  await knex.schema.dropTable('knowledge_data');
};
