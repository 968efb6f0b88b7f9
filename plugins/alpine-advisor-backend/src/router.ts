import type { Analyzer } from '@alpine-advisor/analyzer';
import type {
  ReportFilter,
  ReportQuery,
} from '@alpine-advisor/backstage-plugin-common';
import type {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError, serializeError } from '@backstage/errors';
import express from 'express';
import type { CampaignService } from './campaigns/CampaignService';
import { entityKey } from './catalog/entityMetadata';
import { utcDay } from './database/timestamps';
import type { ImageReportService } from './imageReports/ImageReportService';
import type { KnowledgeService } from './knowledge/KnowledgeService';
import { createOpenApiRouter } from './schema/openapi/generated/router';
import type { AccessControl } from './service/AccessControl';
import { streamExport } from './service/exportReport';
import { RescanService, RescanTooSoonError } from './service/RescanService';
import type { ReportService } from './service/report/ReportService';
import type { ScopeService } from './service/ScopeService';
import type { WaiverService } from './waivers/WaiverService';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_ORG_HISTORY_DAYS = 90;

export interface RouterOptions {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  access: AccessControl;
  reports: ReportService;
  rescans: RescanService;
  analyzer: Analyzer;
  knowledge: KnowledgeService;
  scopes: ScopeService;
  waivers: WaiverService;
  campaigns: CampaignService;
  imageReports: ImageReportService;
  /** Largest image-report body in bytes; larger ones answer 413. */
  imageReportMaxBytes: number;
}

/** JSON bodies of every route but image reports keep express's default limit (100 kB). */
const IMAGE_REPORTS_PATH =
  /^\/entities\/[^/]+\/[^/]+\/[^/]+\/image-reports\/?$/;

/**
 * Parses JSON bodies: image reports up to `imageReportMaxBytes` (an image
 * with thousands of findings is larger than other requests), the rest with
 * express's default. A larger body answers 413 here, before it is read
 * whole: the OpenAPI router turns every error that reaches it into a 400.
 */
function jsonBodies(imageReportMaxBytes: number): express.RequestHandler {
  const imageReports = express.json({ limit: imageReportMaxBytes });
  const others = express.json();
  return (req, res, next) => {
    const parse = IMAGE_REPORTS_PATH.test(req.path) ? imageReports : others;
    parse(req, res, error => {
      if (
        (error as { type?: string } | undefined)?.type !== 'entity.too.large'
      ) {
        next(error);
        return;
      }
      res.status(413).json({
        error: serializeError(
          new InputError(
            `The request body is larger than ${
              IMAGE_REPORTS_PATH.test(req.path)
                ? `${imageReportMaxBytes} bytes (alpineAdvisor.imageReports.maxBytes)`
                : 'the limit'
            }`,
          ),
        ),
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode: 413 },
      });
    });
  };
}

