/*
 * What Alpine Advisor last told each entity's owners, per topic and key (a
 * grade, a finding's fingerprint, an Alpine release, a waiver): a
 * notification is sent when a stored result moves a key to a new state, not
 * on every sweep. Replicas compare-and-set a row before sending, so two
 * replicas storing the same change send one notification.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('notification_state', table => {
    table.comment(
      'Last notified (or observed) state per entity, notification topic and key',
    );
    table.string('entity_ref', 512).notNullable();
    table
      .string('topic', 128)
      .notNullable()
      .comment('e.g. alpine-advisor:grade-drop');
    table
      .string('key', 255)
      .notNullable()
      .comment('What the state is of: a fingerprint, a release, a waiver id');
    table.text('state').notNullable();
    table
      .timestamp('notified_at', { useTz: true })
      .nullable()
      .comment('When a notification was last sent for this key');
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'topic', 'key']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('notification_state');
};
