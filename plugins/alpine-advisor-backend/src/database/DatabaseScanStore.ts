import type { ReportedFinding } from '@alpine-advisor/backstage-plugin-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { chunk } from './chunk';
import { runAtomically, Statement } from './runAtomically';
import { whereRefsIn } from './whereRefsIn';
import type {
  DockerfileRow,
  EntityRow,
  FindingRow,
  RuleCountRow,
  ScanRow,
  RuleHistoryRow,
  ScoreHistoryRow,
} from './rows';
import { RescanClaim, ScanStore } from './ScanStore';
import { toDate, utcDay } from './timestamps';
import type { EntityMetadata } from '../catalog/entityMetadata';
import type {
  AnalysedDockerfile,
  ScanFailure,
  ScanRefusal,
  ScanState,
  ScanSuccess,
} from '../scanner/types';

// Keeps every statement well under SQLite's and PostgreSQL's bind limits
// (at most 18 columns × 200 rows).
const ROWS_PER_STATEMENT = 200;
const REFS_PER_STATEMENT = 500;
/**
 * Rows of a narrow multi-row insert: knex writes one for SQLite as a
 * compound SELECT, which SQLite caps at 500 terms ("too many terms in
 * compound SELECT"), whatever the bind count.
 */
const ROWS_PER_COMPOUND_INSERT = 400;

const METADATA_COLUMNS = [
  'kind',
  'namespace',
  'name',
  'title',
  'owner',
  'system',
  'domain',
  'lifecycle',
  'type',
] as const;

type MetadataColumn = (typeof METADATA_COLUMNS)[number];

/** What the scanner needs to know of a stored entity (see ScanState). */
const STATE_COLUMNS = [
  'status',
  'revision',
  'analysis_fingerprint',
  'last_scan_id',
  'next_attempt_at',
  'last_scanned_at',
  'error',
  'stale',
] as const;

