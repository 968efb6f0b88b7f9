import type { RuleDescription } from '@alpine-advisor/analyzer';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  EntityHistory,
  EntityReport,
  OrgHistory,
  OrgHistoryQuery,
  OrgReport,
  ReportExportFormat,
  ReportFilter,
  ReportQuery,
  RescanResult,
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
  /** The filtered org report as a streamed CSV or JSON download. */
  exportReport(
    format: ReportExportFormat,
    filter?: ReportFilter,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<Response>;
  listRules(options?: AlpineAdvisorRequestOptions): Promise<RuleDescription[]>;
  /** A rule by id or alias (e.g. `hadolint:DL3019`); undefined when unknown. */
  getRule(
    id: string,
    options?: AlpineAdvisorRequestOptions,
  ): Promise<RuleDescription | undefined>;
}