/**
 * The HTTP API of openapi.yaml. Requests are validated against the spec
 * (400 with what was wrong) and responses are checked against it; handlers
 * only authorise and delegate.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    auditor,
    access,
    reports,
    rescans,
    analyzer,
    knowledge,
    scopes,
    waivers,
    campaigns,
    imageReports,
    imageReportMaxBytes,
  } = options;
  const router = await createOpenApiRouter({
    middleware: [jsonBodies(imageReportMaxBytes)],
    validatorOptions: {
      validateRequests: {
        coerceTypes: true,
        allowUnknownQueryParameters: false,
      },
      validateResponses: true,
    },
  });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await access.requireReportRead(credentials);
    const entityRef = await requireVisible(access, req.params, credentials);
    const report = await reports.getEntityReport(entityRef);
    if (!report) {
      throw new NotFoundError(`${entityRef} has not been scanned yet`);
    }
    res.json(report);
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await access.requireReportRead(credentials);
    const entityRef = await requireVisible(access, req.params, credentials);
    const days = req.query.days;
    const sinceDay = days
      ? utcDay(new Date(Date.now() - (days - 1) * DAY_MS))
      : undefined;
    res.json({
      entityRef,
      points: await reports.getHistory(entityRef, sinceDay),
    });
  });

  router.post('/entities/:kind/:namespace/:name/rescan', async (req, res) => {
    const entityRef = refOf(req.params);
    const auditorEvent = await auditor.createEvent({
      eventId: 'entity-rescan',
      severityLevel: 'medium',
      request: req,
      meta: { entityRef },
    });
    try {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const result = await rescans.rescan(entityRef, credentials);
      await auditorEvent.success({
        meta: { status: result.status, changed: result.changed },
      });
      res.json(result);
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      if (error instanceof RescanTooSoonError) {
        res
          .status(429)
          .setHeader(
            'Retry-After',
            String(Math.ceil(error.retryAfterMs / 1000)),
          )
          .json({
            error: serializeError(error),
            request: { method: req.method, url: req.originalUrl },
            response: { statusCode: 429 },
          });
        return;
      }
      throw error;
    }
  });

  router.post(
    '/entities/:kind/:namespace/:name/image-reports',
    async (req, res) => {
      const entityRef = refOf(req.params);
      const auditorEvent = await auditor.createEvent({
        eventId: 'image-report-create',
        severityLevel: 'medium',
        request: req,
        meta: {
          entityRef,
          dockerfilePath: req.query.dockerfile,
          imageDigest: req.query.imageDigest ?? req.body.image.imageId,
        },
      });
      try {
        // CI posts with a service token; people with the permission may too.
        const credentials = await httpAuth.credentials(req, {
          allow: ['user', 'service'],
        });
        const receipt = await imageReports.ingest(
          {
            entityRef,
            dockerfilePath: req.query.dockerfile,
            imageDigest: req.query.imageDigest,
            submission: req.body,
          },
          credentials,
        );
        await auditorEvent.success({
          meta: {
            imageFindingCount: receipt.imageFindingCount,
            confirmedCount: receipt.confirmedCount,
            notSeenCount: receipt.notSeenCount,
          },
        });
        res.status(201).json(receipt);
      } catch (error) {
        await auditorEvent.fail({ error: error as Error });
        throw error;
      }
    },
  );

  router.get('/entities/:kind/:namespace/:name/waivers', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await access.requireReportRead(credentials);
    const entityRef = await requireVisible(access, req.params, credentials);
    res.json(await waivers.list({ entityRef }, { all: true }));
  });

  router.post('/entities/:kind/:namespace/:name/waivers', async (req, res) => {
    const entityRef = refOf(req.params);
    const auditorEvent = await auditor.createEvent({
      eventId: 'waiver-create',
      severityLevel: 'medium',
      request: req,
      meta: {
        entityRef,
        ruleId: req.body.ruleId,
        fingerprint: req.body.fingerprint,
        expiresAt: req.body.expiresAt,
      },
    });
    try {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      await requireVisible(access, req.params, credentials);
      await access.requireWaiverCreate(entityRef, credentials);
      const waiver = await waivers.create(
        entityRef,
        req.body,
        credentials.principal.userEntityRef,
      );
      await auditorEvent.success({
        meta: { waiverId: waiver.id, status: waiver.status },
      });
      res.status(201).json(waiver);
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/waivers', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await access.requireReportRead(credentials);
    res.json(
      await waivers.list(
        {
          status: req.query.status,
          expiringWithinDays: req.query.expiringWithinDays,
        },
        await access.visibility(credentials),
      ),
    );
  });

  // Approve and revoke: the same audited decision on a visible waiver, each
  // with its own permission.
  const decideWaiver =
    (
      eventId: 'waiver-approve' | 'waiver-revoke',
      decide: (
        waiver: Awaited<ReturnType<typeof visibleWaiver>>,
        credentials: BackstageCredentials<BackstageUserPrincipal>,
      ) => Promise<unknown>,
    ): express.RequestHandler<{ id: string }> =>
    async (req, res) => {
      const auditorEvent = await auditor.createEvent({
        eventId,
        severityLevel: 'medium',
        request: req,
        meta: { waiverId: req.params.id },
      });
      try {
        const credentials = await httpAuth.credentials(req, {
          allow: ['user'],
        });
        const waiver = await visibleWaiver(req.params.id, credentials);
        const decided = await decide(waiver, credentials);
        await auditorEvent.success({ meta: { entityRef: waiver.entityRef } });
        res.json(decided);
      } catch (error) {
        await auditorEvent.fail({ error: error as Error });
        throw error;
      }
    };

  router.post(
    '/waivers/:id/approve',
    decideWaiver('waiver-approve', async (waiver, credentials) => {
      await access.requireWaiverApprove(waiver.entityRef, credentials);
      return waivers.approve(waiver, credentials.principal.userEntityRef);
    }),
  );

  router.post(
    '/waivers/:id/revoke',
    decideWaiver('waiver-revoke', async (waiver, credentials) => {
      await access.requireWaiverRevoke(waiver.entityRef, credentials);
      return waivers.revoke(waiver, credentials.principal.userEntityRef);
    }),
  );

  /** A waiver of an entity the caller may read; hidden and unknown both 404. */
  async function visibleWaiver(
    id: string,
    credentials: Parameters<AccessControl['visibleEntity']>[1],
  ) {
    const waiver = await waivers.get(id);
    if (!(await access.visibleEntity(waiver.entityRef, credentials))) {
      throw new NotFoundError(`No waiver ${id}`);
    }
    return waiver;
  }

  router.get('/campaigns', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await access.requireReportRead(credentials);
    res.json(await campaigns.list(await access.visibility(credentials)));
  });

  router.get('/campaigns/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await access.requireReportRead(credentials);
    res.json(
      await campaigns.progress(
        req.params.id,
        await access.visibility(credentials),
      ),
    );
  });

  router.post('/campaigns', async (req, res) => {
    const auditorEvent = await auditor.createEvent({
      eventId: 'campaign-create',
      severityLevel: 'medium',
      request: req,
      meta: { campaignId: req.body.id, deadline: req.body.deadline },
    });
    try {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      await access.requireCampaignManage(credentials);
      const campaign = await campaigns.create(
        req.body,
        credentials.principal.userEntityRef,
      );
      await auditorEvent.success();
      res.status(201).json(campaign);
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.delete('/campaigns/:id', async (req, res) => {
    const auditorEvent = await auditor.createEvent({
      eventId: 'campaign-delete',
      severityLevel: 'medium',
      request: req,
      meta: { campaignId: req.params.id },
    });
    try {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      await access.requireCampaignManage(credentials);
      await campaigns.delete(req.params.id);
      await auditorEvent.success();
      res.status(204).end();
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/report', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await access.requireReportRead(credentials);
    const query: ReportQuery = {
      ...reportFilter(req.query, analyzer),
      sort: req.query.sort,
      order: req.query.order,
      page: req.query.page,
      pageSize: req.query.pageSize,
      groupBy: req.query.groupBy,
    };
    res.json(
      await reports.queryReport(query, await access.visibility(credentials)),
    );
  });

  router.get('/report/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await access.requireReportRead(credentials);
    const days = req.query.days ?? DEFAULT_ORG_HISTORY_DAYS;
    const sinceDay = utcDay(new Date(Date.now() - (days - 1) * DAY_MS));
    res.json(
      await reports.getOrgHistory(
        reportFilter(req.query, analyzer),
        await access.visibility(credentials),
        sinceDay,
      ),
    );
  });

  router.get('/scopes/:kind/:namespace/:name/summary', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await access.requireReportRead(credentials);
    const scopeRef = refOf(req.params);
    const days = req.query.days ?? DEFAULT_ORG_HISTORY_DAYS;
    const sinceDay = utcDay(new Date(Date.now() - (days - 1) * DAY_MS));
    const summary = await scopes.getSummary(scopeRef, credentials, sinceDay);
    if (!summary) {
      // Hidden and unknown scopes alike, so existence does not leak.
      throw new NotFoundError(`No entity ${scopeRef} in the catalog`);
    }
    res.json(summary);
  });

  router.get('/report/export', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await access.requireReportRead(credentials);
    const filter = reportFilter(req.query, analyzer);
    const auditorEvent = await auditor.createEvent({
      eventId: 'report-export',
      severityLevel: 'low',
      request: req,
      meta: { format: req.query.format, filter: JSON.stringify(filter) },
    });
    const visibility = await access.visibility(credentials);
    await streamExport(
      reports.streamReport(filter, visibility),
      req.query.format,
      res,
    );
    await auditorEvent.success();
  });

  router.get('/knowledge', async (_req, res) => {
    res.json(await knowledge.status());
  });

  router.get('/rules', async (_req, res) => {
    res.json({ items: analyzer.listRules() });
  });

  router.get('/rules/:id', async (req, res) => {
    const rule = analyzer.getRule(req.params.id);
    if (!rule) {
      throw new NotFoundError(`No rule "${req.params.id}"`);
    }
    res.json(rule);
  });

  return router;
}

