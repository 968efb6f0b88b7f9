import {
  alpineAdvisorCampaignManagePermission,
  alpineAdvisorScanTriggerPermission,
  alpineAdvisorWaiverApprovePermission,
} from '@alpine-advisor/backstage-plugin-common';
import {
  catalogEntityReadPermission,
  RESOURCE_TYPE_CATALOG_ENTITY,
} from '@backstage/plugin-catalog-common/alpha';
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
 * (restricted) users may read only catalog entities their groups own, may
 * waive findings of those only (waiver.create is a catalog-entity resource
 * permission: the same ownership condition), report their built images only
 * (image-report.create, likewise) and may not trigger Alpine
 * Advisor rescans, approve waivers nor manage campaigns; everyone else may
 * do everything.
 * The organisation's groups and users are readable by all.
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
    if (
      isPermission(request.permission, alpineAdvisorScanTriggerPermission) ||
      isPermission(request.permission, alpineAdvisorWaiverApprovePermission) ||
      isPermission(request.permission, alpineAdvisorCampaignManagePermission)
    ) {
      return { result: AuthorizeResult.DENY };
    }
    if (
      isResourcePermission(request.permission, RESOURCE_TYPE_CATALOG_ENTITY)
    ) {
      const owned = catalogConditions.isEntityOwner({
        claims: user.info.ownershipEntityRefs,
      });
      if (!isPermission(request.permission, catalogEntityReadPermission)) {
        return createCatalogConditionalDecision(request.permission, owned);
      }
      return createCatalogConditionalDecision(request.permission, {
        anyOf: [
          owned,
          // The organisation itself (groups and people) is public, as in
          // most portals; services are not.
          catalogConditions.isEntityKind({ kinds: ['Group', 'User'] }),
        ],
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
