/*
 * Every sweep writes a new version of every entity row (at least its
 * `last_scanned_at`). On PostgreSQL such an update touches no index ("HOT")
 * only when the new version fits on the row's own page. The 15 % that
 * `20261215000000_unindexed_scan_times` kept free held a new version of
 * barely one row in six: measured over 10,000 unchanged entities, 27 % of a
 * sweep's stamps were HOT, the table grew by a quarter each sweep until
 * vacuumed, and each stamp of a page cost 10-25 ms under load.
 *
 * With half of each page free, a whole page's rows get their new versions
 * beside them, and the previous sweep's versions are pruned as the page is
 * next written: all stamps were HOT, the table stayed at one size (smaller
 * than before, 7.3 against 9.6 MB after the first sweep), and the unchanged
 * store path took 140 instead of 200-260 ms. Pages written before keep
 * their rows until those are next updated.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw('alter table ?? set (fillfactor = 50)', ['entities']);
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw('alter table ?? set (fillfactor = 85)', ['entities']);
  }
};
