/*
 * Fix diffs computed once, at scan time, and stored with the findings:
 * report reads no longer apply fixes to the file's text.
 *
 * Rows stored before this migration keep `fix_diffs_stored = false`. Their
 * diffs are not computed here: applying a fix is the analyzer's work, and a
 * migration that loads the analyzer would tie the schema's history to
 * today's analyzer code (and hold a transaction over every finding). The
 * backend computes them once after start instead (scanner/FixDiffBackfill),
 * in small batches, and marks each Dockerfile done.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('findings', table => {
    table
      .text('fix_diff')
      .nullable()
      .comment(
        "The fix applied to the file's stored text, as a unified diff; null without a fix, without kept text or when it does not apply",
      );
  });
  await knex.schema.alterTable('dockerfiles', table => {
    table
      .boolean('fix_diffs_stored')
      .notNullable()
      .defaultTo(false)
      .comment(
        'True when the fix diffs of its findings were computed and stored; false for rows stored before they were',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dockerfiles', table => {
    table.dropColumn('fix_diffs_stored');
  });
  await knex.schema.alterTable('findings', table => {
    table.dropColumn('fix_diff');
  });
};
