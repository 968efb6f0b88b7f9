import {
  ALPINE_ADVISOR_PLUGIN_ID,
  AlpineAdvisorClient,
  type EntitySummary,
} from '@alpine-advisor/backstage-plugin-common';
import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { MetricProvider } from '@red-hat-developer-hub/backstage-plugin-scorecard-node';
import type {
  Metric,
  ThresholdConfig,
} from '@red-hat-developer-hub/backstage-plugin-scorecard-common';

/** The datasource of the metrics: the first segment of their ids and config paths. @public */
export const ALPINE_ADVISOR_SCORECARD_DATASOURCE = 'alpineAdvisor';

/** The largest page `GET /report` serves. */
const PAGE_SIZE = 500;
/** How long one listing of the report answers the entities of a run. */
const LISTING_TTL_MS = 60_000;

/**
 * The Alpine Advisor report, read once per run of the scorecard's pull task
 * and shared by its providers: `GET /report` in pages of 500, as the
 * scorecard plugin's own service, kept for a minute. The scorecard asks for
 * entities 50 at a time; answering from one listing costs ⌈entities / 500⌉
 * requests per run instead of one report per entity.
 */
class AlpineAdvisorReportCache {
  private listing?: {
    expiresAt: number;
    entities: Promise<Map<string, EntitySummary>>;
  };
  private readonly client: AlpineAdvisorClient;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      now?: () => number;
    },
  ) {
    this.client = new AlpineAdvisorClient({ discoveryApi: options.discovery });
  }

  /** The entity's summary; undefined when Alpine Advisor does not know it. */
  async get(entity: Entity): Promise<EntitySummary | undefined> {
    return (await this.entities()).get(stringifyEntityRef(entity));
  }

  private entities(): Promise<Map<string, EntitySummary>> {
    const now = (this.options.now ?? Date.now)();
    if (!this.listing || this.listing.expiresAt <= now) {
      const entities = this.list();
      this.listing = { expiresAt: now + LISTING_TTL_MS, entities };
      entities.catch(() => {
        if (this.listing?.entities === entities) this.listing = undefined;
      });
    }
    return this.listing.entities;
  }

  private async list(): Promise<Map<string, EntitySummary>> {
    const { auth } = this.options;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: ALPINE_ADVISOR_PLUGIN_ID,
    });
    const entities = new Map<string, EntitySummary>();
    for (let page = 1; ; page++) {
      const report = await this.client.getReport(
        { sort: 'name', order: 'asc', page, pageSize: PAGE_SIZE },
        { token },
      );
      for (const item of report.items) entities.set(item.entityRef, item);
      if (
        report.items.length < PAGE_SIZE ||
        page * PAGE_SIZE >= report.totalCount
      )
        return entities;
    }
  }
}

/** What a metric takes from an entity's summary. */
interface MetricDefinition {
  metric: Metric<'number'>;
  thresholds: ThresholdConfig;
  value(summary: EntitySummary): number;
}

class AlpineAdvisorMetricProvider implements MetricProvider<'number'> {
  constructor(
    private readonly definition: MetricDefinition,
    private readonly cache: AlpineAdvisorReportCache,
    private readonly catalogFilter: Record<string, string | string[]>,
  ) {}

  getProviderDatasourceId(): string {
    return ALPINE_ADVISOR_SCORECARD_DATASOURCE;
  }
  getProviderId(): string {
    return this.definition.metric.id;
  }
  getMetricType(): 'number' {
    return 'number';
  }
  getMetric(): Metric<'number'> {
    return this.definition.metric;
  }
  getMetricThresholds(): ThresholdConfig {
    return this.definition.thresholds;
  }
  getCatalogFilter(): Record<string, string | string[]> {
    return this.catalogFilter;
  }

  async calculateMetric(entity: Entity): Promise<number> {
    const ref = stringifyEntityRef(entity);
    const summary = await this.cache.get(entity);
    if (!summary) {
      throw new Error(`Alpine Advisor has not scanned ${ref}`);
    }
    if (summary.score === null) {
      throw new Error(
        `Alpine Advisor has no good scan of ${ref} yet (status ${summary.status})`,
      );
    }
    return this.definition.value(summary);
  }
}

/**
 * The metrics: `alpineAdvisor.score` (0–100; success from 80, grade B,
 * warning from 60, error below) and `alpineAdvisor.breakingMusl` (error-severity
 * musl libc findings; success at 0, error above). Thresholds can be changed
 * per metric in app-config (`scorecard.plugins.alpineAdvisor.score.thresholds`)
 * or per entity with the scorecard's annotations.
 * @public
 */
export const alpineAdvisorMetrics = {
  score: {
    id: `${ALPINE_ADVISOR_SCORECARD_DATASOURCE}.score`,
    title: 'Alpine Advisor score',
    description:
      'Dockerfile score 0–100 from Alpine Advisor: Alpine practices, musl libc risks and image hygiene (grade A from 90, B from 80).',
    type: 'number',
    history: true,
  },
  breakingMusl: {
    id: `${ALPINE_ADVISOR_SCORECARD_DATASOURCE}.breakingMusl`,
    title: 'Breaking musl libc risks',
    description:
      'Error-severity musl libc findings in the Dockerfiles: what is likely to break at runtime on Alpine.',
    type: 'number',
    history: true,
  },
} satisfies Record<string, Metric<'number'>>;

/**
 * The default thresholds of the metrics, in order (the first rule that
 * matches wins).
 * @public
 */
export const alpineAdvisorMetricThresholds: Record<
  keyof typeof alpineAdvisorMetrics,
  ThresholdConfig
> = {
  score: {
    rules: [
      { key: 'success', expression: '>=80' },
      { key: 'warning', expression: '60-80' },
      { key: 'error', expression: '<60' },
    ],
  },
  breakingMusl: {
    rules: [
      { key: 'success', expression: '<=0' },
      { key: 'error', expression: '>0' },
    ],
  },
};

/**
 * The Alpine Advisor metric providers, sharing one report listing.
 * `catalogFilter` says which entities the scorecard asks about (default:
 * Components, what Alpine Advisor scans by default).
 * @public
 */
export function createAlpineAdvisorMetricProviders(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  catalogFilter?: Record<string, string | string[]>;
}): MetricProvider<'number'>[] {
  const cache = new AlpineAdvisorReportCache(options);
  const filter = options.catalogFilter ?? { kind: 'Component' };
  return [
    new AlpineAdvisorMetricProvider(
      {
        metric: alpineAdvisorMetrics.score,
        thresholds: alpineAdvisorMetricThresholds.score,
        value: summary => summary.score ?? 0,
      },
      cache,
      filter,
    ),
    new AlpineAdvisorMetricProvider(
      {
        metric: alpineAdvisorMetrics.breakingMusl,
        thresholds: alpineAdvisorMetricThresholds.breakingMusl,
        value: summary => summary.muslErrorCount,
      },
      cache,
      filter,
    ),
  ];
}
