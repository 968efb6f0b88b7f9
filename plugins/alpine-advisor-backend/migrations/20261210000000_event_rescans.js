/*
 * Rescans on push events (`alpineAdvisor.events`), shared by every backend
 * replica through the database:
 *
 * - `event_changes` remembers each change an entity was queued for, keyed by
 *   entity and head commit: inserting one that is already there does
 *   nothing, so a webhook delivered twice, or to two replicas, queues one
 *   rescan.
 * - `event_rescans` is the queue, one row per entity: `requested` counts its
 *   changes, a replica claims the row (a conditional update of that one row,
 *   atomic on SQLite and PostgreSQL) with a lease, scans it and then clears
 *   `pending` unless changes arrived meanwhile. `not_before` rate-limits
 *   each entity.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('event_changes', table => {
    table.comment(
      'Changes (entity, head commit) push events queued a rescan for; the key deduplicates deliveries',
    );
    table.string('entity_ref', 512).notNullable();
    table
      .string('commit', 128)
      .notNullable()
      .comment('The head commit the push moved the branch to');
    table.string('repository', 1024).notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'commit']);
    table.index(['received_at'], 'event_changes_received_idx');
  });
  await knex.schema.createTable('event_rescans', table => {
    table.comment(
      'The queue of rescans asked for by push events, one row per entity',
    );
    table.string('entity_ref', 512).primary().notNullable();
    table
      .integer('requested')
      .notNullable()
      .defaultTo(0)
      .comment('Changes received for the entity, counted');
    table
      .integer('claimed')
      .notNullable()
      .defaultTo(0)
      .comment('`requested` when the running or last scan was claimed');
    table
      .boolean('pending')
      .notNullable()
      .defaultTo(false)
      .comment('A change is not scanned yet');
    table
      .timestamp('requested_at', { useTz: true })
      .nullable()
      .comment('When the oldest change not scanned yet arrived');
    table
      .timestamp('not_before', { useTz: true })
      .notNullable()
      .comment('Rate limit: not scanned again before this time');
    table
      .string('claim_token', 64)
      .nullable()
      .comment('The running scan, when one is');
    table.timestamp('lease_until', { useTz: true }).nullable();
    table.string('last_commit', 128).nullable();
    table.timestamp('scanned_at', { useTz: true }).nullable();
    table.index(['pending', 'not_before'], 'event_rescans_pending_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('event_rescans');
  await knex.schema.dropTable('event_changes');
};
