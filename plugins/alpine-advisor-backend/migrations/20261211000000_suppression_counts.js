/*
 * Per service, how many findings its repository silences and how: through
 * its `.alpine-advisor.yaml` (beyond what the organisation's
 * `alpineAdvisor.rules` already silences) and through inline suppression
 * comments (the analyzer's `FileReport.suppressed`), and how many findings
 * of enforced rules something tried to silence. Waived findings are
 * `waived_count`. Results stored before have 0 until analysed again (the
 * analysis fingerprint changed, so the next sweep does).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('entities', table => {
    table
      .integer('suppressed_config_count')
      .notNullable()
      .defaultTo(0)
      .comment("Findings the repository's config drops (ignore, off)");
    table
      .integer('suppressed_comment_count')
      .notNullable()
      .defaultTo(0)
      .comment('Findings inline suppression comments drop');
    table
      .integer('suppression_attempt_count')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Findings of enforced rules that config or comments tried to silence',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entities', table => {
    table.dropColumn('suppression_attempt_count');
    table.dropColumn('suppressed_comment_count');
    table.dropColumn('suppressed_config_count');
  });
};
