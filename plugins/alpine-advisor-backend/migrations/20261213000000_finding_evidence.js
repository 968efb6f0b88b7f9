/*
 * Keeps the facts that confirmed or refuted each finding (a lockfile, the
 * build context), so that the entity tab shows them beside the finding
 * instead of only inside its message.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('findings', table => {
    table
      .text('evidence')
      .nullable()
      .comment(
        'FindingEvidence[] of the build-context facts read at scan time, JSON; null when no fact was read',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('findings', table => {
    table.dropColumn('evidence');
  });
};
