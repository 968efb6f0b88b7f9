import type {
  ReportFilter,
  ScopeSummary,
} from '@alpine-advisor/backstage-plugin-common';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { entityKey } from '../catalog/entityMetadata';
import {
  groupAndDescendants,
  SCOPE_KINDS,
  ScopeKind,
  scopeFilters,
  scopeRelation,
} from '../catalog/scopeMembers';
import type { AccessControl } from './AccessControl';
import type { ReportService } from './report/ReportService';

/** How many of the lowest-scored services a summary names. */
export const WORST_SERVICES = 5;

export interface ScopeServiceOptions {
  catalog: CatalogService;
  access: AccessControl;
  reports: ReportService;
  /** The catalog filter of the scanned entities. */
  scanned: EntityFilterQuery;
}

/**
 * Team, system and domain views: which stored services a Group (with its
 * child groups), a System or a Domain holds, as the catalog relates them,
 * summed up by the report service over the services the caller may read.
 *
 * The scope is the org report's own filter (owner among the group and its
 * descendants, the system, the domain; the store keeps each component's
 * owner, system and its system's domain from the catalog), so the numbers
 * match the report page the summary links to. Who may read what is the
 * catalog's decision with the caller's credentials: an outright allow costs
 * one decision; a conditional one lists the scope's components to the
 * caller through their catalog relations.
 */
export class ScopeService {
  constructor(private readonly options: ScopeServiceOptions) {}

  /** Undefined when the scope is not in the catalog or the caller may not read it. */
  async getSummary(
    scopeRef: string,
    credentials: BackstageCredentials,
    sinceDay: string,
  ): Promise<ScopeSummary | undefined> {
    const kind = scopeKindOf(scopeRef);
    const { catalog, access, reports, scanned } = this.options;
    const scope = await access.visibleEntity(scopeRef, credentials);
    if (!scope || scope.kind.toLowerCase() !== kind) {
      return undefined;
    }
    const entityRef = entityKey(scope);
    const owners =
      kind === 'group'
        ? await groupAndDescendants(catalog, scope, credentials)
        : [];
    const filter: ReportFilter =
      kind === 'group' ? { owner: owners } : { [kind]: [entityRef] };
    const visibility = await access.scopeVisibility(
      credentials,
      scopeFilters(scanned, scopeRelation(kind, scope, owners)),
    );
    const [report, history] = await Promise.all([
      reports.queryReport(
        { ...filter, sort: 'score', order: 'asc', pageSize: WORST_SERVICES },
        visibility,
      ),
      reports.getOrgHistory(filter, visibility, sinceDay),
    ]);
    return {
      entityRef,
      kind,
      filter,
      summary: report.summary,
      // Sorted with unscored services last: those are no one's worst.
      worstServices: report.items.filter(item => item.score !== null),
      trend: history.points,
    };
  }
}

/** The scope kind of a ref; anything else is the caller's mistake. */
function scopeKindOf(scopeRef: string): ScopeKind {
  const kind = parseEntityRef(scopeRef).kind.toLowerCase();
  const found = SCOPE_KINDS.find(candidate => candidate === kind);
  if (!found) {
    throw new InputError(
      `Summaries are kept for ${SCOPE_KINDS.join(
        ', ',
      )} entities, not for kind "${kind.slice(0, 80)}"`,
    );
  }
  return found;
}
