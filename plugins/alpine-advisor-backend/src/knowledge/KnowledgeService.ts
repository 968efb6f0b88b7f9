import type { KnowledgeOverrides } from '@alpine-advisor/analyzer';
import { describeKnowledge } from '@alpine-advisor/analyzer';
import type { KnowledgeStatus } from '@alpine-advisor/backstage-plugin-common';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  DatabaseKnowledgeStore,
  StoredReleaseData,
} from './DatabaseKnowledgeStore';
import { fetchReleaseKnowledge } from './releaseSource';

export interface KnowledgeRefreshSettings {
  url: string;
  timeoutMs: number;
}

export interface KnowledgeServiceOptions {
  store: DatabaseKnowledgeStore;
  logger: LoggerService;
  /** `alpineAdvisor.knowledge` from app-config (validated), over the refreshed data. */
  appConfig?: KnowledgeOverrides;
  /** Undefined: refreshing is off and the bundled release table is used. */
  refresh?: KnowledgeRefreshSettings;
  /** Called after a refresh changed the release data, with the layers before and after. */
  onChange?: (
    before: KnowledgeOverrides[],
    after: KnowledgeOverrides[],
  ) => Promise<void>;
  now?: () => Date;
  /** How long a replica trusts its copy of the stored data before reading it again. */
  cacheMs?: number;
  fetchImpl?: typeof fetch;
}

export type RefreshOutcome = 'changed' | 'unchanged' | 'failed';

/**
 * The knowledge layered over the analyzer's bundled tables in this backend:
 * the last good refreshed release data (kept in the database, so every
 * replica and every restart uses it), then `alpineAdvisor.knowledge`. A
 * refresh that cannot reach its source or gets something that is not a
 * release list keeps the last good copy (or the bundled table), records why,
 * and logs it once until a refresh succeeds again.
 */
export class KnowledgeService {
  private readonly now: () => Date;
  private cached?: { at: number; stored?: StoredReleaseData };
  private failing = false;

  constructor(private readonly options: KnowledgeServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Layers for analyses, lowest precedence first. */
  async layers(): Promise<KnowledgeOverrides[]> {
    const stored = await this.stored();
    return this.layersWith(stored?.data);
  }

  private layersWith(refreshed: KnowledgeOverrides | undefined) {
    const layers: KnowledgeOverrides[] = [];
    if (refreshed) layers.push(refreshed);
    if (this.options.appConfig) layers.push(this.options.appConfig);
    return layers;
  }

  async refresh(signal?: AbortSignal): Promise<RefreshOutcome> {
    const { refresh, store, logger } = this.options;
    if (!refresh) return 'unchanged';
    const at = this.now();
    const before = await store.getReleaseData();
    let fetched: KnowledgeOverrides;
    try {
      fetched = await fetchReleaseKnowledge({
        url: refresh.url,
        timeoutMs: refresh.timeoutMs,
        now: at,
        signal,
        fetchImpl: this.options.fetchImpl,
      });
    } catch (error) {
      const message = (error as Error).message;
      await store.recordReleaseFailure(refresh.url, message, at);
      this.cached = undefined;
      const kept = before?.data?.asOf
        ? `the data fetched on ${before.data.asOf}`
        : `the bundled release table (as of ${
            describeKnowledge().releasesAsOf
          })`;
      const line = `Alpine Advisor could not refresh Alpine release data from ${refresh.url}: ${message}; using ${kept}`;
      if (this.failing) logger.debug(line);
      else logger.warn(line);
      this.failing = true;
      return 'failed';
    }
    if (this.failing) {
      logger.info(
        `Alpine Advisor refreshed Alpine release data from ${refresh.url} again`,
      );
      this.failing = false;
    }
    const changed =
      JSON.stringify(before?.data?.releases ?? null) !==
      JSON.stringify(fetched.releases ?? null);
    await store.saveReleaseData(refresh.url, fetched, at);
    this.cached = undefined;
    if (!changed) return 'unchanged';
    logger.info(
      `Alpine Advisor release data changed (${
        fetched.releases?.length ?? 0
      } branches from ${refresh.url}); re-scoring affected entities`,
    );
    await this.options.onChange?.(
      this.layersWith(before?.data),
      this.layersWith(fetched),
    );
    return 'changed';
  }

  /** What `GET /knowledge` answers. */
  async status(): Promise<KnowledgeStatus> {
    const stored = await this.stored(true);
    const info = describeKnowledge(this.layersWith(stored?.data));
    const refreshed = stored?.data;
    const releaseData: KnowledgeStatus['releaseData'] = {
      origin: refreshed ? 'refreshed' : 'bundled',
      asOf: refreshed?.asOf ?? describeKnowledge().releasesAsOf,
    };
    const sourceUrl = this.options.refresh?.url;
    if (sourceUrl) releaseData.sourceUrl = sourceUrl;
    if (stored?.fetchedAt && refreshed)
      releaseData.fetchedAt = stored.fetchedAt.toISOString();
    if (stored?.lastAttemptAt)
      releaseData.lastAttemptAt = stored.lastAttemptAt.toISOString();
    if (stored?.lastError) releaseData.lastError = stored.lastError;
    return {
      version: info.version,
      asOf: info.asOf,
      origin: info.origin,
      releasesAsOf: info.releasesAsOf,
      newestRelease: info.newestRelease,
      releaseData,
      tables: info.tables.map(table => ({
        ...table,
        sources: [...table.sources],
      })),
      layers: info.layers,
    };
  }

  private async stored(fresh = false): Promise<StoredReleaseData | undefined> {
    const time = this.now().getTime();
    const cacheMs = this.options.cacheMs ?? 60_000;
    if (!fresh && this.cached && time - this.cached.at < cacheMs) {
      return this.cached.stored;
    }
    const stored = await this.options.store.getReleaseData();
    this.cached = { at: time, stored };
    return stored;
  }
}
