/*
 * Enforced rules (`alpineAdvisor.rules.enforce`): a finding says it is
 * enforced, and lists the attempts (config or inline comments) to silence
 * it that did not apply. Rows stored before keep false / null: they were
 * analysed without enforcement, and the analysis fingerprint (which names the
 * enforced rules) has them analysed again when enforcement is configured.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('findings', table => {
    table
      .boolean('enforced')
      .notNullable()
      .defaultTo(false)
      .comment(
        'The organisation enforces its rule (alpineAdvisor.rules.enforce)',
      );
    table
      .text('suppression_attempts')
      .nullable()
      .comment(
        'SuppressionAttempt[], JSON: config settings or comments that tried to silence this enforced finding; null when none',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('findings', table => {
    table.dropColumn('suppression_attempts');
    table.dropColumn('enforced');
  });
};
