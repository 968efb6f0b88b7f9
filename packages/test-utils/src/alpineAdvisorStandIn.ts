import type {
  EntityReport,
  EntitySummary,
  Grade,
  KnowledgeStatus,
  OrgReport,
  RuleDescription,
} from '@alpine-advisor/backstage-plugin-common';
import {
  coreServices,
  createBackendPlugin,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import express from 'express';

/** The real API's page-size limit on `GET /report`. */
const MAX_PAGE_SIZE = 500;

/** An entity as the stand-in lists it: its summary, the rules it has findings of, and optionally its full report. */
export interface StandInEntity {
  summary: EntitySummary;
  rules: string[];
  report?: EntityReport;
}

/** A scored component `component:default/NAME` (grade B, one warning) with the given values. */
export function standInEntity(
  name: string,
  values: Partial<EntitySummary> = {},
  rules: string[] = [],
): StandInEntity {
  return {
    summary: {
      entityRef: `component:default/${name}`,
      kind: 'component',
      namespace: 'default',
      name,
      score: 85,
      grade: 'B',
      status: 'ok',
      stale: false,
      compliant: true,
      lastScannedAt: '2026-01-02T03:04:05.000Z',
      lastSuccessAt: '2026-01-02T03:04:05.000Z',
      dockerfileCount: 1,
      findingCounts: { error: 0, warning: 1, info: 0 },
      muslErrorCount: 0,
      ...values,
    },
    rules,
  };
}

export const STAND_IN_KNOWLEDGE_VERSION = '2026-12-05+bundled';

export interface AlpineAdvisorStandInOptions {
  entities?: StandInEntity[];
  rules?: RuleDescription[];
}

export interface AlpineAdvisorStandIn {
  /** Add to a test backend in place of the Alpine Advisor backend plugin. */
  plugin: BackendFeature;
  /** The URLs it was asked for, in order (path and query). */
  requests: string[];
}

const NO_GRADES: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0, F: 0 };

/**
 * A stand-in for the Alpine Advisor backend plugin (plugin id
 * `alpine-advisor`) serving `GET /report` (paging, the `rule` filter, the real
 * API's 500-per-page limit), `GET /entities/:kind/:namespace/:name`,
 * `GET /rules` and `GET /knowledge` over the test backend's HTTP server,
 * behind its default auth policy, so callers must send a valid token.
 */
export function alpineAdvisorStandIn(
  options: AlpineAdvisorStandInOptions = {},
): AlpineAdvisorStandIn {
  const entities = options.entities ?? [];
  const requests: string[] = [];
  const router = express.Router();
  router.use((req, _res, next) => {
    requests.push(req.url);
    next();
  });
  router.get('/report', (req, res) => {
    const page = Number(req.query.page ?? 1);
    const pageSize = Number(req.query.pageSize ?? 50);
    if (pageSize > MAX_PAGE_SIZE) {
      res
        .status(400)
        .json({ error: { message: `pageSize > ${MAX_PAGE_SIZE}` } });
      return;
    }
    res.json(reportPage(entities, ruleFilter(req.query.rule), page, pageSize));
  });
  router.get('/entities/:kind/:namespace/:name', (req, res) => {
    const { kind, namespace, name } = req.params;
    const found = entities.find(
      ({ summary }) =>
        summary.kind === kind &&
        summary.namespace === namespace &&
        summary.name === name,
    );
    if (!found?.report) {
      res.status(404).json({ error: { name: 'NotFoundError', message: '' } });
      return;
    }
    res.json(found.report);
  });
  router.get('/rules', (_req, res) => {
    res.json({ items: options.rules ?? [] });
  });
  router.get('/knowledge', (_req, res) => {
    res.json(standInKnowledge());
  });

  const plugin = createBackendPlugin({
    pluginId: 'alpine-advisor',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          httpRouter.use(router);
        },
      });
    },
  });
  return { plugin, requests };
}

function ruleFilter(query: unknown): string[] {
  return [query ?? []].flat().map(String);
}

function reportPage(
  entities: StandInEntity[],
  rules: string[],
  page: number,
  pageSize: number,
): OrgReport {
  const matching = entities
    .filter(e => !rules.length || rules.some(rule => e.rules.includes(rule)))
    .map(e => e.summary)
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    items: matching.slice((page - 1) * pageSize, page * pageSize),
    page,
    pageSize,
    totalCount: matching.length,
    // The bridges read items only: an empty roll-up keeps the shape valid.
    summary: {
      entityCount: matching.length,
      scoredCount: 0,
      averageScore: null,
      gradeCounts: NO_GRADES,
      compliantCount: 0,
      compliantShare: null,
      policy: {
        minimumGrade: 'B',
        allowMuslErrors: false,
        description: 'grade B or better and no musl error',
      },
      staleCount: 0,
      failingCount: 0,
      topRules: [],
      muslBreakingRisks: { entityCount: 0, rules: [] },
    },
  };
}

function standInKnowledge(): KnowledgeStatus {
  return {
    version: STAND_IN_KNOWLEDGE_VERSION,
    asOf: '2026-12-05',
    origin: 'bundled',
    releasesAsOf: '2026-12-05',
    newestRelease: '3.24',
    releaseData: { origin: 'bundled', asOf: '2026-12-05' },
    tables: [],
    layers: [],
  };
}