type StateColumn = (typeof STATE_COLUMNS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

function scanStatesOf(
  rows: Iterable<Pick<EntityRow, 'entity_ref' | StateColumn>>,
): Map<string, ScanState> {
  const states = new Map<string, ScanState>();
  for (const row of rows) {
    states.set(row.entity_ref, {
      entityRef: row.entity_ref,
      status: row.status,
      revision: row.revision ?? undefined,
      analysisFingerprint: row.analysis_fingerprint ?? undefined,
      hasResult: row.last_scan_id !== null,
      nextAttemptAt: toDate(row.next_attempt_at),
      lastScannedAt: toDate(row.last_scanned_at),
      marked:
        row.status !== 'ok' ||
        row.error !== null ||
        Boolean(row.stale) ||
        row.next_attempt_at !== null,
    });
  }
  return states;
}

/**
 * Whether the entity's score is recorded for the UTC day of `day` already:
 * its last attempt that day was good, and a good attempt records the day
 * (an analysis its new score, an unchanged read the score carried forward).
 */
function dayRecorded(state: ScanState | undefined, day: Date): boolean {
  if (state === undefined || state.marked || !state.lastScannedAt) {
    return false;
  }
  // Compared as times: a page of dates formatted costs more.
  const dayStart = Math.floor(day.getTime() / DAY_MS) * DAY_MS;
  const at = state.lastScannedAt.getTime();
  return at >= dayStart && at < dayStart + DAY_MS;
}

function metadataRow(entity: EntityMetadata, seenAt: Date) {
  return {
    entity_ref: entity.entityRef,
    kind: entity.kind,
    namespace: entity.namespace,
    name: entity.name,
    title: entity.title ?? null,
    owner: entity.owner ?? null,
    system: entity.system ?? null,
    domain: entity.domain ?? null,
    lifecycle: entity.lifecycle ?? null,
    type: entity.type ?? null,
    seen_at: seenAt,
  };
}

function sameMetadata(
  stored: Pick<EntityRow, MetadataColumn> | undefined,
  row: ReturnType<typeof metadataRow>,
): boolean {
  return (
    stored !== undefined &&
    METADATA_COLUMNS.every(column => stored[column] === row[column])
  );
}

/**
 * True when a listed entity's catalog facts differ from the stored ones. Most
 * sweeps change none, and rewriting equal values still costs a row and index
 * write per entity and sweep. (`is distinct from` also compares nulls; SQLite
 * has it since 3.39.)
 */
const METADATA_CHANGED = METADATA_COLUMNS.map(
  column => `entities.${column} is distinct from excluded.${column}`,
).join(' or ');

/** Tables the report queries read, whose statistics matter to the planner. */
const STATISTICS_TABLES = [
  'entities',
  'rule_counts',
  'dockerfiles',
  'findings',
  'score_history',
];

/** Tables holding an entity's current results, cleared before new ones are written. */
const RESULT_TABLES = ['findings', 'dockerfiles', 'rule_counts'] as const;

/** An entity's columns when it keeps no results (opted out, refused by policy). */
const NO_RESULTS = {
  stale: false,
  score: null,
  grade: null,
  explanation: null,
  dockerfile_count: 0,
  error_count: 0,
  warning_count: 0,
  info_count: 0,
  musl_error_count: 0,
  suppressed_config_count: 0,
  suppressed_comment_count: 0,
  suppression_attempt_count: 0,
  revision: null,
  analysis_fingerprint: null,
  last_scan_id: null,
  next_attempt_at: null,
};

/**
 * ScanStore on the plugin's knex database (SQLite or PostgreSQL). Writes are
 * set-based: a batch of scans costs a fixed number of statements per table
 * plus one update per entity, in one transaction.
 */
export class DatabaseScanStore implements ScanStore {
  constructor(private readonly db: Knex) {}

  async upsertEntities(entities: EntityMetadata[], seenAt: Date) {
    const stored = await this.selectEntities(
      entities.map(entity => entity.entityRef),
      [...METADATA_COLUMNS, ...STATE_COLUMNS],
    );
    // Most sweeps change no entity's facts: reading them back is a cheap
    // indexed read, where an upsert checks and locks every row.
    const rows = entities
      .map(entity => metadataRow(entity, seenAt))
      .filter(row => !sameMetadata(stored.get(row.entity_ref), row));
    if (rows.length > 0) {
      await this.db.transaction(async trx => {
        for (const batch of chunk(rows, ROWS_PER_STATEMENT)) {
          // Still only where they differ: another replica may have written
          // them since they were read.
          await trx<EntityRow>('entities')
            .insert(batch)
            .onConflict('entity_ref')
            .merge([...METADATA_COLUMNS])
            .whereRaw(METADATA_CHANGED);
        }
      });
    }
    return scanStatesOf(stored.values());
  }

  async getScanStates(entityRefs: string[]) {
    return scanStatesOf(
      (await this.selectEntities(entityRefs, STATE_COLUMNS)).values(),
    );
  }

  private async selectEntities<C extends keyof EntityRow>(
    entityRefs: string[],
    columns: readonly C[],
  ) {
    type Row = Pick<EntityRow, 'entity_ref' | C>;
    const stored = new Map<string, Row>();
    for (const batch of chunk(entityRefs, REFS_PER_STATEMENT)) {
      const rows = await whereRefsIn(
        this.db('entities'),
        'entity_ref',
        batch,
      ).select('entity_ref', ...columns);
      for (const row of rows as Row[]) {
        stored.set(row.entity_ref, row);
      }
    }
    return stored;
  }

  async recordSuccesses(scans: ScanSuccess[]) {
    if (scans.length === 0) {
      return;
    }
    const latest = [...lastPerEntity(scans).values()];
    await this.db.transaction(async trx => {
      const stored = new Set<string>(
        await whereInChunks(
          trx,
          'entities',
          latest.map(scan => scan.entityRef),
          query => query.pluck('entity_ref'),
        ),
      );
      // Entities removed while they were scanned (cleanup ran) get nothing.
      const writable = latest.filter(scan => stored.has(scan.entityRef));
      if (writable.length === 0) {
        return;
      }
      const refs = writable.map(scan => scan.entityRef);
      for (const table of RESULT_TABLES) {
        await whereInChunks(trx, table, refs, query => query.delete());
      }
      const scanIds = await insertScans(trx, writable);
      const dockerfileIds = await insertDockerfiles(trx, writable, scanIds);
      await insertFindings(trx, writable, dockerfileIds);
      await insertRuleCounts(trx, writable);
      await updateEntityResults(trx, writable, scanIds);
      for (const batch of chunk(writable, ROWS_PER_STATEMENT)) {
        await trx<ScoreHistoryRow>('score_history')
          .insert(
            batch.map(scan => ({
              entity_ref: scan.entityRef,
              day: utcDay(scan.startedAt),
              score: scan.service.score,
              grade: scan.service.grade,
              musl_error_count: findingCounts(scan).musl_error_count,
              rules_recorded: true,
            })),
          )
          .onConflict(['entity_ref', 'day'])
          .merge(['score', 'grade', 'musl_error_count', 'rules_recorded']);
      }
      await recordRuleHistory(trx, writable);
    });
  }

  async recordUnchanged(
    entityRefs: string[],
    scannedAt: Date,
    previous?: ReadonlyMap<string, ScanState>,
  ) {
    const day = utcDay(scannedAt);
    // Without the states read before the scans, every entity might need
    // either; with them, a page scanned again the same day writes only the
    // time stamps.
    const marked = previous
      ? entityRefs.filter(ref => previous.get(ref)?.marked ?? true)
      : entityRefs;
    const uncarried = previous
      ? entityRefs.filter(ref => !dayRecorded(previous.get(ref), scannedAt))
      : entityRefs;
    const statements: Statement[] = [];
    for (const batch of chunk(entityRefs, REFS_PER_STATEMENT)) {
      statements.push(db =>
        whereRefsIn(db<EntityRow>('entities'), 'entity_ref', batch).update({
          last_scanned_at: scannedAt,
        }),
      );
    }
    // Only entities recovering from a failed attempt change state: the
    // rest keep their (indexed) status columns unwritten. An attempt
    // another replica records meanwhile is then as if recorded after this.
    for (const batch of chunk(marked, REFS_PER_STATEMENT)) {
      statements.push(db =>
        whereRefsIn(db<EntityRow>('entities'), 'entity_ref', batch)
          .where(failed =>
            failed
              .whereNull('status')
              .orWhereNot('status', 'ok')
              .orWhereNotNull('error')
              .orWhere('stale', true)
              .orWhereNotNull('next_attempt_at'),
          )
          .update({
            status: 'ok',
            error: null,
            stale: false,
            next_attempt_at: null,
          }),
      );
    }
    for (const batch of chunk(uncarried, REFS_PER_STATEMENT)) {
      statements.push(...carryScoresForward(batch, day));
    }
    await runAtomically(this.db, statements);
  }

  async recordFailures(failures: ScanFailure[]) {
    if (failures.length === 0) {
      return;
    }
    await this.db.transaction(async trx => {
      for (const batch of chunk(failures, ROWS_PER_STATEMENT)) {
        await trx<ScanRow>('scans').insert(
          batch.map(failure => ({
            entity_ref: failure.entityRef,
            started_at: failure.startedAt,
            duration_ms: failure.durationMs,
            trigger: failure.trigger,
            status: failure.status,
            error: failure.error,
            revision: null,
            score: null,
            grade: null,
          })),
        );
      }
      for (const failure of failures) {
        await trx<EntityRow>('entities')
          .where('entity_ref', failure.entityRef)
          .update({
            status: failure.status,
            error: failure.error,
            // Only a result that exists can be stale.
            stale: trx.raw('last_scan_id is not null'),
            last_scanned_at: failure.startedAt,
            next_attempt_at: failure.nextAttemptAt ?? null,
            ...(failure.sourceLocation
              ? { source_location: failure.sourceLocation }
              : {}),
          });
      }
    });
  }

  async recordDisabled(entityRefs: string[], at: Date) {
    for (const batch of chunk(entityRefs, REFS_PER_STATEMENT)) {
      await this.db.transaction(async trx => {
        for (const table of RESULT_TABLES) {
          await trx(table).whereIn('entity_ref', batch).delete();
        }
        await trx<EntityRow>('entities')
          .whereIn('entity_ref', batch)
          .update({
            ...NO_RESULTS,
            status: 'disabled',
            error: null,
            last_scanned_at: at,
          });
      });
    }
  }

  async recordRefusals(refusals: ScanRefusal[]) {
    for (const batch of chunk(refusals, ROWS_PER_STATEMENT)) {
      await this.db.transaction(async trx => {
        await trx<ScanRow>('scans').insert(
          batch.map(refusal => ({
            entity_ref: refusal.entityRef,
            started_at: refusal.startedAt,
            duration_ms: refusal.durationMs,
            trigger: refusal.trigger,
            status: 'refused',
            error: refusal.reason,
            revision: null,
            score: null,
            grade: null,
          })),
        );
        const refs = batch.map(refusal => refusal.entityRef);
        for (const table of RESULT_TABLES) {
          await trx(table).whereIn('entity_ref', refs).delete();
        }
        for (const refusal of batch) {
          await trx<EntityRow>('entities')
            .where('entity_ref', refusal.entityRef)
            .update({
              ...NO_RESULTS,
              status: 'refused',
              error: refusal.reason,
              last_scanned_at: refusal.startedAt,
              ...(refusal.sourceLocation
                ? { source_location: refusal.sourceLocation }
                : {}),
            });
        }
      });
    }
  }

  async deleteEntitiesNotListed(
    listed: ReadonlySet<string>,
    listingStartedAt: Date,
  ): Promise<number> {
    return this.db.transaction(async trx => {
      const stored = await trx<EntityRow>('entities')
        .where('seen_at', '<', listingStartedAt)
        .select('entity_ref');
      const gone = stored
        .map(row => row.entity_ref as string)
        .filter(entityRef => !listed.has(entityRef));
      for (const batch of chunk(gone, REFS_PER_STATEMENT)) {
        for (const table of [
          ...RESULT_TABLES,
          'scans',
          'score_history',
          'rule_history',
          // A built image's report is about the entity; it goes with it.
          'image_reports',
        ]) {
          await trx(table).whereIn('entity_ref', batch).delete();
        }
        await trx<EntityRow>('entities').whereIn('entity_ref', batch).delete();
      }
      return gone.length;
    });
  }

  async pruneOlderThan(time: Date) {
    const scans = await this.db<ScanRow>('scans')
      .where('started_at', '<', time)
      .whereNotIn(
        'id',
        this.db<EntityRow>('entities')
          .whereNotNull('last_scan_id')
          .select('last_scan_id'),
      )
      .delete();
    const historyDays = await this.db.transaction(async trx => {
      const scores = await trx<ScoreHistoryRow>('score_history')
        .where('day', '<', utcDay(time))
        .delete();
      const rules = await trx<RuleHistoryRow>('rule_history')
        .where('day', '<', utcDay(time))
        .delete();
      if (scores + rules > 0) {
        // Settled days changed: aggregates kept of them no longer stand.
        await trx('history_epoch').where('id', 1).increment('epoch', 1);
      }
      return scores;
    });
    return { scans, historyDays };
  }

  async refreshStatistics() {
    const client = String(this.db.client.config.client);
    if (client === 'pg') {
      await this.db.raw(`ANALYZE ${STATISTICS_TABLES.join(', ')}`);
    } else if (client.includes('sqlite')) {
      for (const table of STATISTICS_TABLES) {
        await this.db.raw(`ANALYZE ${table}`);
      }
    }
  }

  async claimRescan(
    entityRef: string,
    now: Date,
    minimumIntervalMs: number,
  ): Promise<RescanClaim> {
    const threshold = new Date(now.getTime() - minimumIntervalMs);
    const claimed = await this.db<EntityRow>('entities')
      .where('entity_ref', entityRef)
      .where(query =>
        query
          .whereNull('rescan_requested_at')
          .orWhere('rescan_requested_at', '<=', threshold),
      )
      .update({ rescan_requested_at: now });
    if (claimed > 0) {
      return { claimed: true };
    }
    const row = await this.db<EntityRow>('entities')
      .where('entity_ref', entityRef)
      .first('rescan_requested_at');
    const requestedAt = toDate(row?.rescan_requested_at);
    if (!requestedAt) {
      throw new Error(
        `Entity ${entityRef} is not stored; store it before a rescan`,
      );
    }
    return {
      claimed: false,
      retryAfterMs: Math.max(
        0,
        requestedAt.getTime() + minimumIntervalMs - now.getTime(),
      ),
    };
  }
}

/** A batch may hold two scans of one entity (a rescan racing the sweep): the later wins. */
function lastPerEntity(scans: ScanSuccess[]): Map<string, ScanSuccess> {
  const latest = new Map<string, ScanSuccess>();
  for (const scan of scans) {
    const current = latest.get(scan.entityRef);
    if (!current || current.startedAt <= scan.startedAt) {
      latest.set(scan.entityRef, scan);
    }
  }
  return latest;
}

async function whereInChunks<T>(
  trx: Knex.Transaction,
  table: string,
  refs: string[],
  run: (query: Knex.QueryBuilder) => Promise<T[] | number> | Knex.QueryBuilder,
): Promise<T[]> {
  const results: T[] = [];
  for (const batch of chunk(refs, REFS_PER_STATEMENT)) {
    const result = await run(trx(table).whereIn('entity_ref', batch));
    if (Array.isArray(result)) {
      results.push(...result);
    }
  }
  return results;
}

/** Scan rows; ids are matched back by entity, not by the order rows come back in. */
async function insertScans(
  trx: Knex.Transaction,
  scans: ScanSuccess[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const batch of chunk(scans, ROWS_PER_STATEMENT)) {
    const rows = await trx<ScanRow>('scans').insert(
      batch.map(scan => ({
        entity_ref: scan.entityRef,
        started_at: scan.startedAt,
        duration_ms: scan.durationMs,
        trigger: scan.trigger,
        status: 'ok',
        error: null,
        revision: scan.revision ?? null,
        score: scan.service.score,
        grade: scan.service.grade,
      })),
      ['id', 'entity_ref'],
    );
    for (const row of rows) {
      ids.set(row.entity_ref, Number(row.id));
    }
  }
  return ids;
}

const fileKey = (entityRef: string, path: string) =>
  `${entityRef}\u0000${path}`;

async function insertDockerfiles(
  trx: Knex.Transaction,
  scans: ScanSuccess[],
  scanIds: Map<string, number>,
): Promise<Map<string, number>> {
  const rows = scans.flatMap(scan =>
    scan.files.map(file =>
      dockerfileRow(scan.entityRef, scanIds.get(scan.entityRef)!, file),
    ),
  );
  const ids = new Map<string, number>();
  for (const batch of chunk(rows, ROWS_PER_STATEMENT)) {
    const inserted = await trx<DockerfileRow>('dockerfiles').insert(batch, [
      'id',
      'entity_ref',
      'path',
    ]);
    for (const row of inserted) {
      ids.set(fileKey(row.entity_ref, row.path), Number(row.id));
    }
  }
  return ids;
}

function dockerfileRow(
  entityRef: string,
  scanId: number,
  file: AnalysedDockerfile,
) {
  const finalStage = file.stages.find(stage => stage.isFinal);
  return {
    entity_ref: entityRef,
    scan_id: scanId,
    path: file.path,
    score: file.score,
    grade: file.grade,
    uses_alpine: file.usesAlpine,
    alpine_release: finalStage?.alpineRelease ?? null,
    final_libc: finalStage?.libc ?? null,
    stages: JSON.stringify(file.stages),
    explanation: JSON.stringify(file.explanation),
    content: file.content ?? null,
    content_omitted: file.content === undefined,
    analysis_config: file.analysisConfig
      ? JSON.stringify(file.analysisConfig)
      : null,
    analysis_context: file.analysisContext
      ? JSON.stringify(file.analysisContext)
      : null,
    knowledge_version: file.knowledgeVersion ?? null,
    fix_diffs_stored: true,
  };
}

async function insertFindings(
  trx: Knex.Transaction,
  scans: ScanSuccess[],
  dockerfileIds: Map<string, number>,
) {
  const rows = scans.flatMap(scan =>
    scan.files.flatMap(file =>
      file.findings.map(finding => ({
        entity_ref: scan.entityRef,
        dockerfile_id: dockerfileIds.get(fileKey(scan.entityRef, file.path))!,
        rule_id: finding.ruleId,
        category: finding.category,
        severity: finding.severity,
        line: finding.line,
        end_line: finding.endLine,
        column: finding.column,
        message: finding.message,
        remediation: finding.remediation,
        aliases: JSON.stringify(finding.aliases),
        fix: finding.fix ? JSON.stringify(finding.fix) : null,
        fix_diff: finding.fixDiff ?? null,
        enforced: finding.enforced ?? false,
        suppression_attempts: finding.suppressionAttempts
          ? JSON.stringify(finding.suppressionAttempts)
          : null,
        fingerprint: finding.fingerprint ?? null,
        waiver_id: finding.waived?.waiverId ?? null,
        waiver_expires_at: finding.waived?.expiresAt ?? null,
        evidence: finding.evidence ? JSON.stringify(finding.evidence) : null,
      })),
    ),
  );
  for (const batch of chunk(rows, ROWS_PER_STATEMENT)) {
    await trx<FindingRow>('findings').insert(batch);
  }
}

async function insertRuleCounts(trx: Knex.Transaction, scans: ScanSuccess[]) {
  const rows = scans.flatMap(scan => {
    const counts = new Map<
      string,
      { finding: ReportedFinding; count: number }
    >();
    for (const finding of scan.files.flatMap(file => file.findings)) {
      // A waived finding is not counted against the service.
      if (finding.waived) continue;
      const key = `${finding.ruleId}\u0000${finding.severity}`;
      const entry = counts.get(key);
      if (entry) {
        entry.count += 1;
      } else {
        counts.set(key, { finding, count: 1 });
      }
    }
    return [...counts.values()].map(({ finding, count }) => ({
      entity_ref: scan.entityRef,
      rule_id: finding.ruleId,
      category: finding.category,
      severity: finding.severity,
      finding_count: count,
    }));
  });
  for (const batch of chunk(rows, ROWS_PER_STATEMENT)) {
    await trx<RuleCountRow>('rule_counts').insert(batch);
  }
}

const RESULT_COLUMNS: Array<keyof EntityRow> = [
  'status',
  'error',
  'stale',
  'score',
  'grade',
  'explanation',
  'dockerfile_count',
  'error_count',
  'warning_count',
  'info_count',
  'musl_error_count',
  'waived_count',
  'suppressed_config_count',
  'suppressed_comment_count',
  'suppression_attempt_count',
  'revision',
  'analysis_fingerprint',
  'source_location',
  'last_scan_id',
  'last_scanned_at',
  'last_success_at',
  'next_attempt_at',
];

/**
 * One statement per 200 entities instead of one UPDATE each: an upsert on
 * rows known to exist (checked in this transaction) that merges only the
 * result columns. The catalog columns it would insert are never used.
 */
async function updateEntityResults(
  trx: Knex.Transaction,
  scans: ScanSuccess[],
  scanIds: Map<string, number>,
) {
  // 25 columns per row: stay under SQLite's 32,766 bind parameters.
  for (const batch of chunk(scans, ROWS_PER_STATEMENT)) {
    await trx<EntityRow>('entities')
      .insert(
        batch.map(scan => {
          const { kind, namespace, name } = parseEntityRef(scan.entityRef);
          return {
            entity_ref: scan.entityRef,
            kind,
            namespace,
            name,
            seen_at: scan.startedAt,
            ...entityResultColumns(scan, scanIds.get(scan.entityRef)!),
          };
        }),
      )
      .onConflict('entity_ref')
      .merge(RESULT_COLUMNS);
  }
}

/**
 * An unchanged repository keeps its score: it is recorded for the day too,
 * so that the daily history (and the org trend built from it) counts every
 * service scanned that day, not only those whose files changed. These are
 * the statements that carry the entities' current scores and rules forward
 * to `day`: one statement each in the database, as a re-sweep carries
 * thousands.
 */
function carryScoresForward(entityRefs: string[], day: string): Statement[] {
  const refs = entityRefs.map(() => '?').join(', ');
  return [
    // A score recorded by an analysis earlier that day stands.
    db =>
      db.raw(
        `insert into score_history (entity_ref, day, score, grade, musl_error_count, rules_recorded)
         select entity_ref, ?, score, grade, musl_error_count, ? from entities
         where entity_ref in (${refs})
           and score is not null and grade is not null
         on conflict (entity_ref, day) do update set rules_recorded = excluded.rules_recorded
         where score_history.rules_recorded = ?`,
        [day, true, ...entityRefs, false],
      ),
    // The day's rules are the entity's current ones (rule_counts), which an
    // analysis earlier that day also recorded; a day recorded before rule
    // history was kept gets them now.
    db =>
      db.raw(
        `insert into rule_history (entity_ref, day, rule_id)
         select distinct rc.entity_ref, ?, rc.rule_id from rule_counts rc
         join entities e on e.entity_ref = rc.entity_ref
         where rc.entity_ref in (${refs})
           and e.score is not null and e.grade is not null
         on conflict (entity_ref, day, rule_id) do nothing`,
        [day, ...entityRefs],
      ),
  ];
}

/**
 * Which rules had (unwaived) findings on the day of each scan: the day's
 * earlier record, if any, is replaced, as its score is.
 */
async function recordRuleHistory(trx: Knex.Transaction, scans: ScanSuccess[]) {
  const refsByDay = new Map<string, string[]>();
  for (const scan of scans) {
    const day = utcDay(scan.startedAt);
    refsByDay.set(day, [...(refsByDay.get(day) ?? []), scan.entityRef]);
  }
  for (const [day, refs] of refsByDay) {
    for (const batch of chunk(refs, REFS_PER_STATEMENT)) {
      await trx<RuleHistoryRow>('rule_history')
        .where('day', day)
        .whereIn('entity_ref', batch)
        .delete();
    }
  }
  const rows: RuleHistoryRow[] = scans.flatMap(scan => {
    const rules = new Set<string>();
    for (const finding of scan.files.flatMap(file => file.findings)) {
      if (!finding.waived) rules.add(finding.ruleId);
    }
    return [...rules].map(ruleId => ({
      entity_ref: scan.entityRef,
      day: utcDay(scan.startedAt),
      rule_id: ruleId,
    }));
  });
  for (const batch of chunk(rows, ROWS_PER_COMPOUND_INSERT)) {
    await trx<RuleHistoryRow>('rule_history')
      .insert(batch)
      .onConflict(['entity_ref', 'day', 'rule_id'])
      .ignore();
  }
}

/** The finding tallies stored beside each entity's result and daily score. */
function findingCounts(scan: ScanSuccess) {
  const counts = {
    error_count: 0,
    warning_count: 0,
    info_count: 0,
    musl_error_count: 0,
    waived_count: 0,
    suppressed_config_count: 0,
    suppressed_comment_count: 0,
    suppression_attempt_count: 0,
  };
  for (const file of scan.files) {
    counts.suppressed_config_count += file.suppressed?.config ?? 0;
    counts.suppressed_comment_count += file.suppressed?.comment ?? 0;
  }
  for (const finding of scan.files.flatMap(file => file.findings)) {
    if (finding.suppressionAttempts?.length) {
      counts.suppression_attempt_count += 1;
    }
    if (finding.waived) {
      counts.waived_count += 1;
      continue;
    }
    counts[`${finding.severity}_count`] += 1;
    if (finding.severity === 'error' && finding.category === 'musl') {
      counts.musl_error_count += 1;
    }
  }
  return counts;
}

function entityResultColumns(scan: ScanSuccess, scanId: number) {
  const counts = findingCounts(scan);
  return {
    status: 'ok' as const,
    error: null,
    stale: false,
    score: scan.service.score,
    grade: scan.service.grade,
    explanation: JSON.stringify(scan.service.explanation),
    dockerfile_count: scan.files.length,
    ...counts,
    revision: scan.revision ?? null,
    analysis_fingerprint: scan.analysisFingerprint,
    source_location: scan.sourceLocation,
    last_scan_id: scanId,
    last_scanned_at: scan.startedAt,
    last_success_at: scan.startedAt,
    next_attempt_at: null,
  };
}