/**
 * The entity ref of the path. Parts that cannot form a ref (a kind with ":"
 * or "/", an empty part…) are the caller's mistake: a 400 saying so, rather
 * than a parse error deep in the catalog client.
 */
function refOf(params: { kind: string; namespace: string; name: string }) {
  const ref = `${params.kind}:${params.namespace}/${params.name}`;
  if (!isExactRef(ref, params)) {
    throw new InputError(
      `"${clip(params.kind)}", "${clip(params.namespace)}", "${clip(
        params.name,
      )}" is no entity ref: kind, namespace and name must be non-empty, the kind without ":" or "/", the namespace without "/"`,
    );
  }
  return entityKey(ref);
}

function isExactRef(
  ref: string,
  params: { kind: string; namespace: string; name: string },
): boolean {
  try {
    const parsed = parseEntityRef(ref);
    return (
      parsed.kind === params.kind &&
      parsed.namespace === params.namespace &&
      parsed.name === params.name
    );
  } catch {
    return false;
  }
}

/** Echoes at most the start of what the caller sent. */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** Hidden and unknown entities both answer 404, so existence does not leak. */
async function requireVisible(
  access: AccessControl,
  params: { kind: string; namespace: string; name: string },
  credentials: Parameters<AccessControl['visibleEntity']>[1],
): Promise<string> {
  const entityRef = refOf(params);
  if (!(await access.visibleEntity(entityRef, credentials))) {
    throw new NotFoundError(`No entity ${entityRef} in the catalog`);
  }
  return entityRef;
}

