/*
 * Campaigns: a platform team asks every service in a scope to meet a
 * condition (no end-of-life Alpine, no error-level musl risk, none of some
 * rules' findings) by a deadline. Campaigns from app-config are read at
 * start-up; those created through the API live in `campaigns`.
 *
 * Their burn-down is computed from the daily history. `score_history`
 * already says, per entity and day, whether an error-level musl finding
 * counted; `rule_history` adds which rules had (unwaived) findings that day,
 * and `score_history.rules_recorded` tells a day without findings from a day
 * recorded before rule history was kept.
 *
 * `campaign_notices` remembers which deadline notice went to which owner,
 * so that each is sent once.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('campaigns', table => {
    table.comment(
      'Campaigns created through the API (not those in app-config)',
    );
    table.string('id', 64).primary().notNullable();
    table.string('title', 200).notNullable();
    table.text('description').nullable();
    table
      .string('condition', 32)
      .notNullable()
      .comment('eol-alpine, breaking-musl or rules');
    table.text('rules').nullable().comment('string[], JSON, for rules');
    table
      .text('scope')
      .notNullable()
      .comment('{owner?, system?, domain?, lifecycle?: string[]}, JSON');
    table.string('starts_on', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.string('deadline', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.string('created_by', 512).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('rule_history', table => {
    table.comment(
      'Rules with unwaived findings per entity and UTC day (the rule side of score_history)',
    );
    table.string('entity_ref', 512).notNullable();
    table.string('day', 10).notNullable();
    table.string('rule_id', 255).notNullable();
    table.primary(['entity_ref', 'day', 'rule_id']);
    table.index(['rule_id', 'day', 'entity_ref'], 'rule_history_rule_day_idx');
    table.index(['day'], 'rule_history_day_idx');
  });
  await knex.schema.alterTable('score_history', table => {
    table
      .boolean('rules_recorded')
      .notNullable()
      .defaultTo(false)
      .comment(
        "The day's rules are in rule_history (false before it was kept)",
      );
  });
  await knex.schema.createTable('campaign_notices', table => {
    table.comment(
      'Deadline notices sent, one per campaign, owner and milestone',
    );
    table.string('campaign_id', 64).notNullable();
    table.string('owner', 512).notNullable();
    table
      .integer('days_before')
      .notNullable()
      .comment('The milestone: days before the deadline');
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['campaign_id', 'owner', 'days_before']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('campaign_notices');
  await knex.schema.alterTable('score_history', table => {
    table.dropColumn('rules_recorded');
  });
  await knex.schema.dropTable('rule_history');
  await knex.schema.dropTable('campaigns');
};
