/*
 * Waivers: an owner accepts a rule's findings (or one finding, by its
 * fingerprint) on a service for a time, with a reason. They are applied at
 * scan time (the analyzer marks waived findings and leaves them out of the
 * score), so the stored scores, counts and the org report's SQL stay what
 * they are; creating, approving, revoking or the expiry of a waiver
 * re-analyses the entity's stored Dockerfiles (see waivers/WaiverApplier).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('waivers', table => {
    table.comment(
      'Waivers of findings, per entity, with a reason and an expiry',
    );
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 512).notNullable();
    table.string('rule_id', 255).notNullable();
    table
      .string('fingerprint', 64)
      .nullable()
      .comment(
        'One finding (its fingerprint); every finding of the rule when null',
      );
    table.text('reason').notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment(
        'pending (awaiting approval), active or revoked; expiry is expires_at',
      );
    table.string('created_by', 512).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('approved_by', 512).nullable();
    table.timestamp('approved_at', { useTz: true }).nullable();
    table.string('revoked_by', 512).nullable();
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table
      .timestamp('expiry_applied_at', { useTz: true })
      .nullable()
      .comment('When the entity was re-scored after this waiver expired');
    table.index(['entity_ref'], 'waivers_entity_idx');
    table.index(['status', 'expires_at'], 'waivers_status_expires_idx');
  });
  await knex.schema.alterTable('findings', table => {
    table
      .string('fingerprint', 64)
      .nullable()
      .comment(
        'Identity of the finding across edits (path, rule, instruction text)',
      );
    table
      .string('waiver_id', 36)
      .nullable()
      .comment(
        'The waiver that covered it at scan time; it then cost no points',
      );
    table.string('waiver_expires_at', 64).nullable();
  });
  await knex.schema.alterTable('entities', table => {
    table
      .integer('waived_count')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Findings covered by a waiver in the stored result (not in the other counts)',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entities', table => {
    table.dropColumn('waived_count');
  });
  await knex.schema.alterTable('findings', table => {
    table.dropColumn('waiver_expires_at');
    table.dropColumn('waiver_id');
    table.dropColumn('fingerprint');
  });
  await knex.schema.dropTable('waivers');
};
