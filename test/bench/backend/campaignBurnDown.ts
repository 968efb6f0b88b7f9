/*
 * Campaign burn-downs (`GET /campaigns/:id`) at scale, at the store: N
 * services with D days of daily history each (scores and, per day, the rules
 * with findings), seeded straight into a fresh database (a sweep records one
 * day; a campaign reads up to its whole window), then CampaignService's
 * progress (standing, burn-down, owners) timed per condition, for all
 * services, one owner and half the services visible. Each case is also
 * printed as a ratio to the org trend over the same days in the same run
 * (`getOrgHistory`, what `yarn bench:org-trend` times), so the figures
 * survive a slower machine.
 *
 *   yarn bench:campaigns
 *
 * Environment: BENCH_SERVICES (10000), BENCH_DAYS (90), BENCH_ROUNDS (10),
 * BENCH_DATABASES (sqlite,postgres).
 */
import { performance } from 'node:perf_hooks';
import { Knex } from 'knex';
import { CampaignService } from '../../../plugins/alpine-advisor-backend/src/campaigns/CampaignService';
import { DatabaseCampaignStore } from '../../../plugins/alpine-advisor-backend/src/campaigns/DatabaseCampaignStore';
import { DatabaseReportStore } from '../../../plugins/alpine-advisor-backend/src/database/DatabaseReportStore';
import type { EntityVisibility } from '../../../plugins/alpine-advisor-backend/src/database/ReportStore';
import {
  createCompliancePolicy,
  reportTerms,
} from '../../../plugins/alpine-advisor-backend/src/service/report/compliance';
import { ReportService } from '../../../plugins/alpine-advisor-backend/src/service/report/ReportService';
import { freshDatabase } from './freshDatabase';
import { dayOf, GRADES, INSERT_BATCH, owner, ref } from './syntheticHistory';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 90);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');

/** Which rules a service had on a day: a fifth on end-of-life Alpine until it moves off (burning down), a third with the apk cache, half as root. */
function rulesOf(index: number, day: number): string[] {
  const rules: string[] = [];
  if (index % 5 === 0 && day < DAYS - (index % DAYS)) rules.push('alpine-eol');
  if ((index + day) % 3 === 0) rules.push('apk-no-cache');
  if (index % 2 === 0) rules.push('root-user');
  return rules;
}

async function seed(db: Knex) {
  const now = new Date();
  for (let start = 0; start < SERVICES; start += INSERT_BATCH) {
    const rows = [];
    const counts = [];
    for (let i = start; i < Math.min(SERVICES, start + INSERT_BATCH); i++) {
      rows.push({
        entity_ref: ref(i),
        kind: 'component',
        namespace: 'default',
        name: `svc-${i}`,
        owner: owner(i),
        lifecycle: 'production',
        status: 'ok',
        score: 50 + (i % 50),
        grade: GRADES[i % 5],
        musl_error_count: i % 7 === 0 ? 1 : 0,
        seen_at: now,
      });
      for (const rule of rulesOf(i, DAYS - 1)) {
        counts.push({
          entity_ref: ref(i),
          rule_id: rule,
          category: 'alpine',
          severity: 'warning',
          finding_count: 1,
        });
      }
    }
    await db('entities').insert(rows);
    await db.batchInsert('rule_counts', counts, INSERT_BATCH);
  }
  for (let day = 0; day < DAYS; day++) {
    const history = [];
    const rules = [];
    for (let i = 0; i < SERVICES; i++) {
      history.push({
        entity_ref: ref(i),
        day: dayOf(day),
        score: 40 + ((i + day) % 60),
        grade: GRADES[(i + day) % 5],
        musl_error_count: (i + day) % 7 === 0 ? 1 : 0,
        rules_recorded: true,
      });
      for (const rule of rulesOf(i, day)) {
        rules.push({ entity_ref: ref(i), day: dayOf(day), rule_id: rule });
      }
    }
    await db.batchInsert('score_history', history, INSERT_BATCH);
    await db.batchInsert('rule_history', rules, INSERT_BATCH);
  }
  await db.raw(
    String(db.client.config.client) === 'pg' ? 'vacuum analyze' : 'analyze',
  );
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

async function timed(work: () => Promise<unknown>) {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const halfVisible: EntityVisibility = {
  all: false,
  entityRefs: Array.from({ length: SERVICES }, (_, i) => i)
    .filter(i => i % 2 === 0)
    .map(ref),
};

const window = { startsOn: dayOf(0), deadline: dayOf(DAYS + 30) };
const CAMPAIGNS = [
  { id: 'eol', title: 'eol', condition: 'eol-alpine' as const, ...window },
  { id: 'musl', title: 'musl', condition: 'breaking-musl' as const, ...window },
  {
    id: 'apk-team',
    title: 'apk',
    condition: 'rules' as const,
    rules: ['apk-no-cache'],
    scope: { owner: [owner(7)] },
    ...window,
  },
];

const CASES: Array<{
  name: string;
  campaign: string;
  visibility: EntityVisibility;
  trendFilter: Record<string, string[]>;
}> = [
  {
    name: 'eol-alpine, all',
    campaign: 'eol',
    visibility: { all: true },
    trendFilter: {},
  },
  {
    name: 'breaking-musl, all',
    campaign: 'musl',
    visibility: { all: true },
    trendFilter: {},
  },
  {
    name: 'rules, one owner',
    campaign: 'apk-team',
    visibility: { all: true },
    trendFilter: { owner: [owner(7)] },
  },
  {
    name: `eol-alpine, half visible`,
    campaign: 'eol',
    visibility: halfVisible,
    trendFilter: {},
  },
];

async function benchDatabase(name: string) {
  const { db, drop } = await freshDatabase(
    name === 'postgres' ? 'postgres' : 'sqlite',
    'campaigns',
  );
  try {
    const seedStart = performance.now();
    await seed(db);
    console.log(
      `${name}: seeded ${SERVICES} services × ${DAYS} days in ${(
        (performance.now() - seedStart) /
        1000
      ).toFixed(1)} s`,
    );
    const policy = createCompliancePolicy({});
    const campaigns = new CampaignService({
      store: new DatabaseCampaignStore(db),
      analyzer: { getRule: (id: string) => ({ id } as any) },
      configured: CAMPAIGNS,
      terms: reportTerms(policy),
      now: () => new Date(`${dayOf(DAYS - 1)}T12:00:00Z`),
    });
    const reports = new ReportService(new DatabaseReportStore(db), policy);
    for (const benchCase of CASES) {
      let points = 0;
      const campaign = await timed(async () => {
        const progress = await campaigns.progress(
          benchCase.campaign,
          benchCase.visibility,
        );
        points = progress.burnDown.length;
      });
      const trend = await timed(() =>
        reports.getOrgHistory(
          benchCase.trendFilter,
          benchCase.visibility,
          dayOf(0),
        ),
      );
      console.log(
        `  ${name.padEnd(8)} ${benchCase.name.padEnd(
          26,
        )} p50 ${campaign.p50.toFixed(1)} ms  p95 ${campaign.p95.toFixed(
          1,
        )} ms  (${points} days)  ÷ org trend, same run: ${(
          campaign.p50 / trend.p50
        ).toFixed(2)}x / ${(campaign.p95 / trend.p95).toFixed(2)}x`,
      );
    }
  } finally {
    await drop();
  }
}

async function main() {
  console.log(
    `Campaign progress (standing, burn-down, owners): ${SERVICES} services × ${DAYS} days, ${ROUNDS} rounds per case`,
  );
  for (const name of DATABASES) {
    await benchDatabase(name);
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
