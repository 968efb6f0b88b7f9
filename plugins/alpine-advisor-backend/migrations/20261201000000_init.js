/*
 * Alpine Advisor store. Only the latest good scan's Dockerfiles and findings
 * are kept per entity (what the report shows); scan attempts and the daily
 * score history keep the past, pruned by the retention setting.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('entities', table => {
    table.comment('Scanned catalog entities, denormalised for filtering');
    table.string('entity_ref', 512).primary().notNullable();
    table.string('kind', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.string('title', 512).nullable();
    table.string('owner', 512).nullable();
    table.string('system', 512).nullable();
    table.string('domain', 512).nullable();
    table.string('lifecycle', 255).nullable();
    table.string('type', 255).nullable();
    table.text('source_location').nullable();
    table.string('status', 32).notNullable().defaultTo('pending');
    table.text('error').nullable();
    table
      .boolean('stale')
      .notNullable()
      .defaultTo(false)
      .comment('Latest attempt failed; the score is from an older scan');
    table.integer('score').nullable();
    table.string('grade', 1).nullable();
    table
      .text('explanation')
      .nullable()
      .comment('Service score explanation, JSON');
    table.integer('dockerfile_count').notNullable().defaultTo(0);
    table.integer('error_count').notNullable().defaultTo(0);
    table.integer('warning_count').notNullable().defaultTo(0);
    table.integer('info_count').notNullable().defaultTo(0);
    table.integer('musl_error_count').notNullable().defaultTo(0);
    table
      .string('revision', 1024)
      .nullable()
      .comment(
        'ETag or commit of the last good read, passed back to the reader',
      );
    table
      .string('analysis_fingerprint', 255)
      .nullable()
      .comment('Rules and settings the last good result was computed with');
    table.integer('last_scan_id').nullable();
    table.timestamp('last_scanned_at', { useTz: true }).nullable();
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table
      .timestamp('next_attempt_at', { useTz: true })
      .nullable()
      .comment('Not read again before this time (rate limiting)');
    table.timestamp('rescan_requested_at', { useTz: true }).nullable();
    table
      .timestamp('seen_at', { useTz: true })
      .notNullable()
      .comment('Last sweep that found the entity in the catalog');
    table.index(['owner'], 'entities_owner_idx');
    table.index(['system'], 'entities_system_idx');
    table.index(['domain'], 'entities_domain_idx');
    table.index(['lifecycle'], 'entities_lifecycle_idx');
    table.index(['kind'], 'entities_kind_idx');
    table.index(['grade'], 'entities_grade_idx');
    table.index(['status'], 'entities_status_idx');
    table.index(['stale'], 'entities_stale_idx');
    table.index(['score'], 'entities_score_idx');
    table.index(['seen_at'], 'entities_seen_at_idx');
    table.index(['last_scanned_at'], 'entities_last_scanned_at_idx');
  });

  await knex.schema.createTable('scans', table => {
    table.comment('Scan attempts that analysed something or failed');
    table.increments('id').primary();
    table.string('entity_ref', 512).notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.integer('duration_ms').notNullable();
    table.string('trigger', 16).notNullable();
    table.string('status', 32).notNullable();
    table.text('error').nullable();
    table.string('revision', 1024).nullable();
    table.integer('score').nullable();
    table.string('grade', 1).nullable();
    table.index(['entity_ref', 'started_at'], 'scans_entity_started_idx');
    table.index(['started_at'], 'scans_started_idx');
  });

  await knex.schema.createTable('dockerfiles', table => {
    table.comment(
      'Per-Dockerfile results of the latest good scan of each entity',
    );
    table.increments('id').primary();
    table.string('entity_ref', 512).notNullable();
    table.integer('scan_id').notNullable();
    table.text('path').notNullable();
    table.integer('score').notNullable();
    table.string('grade', 1).notNullable();
    table.boolean('uses_alpine').notNullable();
    table.string('alpine_release', 32).nullable();
    table.string('final_libc', 16).nullable();
    table.text('stages').notNullable().comment('StageSummary[], JSON');
    table.text('explanation').notNullable().comment('ScoreExplanation, JSON');
    table.index(['entity_ref'], 'dockerfiles_entity_idx');
  });

  await knex.schema.createTable('findings', table => {
    table.comment('Findings of the latest good scan of each entity');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 512).notNullable();
    table.integer('dockerfile_id').notNullable();
    table.string('rule_id', 255).notNullable();
    table.string('category', 16).notNullable();
    table.string('severity', 16).notNullable();
    table.integer('line').notNullable();
    table.integer('end_line').notNullable();
    table.integer('column').notNullable();
    table.text('message').notNullable();
    table.text('remediation').notNullable();
    table.text('aliases').notNullable().comment('string[], JSON');
    table.text('fix').nullable().comment('Fix, JSON');
    table.index(['entity_ref'], 'findings_entity_idx');
    table.index(['dockerfile_id'], 'findings_dockerfile_idx');
  });

  await knex.schema.createTable('rule_counts', table => {
    table.comment(
      'Findings per entity and rule: what the report filters and tallies on',
    );
    table.string('entity_ref', 512).notNullable();
    table.string('rule_id', 255).notNullable();
    table.string('category', 16).notNullable();
    table.string('severity', 16).notNullable();
    table.integer('finding_count').notNullable();
    table.primary(['entity_ref', 'rule_id', 'severity']);
    // Covering, so tallies over a filtered set of entities never touch the table.
    table.index(
      ['entity_ref', 'rule_id', 'category', 'severity', 'finding_count'],
      'rule_counts_entity_idx',
    );
    // Covers both the rule filter and the report's rule tallies (an
    // index-only scan in group order).
    table.index(
      ['rule_id', 'category', 'severity', 'finding_count', 'entity_ref'],
      'rule_counts_rule_idx',
    );
    table.index(
      ['category', 'severity', 'entity_ref'],
      'rule_counts_category_idx',
    );
    table.index(['severity', 'entity_ref'], 'rule_counts_severity_idx');
  });

  await knex.schema.createTable('score_history', table => {
    table.comment('One score per entity and UTC day: the last of that day');
    table.string('entity_ref', 512).notNullable();
    table.string('day', 10).notNullable();
    table.integer('score').notNullable();
    table.string('grade', 1).notNullable();
    table.primary(['entity_ref', 'day']);
    table.index(['day'], 'score_history_day_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('score_history');
  await knex.schema.dropTable('rule_counts');
  await knex.schema.dropTable('findings');
  await knex.schema.dropTable('dockerfiles');
  await knex.schema.dropTable('scans');
  await knex.schema.dropTable('entities');
};
