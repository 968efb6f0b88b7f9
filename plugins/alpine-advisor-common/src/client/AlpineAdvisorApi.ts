import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  Campaign,
  CampaignList,
  CampaignProgress,
  EntityHistory,
  EntityReport,
  KnowledgeStatus,
  NewCampaign,
  OrgHistory,
  OrgHistoryQuery,
  OrgReport,
  ReportExportFormat,
  ReportFilter,
  ReportQuery,
  RescanResult,
  RuleDescription,
  ScopeSummary,
  ScopeSummaryQuery,
  NewWaiver,
  Waiver,
  WaiverList,
  WaiverStatus,
} from '../api/types';

/** Per-call options; `token` is for backend-to-backend calls without a fetchApi that signs requests. @public */
export interface AlpineAdvisorRequestOptions {
  token?: string;
}

/** An entity given as a ref string (`component:default/orders`) or a compound ref. @public */
export type EntityRefLike = string | CompoundEntityRef;

/** What the Alpine Advisor backend offers to the frontend and to other backends. @public */
export interface AlpineAdvisorApi {
  /** The entity's latest report; undefined when it has not been scanned or is not visible to the caller. */
  getEntityReport(
    entity: EntityRefLike,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<EntityReport | undefined>;
  /** Daily scores, oldest first. `days` limits the window (default: the whole retention). */
  getEntityHistory(
    entity: EntityRefLike,
    query?: { days?: number },
    options?: AlpineAdvisorRequestOptions,
  ): Promise<EntityHistory>;
  /** Scans the entity now; rejects with a 429 ResponseError when rescanned too recently. */
  rescanEntity(
    entity: EntityRefLike,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<RescanResult>;
  getReport(
    query?: ReportQuery,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<OrgReport>;
  /** The org trend: daily figures over the entities matching the filter that the caller may see. */
  getOrgHistory(
    query?: OrgHistoryQuery,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<OrgHistory>;
  /**
   * The Dockerfile health of a Group (with its child groups), System or
   * Domain over the services the caller may read; undefined when the scope
   * is not in the catalog or not visible to the caller.
   */
  getScopeSummary(
    scope: EntityRefLike,
    query?: ScopeSummaryQuery,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<ScopeSummary | undefined>;
  /** The filtered org report as a streamed CSV or JSON download. */
  exportReport(
    format: ReportExportFormat,
    filter?: ReportFilter,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<Response>;
  listRules(options?: AlpineAdvisorRequestOptions): Promise<RuleDescription[]>;
  /** The knowledge version, tables and where the release data comes from. */
  getKnowledge(options?: AlpineAdvisorRequestOptions): Promise<KnowledgeStatus>;
  /** A rule by id or alias (e.g. `hadolint:DL3019`); undefined when unknown. */
  getRule(
    id: string,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<RuleDescription | undefined>;
  /** The entity's waivers (all states), newest first, with their counts. */
  listEntityWaivers(
    entity: EntityRefLike,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<WaiverList>;
  /** Records a waiver; needs `alpine-advisor.waiver.create` on the entity. */
  createWaiver(
    entity: EntityRefLike,
    waiver: NewWaiver,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<Waiver>;
  /** Waivers of every entity the caller may read. */
  listWaivers(
    query?: { status?: WaiverStatus[]; expiringWithinDays?: number },
    options?: AlpineAdvisorRequestOptions,
  ): Promise<WaiverList>;
  /** Approves a pending waiver; needs `alpine-advisor.waiver.approve` on its entity. */
  approveWaiver(
    id: string,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<Waiver>;
  /** Revokes a waiver. */
  revokeWaiver(
    id: string,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<Waiver>;
  /** Every campaign with its standing over the services the caller may read. */
  listCampaigns(options?: AlpineAdvisorRequestOptions): Promise<CampaignList>;
  /** A campaign's standing, burn-down and owners' progress. */
  getCampaign(
    id: string,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<CampaignProgress>;
  /** Declares a campaign; needs `alpine-advisor.campaign.manage`. */
  createCampaign(
    campaign: NewCampaign,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<Campaign>;
  /** Deletes a campaign created through the API; needs `alpine-advisor.campaign.manage`. */
  deleteCampaign(
    id: string,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<void>;
}
