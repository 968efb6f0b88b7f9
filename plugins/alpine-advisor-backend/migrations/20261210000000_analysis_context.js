/*
 * The build context a Dockerfile was analysed with (its lockfiles, manifests
 * and .dockerignore, as the source reader read them), kept beside the
 * settings so that a knowledge refresh or a waiver re-scores the file with
 * the same facts. Rows stored before have null: they were analysed without
 * a context, and the analysis fingerprint has them analysed again.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dockerfiles', table => {
    table
      .text('analysis_context')
      .nullable()
      .comment(
        'Build context the file was analysed with, JSON ({root, entries, files: [{path, text|base64|skipped}]}, or {omitted: true} when too large to keep); null when none',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dockerfiles', table => {
    table.dropColumn('analysis_context');
  });
};
