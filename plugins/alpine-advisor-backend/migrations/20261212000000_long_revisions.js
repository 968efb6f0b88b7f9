/*
 * A revision read file by file is the JSON of every read file's ETag; since
 * build contexts are read (lockfiles, manifests, .dockerignore beside each
 * Dockerfile) it outgrows 1024 characters, which PostgreSQL refused
 * ("value too long for type character varying(1024)"). SQLite does not
 * enforce the length, so only PostgreSQL's columns change.
 */

const TABLES = ['entities', 'scans'];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  for (const name of TABLES) {
    await knex.schema.alterTable(name, table => {
      table.text('revision').nullable().alter();
    });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  for (const name of TABLES) {
    // Longer revisions cannot be kept: they are only a cache key, re-read on the next scan.
    await knex(name)
      .whereRaw('length(revision) > 1024')
      .update({ revision: null });
    await knex.schema.alterTable(name, table => {
      table.string('revision', 1024).nullable().alter();
    });
  }
};
