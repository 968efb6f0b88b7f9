import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  EntityHistory,
  EntityReport,
  KnowledgeStatus,
  OrgHistory,
  OrgHistoryQuery,
  OrgReport,
  ReportExportFormat,
  ReportFilter,
  ReportQuery,
  RescanResult,
  RuleDescription,
  RuleList,
  ScopeSummary,
  ScopeSummaryQuery,
  NewWaiver,
  Waiver,
  WaiverList,
  WaiverStatus,
  Campaign,
  CampaignList,
  CampaignProgress,
  NewCampaign,
} from '../api/types';
import { ALPINE_ADVISOR_PLUGIN_ID } from '../constants';
import type {
  AlpineAdvisorApi,
  AlpineAdvisorRequestOptions,
  EntityRefLike,
} from './AlpineAdvisorApi';
import { toQueryString } from './queryString';

/**
 * The part of Backstage's DiscoveryApi / DiscoveryService the client needs;
 * declared here so this package depends on neither the frontend nor the backend.
 * @public
 */
export interface AlpineAdvisorDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** The part of Backstage's FetchApi the client needs (defaults to the global fetch). @public */
export interface AlpineAdvisorFetch {
  fetch: typeof fetch;
}

/**
 * Typed HTTP client of the Alpine Advisor backend. Non-2xx answers are thrown
 * as `ResponseError`, carrying the backend's error body.
 * @public
 */
export class AlpineAdvisorClient implements AlpineAdvisorApi {
  private readonly discoveryApi: AlpineAdvisorDiscovery;
  private readonly fetchApi: AlpineAdvisorFetch;

  constructor(options: {
    discoveryApi: AlpineAdvisorDiscovery;
    fetchApi?: AlpineAdvisorFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
  }

  async getEntityReport(
    entity: EntityRefLike,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<EntityReport | undefined> {
    const response = await this.request(entityPath(entity), options);
    if (response.status === 404) {
      return undefined;
    }
    return this.json(response);
  }

  async getEntityHistory(
    entity: EntityRefLike,
    query: { days?: number } = {},
    options?: AlpineAdvisorRequestOptions,
  ): Promise<EntityHistory> {
    const path = `${entityPath(entity)}/history${toQueryString(query)}`;
    return this.json(await this.request(path, options));
  }

  async rescanEntity(
    entity: EntityRefLike,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<RescanResult> {
    const path = `${entityPath(entity)}/rescan`;
    return this.json(await this.request(path, options, { method: 'POST' }));
  }

  async getReport(
    query: ReportQuery = {},
    options?: AlpineAdvisorRequestOptions,
  ): Promise<OrgReport> {
    return this.json(
      await this.request(`/report${toQueryString({ ...query })}`, options),
    );
  }

  async getOrgHistory(
    query: OrgHistoryQuery = {},
    options?: AlpineAdvisorRequestOptions,
  ): Promise<OrgHistory> {
    return this.json(
      await this.request(
        `/report/history${toQueryString({ ...query })}`,
        options,
      ),
    );
  }

  async getScopeSummary(
    scope: EntityRefLike,
    query: ScopeSummaryQuery = {},
    options?: AlpineAdvisorRequestOptions,
  ): Promise<ScopeSummary | undefined> {
    const path = `${refPath('/scopes', scope, 'group')}/summary${toQueryString({
      ...query,
    })}`;
    const response = await this.request(path, options);
    if (response.status === 404) {
      return undefined;
    }
    return this.json(response);
  }

  async exportReport(
    format: ReportExportFormat,
    filter: ReportFilter = {},
    options?: AlpineAdvisorRequestOptions,
  ): Promise<Response> {
    const path = `/report/export${toQueryString({ ...filter, format })}`;
    const response = await this.request(path, options);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  async listRules(
    options?: AlpineAdvisorRequestOptions,
  ): Promise<RuleDescription[]> {
    const list: RuleList = await this.json(
      await this.request('/rules', options),
    );
    return list.items;
  }

  async getKnowledge(
    options?: AlpineAdvisorRequestOptions,
  ): Promise<KnowledgeStatus> {
    return this.json(await this.request('/knowledge', options));
  }

  async getRule(
    id: string,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<RuleDescription | undefined> {
    const response = await this.request(
      `/rules/${encodeURIComponent(id)}`,
      options,
    );
    if (response.status === 404) {
      return undefined;
    }
    return this.json(response);
  }

  async listEntityWaivers(
    entity: EntityRefLike,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<WaiverList> {
    return this.json(
      await this.request(`${entityPath(entity)}/waivers`, options),
    );
  }

  async createWaiver(
    entity: EntityRefLike,
    waiver: NewWaiver,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<Waiver> {
    return this.json(
      await this.request(`${entityPath(entity)}/waivers`, options, {
        method: 'POST',
        body: JSON.stringify(waiver),
      }),
    );
  }

  async listWaivers(
    query: { status?: WaiverStatus[]; expiringWithinDays?: number } = {},
    options?: AlpineAdvisorRequestOptions,
  ): Promise<WaiverList> {
    return this.json(
      await this.request(`/waivers${toQueryString({ ...query })}`, options),
    );
  }

  async approveWaiver(
    id: string,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<Waiver> {
    return this.json(
      await this.request(
        `/waivers/${encodeURIComponent(id)}/approve`,
        options,
        { method: 'POST' },
      ),
    );
  }

  async revokeWaiver(
    id: string,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<Waiver> {
    return this.json(
      await this.request(`/waivers/${encodeURIComponent(id)}/revoke`, options, {
        method: 'POST',
      }),
    );
  }

  async listCampaigns(
    options?: AlpineAdvisorRequestOptions,
  ): Promise<CampaignList> {
    return this.json(await this.request('/campaigns', options));
  }

  async getCampaign(
    id: string,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<CampaignProgress> {
    return this.json(
      await this.request(`/campaigns/${encodeURIComponent(id)}`, options),
    );
  }

  async createCampaign(
    campaign: NewCampaign,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<Campaign> {
    return this.json(
      await this.request('/campaigns', options, {
        method: 'POST',
        body: JSON.stringify(campaign),
      }),
    );
  }

  async deleteCampaign(
    id: string,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<void> {
    const response = await this.request(
      `/campaigns/${encodeURIComponent(id)}`,
      options,
      { method: 'DELETE' },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
  }

  private async request(
    path: string,
    options: AlpineAdvisorRequestOptions | undefined,
    init: RequestInit = {},
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      ALPINE_ADVISOR_PLUGIN_ID,
    );
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (init.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (options?.token) {
      headers.Authorization = `Bearer ${options.token}`;
    }
    return this.fetchApi.fetch(`${baseUrl}${path}`, { ...init, headers });
  }

  private async json<T>(response: Response): Promise<T> {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function entityPath(entity: EntityRefLike): string {
  return refPath('/entities', entity);
}

function refPath(
  prefix: string,
  entity: EntityRefLike,
  defaultKind?: string,
): string {
  const { kind, namespace, name } =
    typeof entity === 'string'
      ? parseEntityRef(entity, { defaultKind })
      : entity;
  return `${prefix}/${[kind, namespace ?? 'default', name]
    .map(part => encodeURIComponent(part))
    .join('/')}`;
}
