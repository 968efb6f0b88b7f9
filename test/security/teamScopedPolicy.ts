import { alpineAdvisorScanTriggerPermission } from '@alpine-advisor/backstage-plugin-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';

/**
 * A real permission policy of the kind platform teams write: the listed
 * (restricted) users may read only catalog entities their groups own and may
 * not trigger Alpine Advisor rescans; everyone else may do everything.
 * Catalog reads become conditional decisions (`isEntityOwner`) that the
 * catalog itself applies, so the plugin only sees what the catalog lets
 * through.
 */
export class TeamScopedPolicy implements PermissionPolicy {
  constructor(private readonly restrictedUsers: ReadonlySet<string>) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const userEntityRef = user?.info.userEntityRef;
    if (!user || !userEntityRef || !this.restrictedUsers.has(userEntityRef)) {
      return { result: AuthorizeResult.ALLOW };
    }
    // Before the catalog-entity rule below: rescans are catalog-entity
    // resource permissions too.
    if (isPermission(request.permission, alpineAdvisorScanTriggerPermission)) {
      return { result: AuthorizeResult.DENY };
    }
    if (
      isResourcePermission(request.permission, RESOURCE_TYPE_CATALOG_ENTITY)
    ) {
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.isEntityOwner({
          claims: user.info.ownershipEntityRefs,
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