type ReportQueryParameters = {
  owner?: string[];
  system?: string[];
  domain?: string[];
  lifecycle?: string[];
  kind?: string[];
  grade?: ReportFilter['grade'];
  status?: ReportFilter['status'];
  category?: ReportFilter['category'];
  rule?: string[];
  severity?: ReportFilter['severity'];
  stale?: boolean;
  suppressed?: boolean;
  compliant?: boolean;
  search?: string;
};

/** The filter part of the query; rule aliases become rule ids, unknown rules are a 400. */
function reportFilter(
  query: ReportQueryParameters,
  analyzer: Analyzer,
): ReportFilter {
  const rule = query.rule?.map(idOrAlias => {
    const found = analyzer.getRule(idOrAlias);
    if (!found) {
      throw new InputError(`Unknown rule "${idOrAlias}" in the rule filter`);
    }
    return found.id;
  });
  const filter: ReportFilter = {
    owner: query.owner,
    system: query.system,
    domain: query.domain,
    lifecycle: query.lifecycle,
    kind: query.kind,
    grade: query.grade,
    status: query.status,
    category: query.category,
    rule,
    severity: query.severity,
    stale: query.stale,
    suppressed: query.suppressed,
    compliant: query.compliant,
    search: query.search,
  };
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined),
  ) as ReportFilter;
}
