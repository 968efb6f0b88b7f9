/*
 * The latest report of each entity's built image, per Dockerfile, as CI
 * posts it (`alpine-advisor image --format json`). Entity reports join it
 * with the Dockerfile's findings when read: "confirmed in the built image",
 * "not seen in the built image".
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('image_reports', table => {
    table.comment(
      'The latest built-image report per entity and Dockerfile, posted by CI',
    );
    table.string('entity_ref', 512).notNullable();
    table
      .string('dockerfile_path', 1024)
      .notNullable()
      .comment(
        "The Dockerfile the image was built from, as the entity's scan names it; empty when the report named none",
      );
    table
      .string('image_digest', 255)
      .nullable()
      .comment('The image id or digest (sha256:…) the reporter named');
    table
      .text('report')
      .notNullable()
      .comment('The image-inspector ImageReport, JSON');
    table
      .timestamp('received_at', { useTz: true })
      .notNullable()
      .comment('When the report was ingested');
    table
      .string('received_from', 512)
      .nullable()
      .comment('The user entity ref or service subject that posted it');
    table.primary(['entity_ref', 'dockerfile_path']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('image_reports');
};
