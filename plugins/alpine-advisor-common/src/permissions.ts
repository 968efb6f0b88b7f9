import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading Alpine Advisor reports: an entity's report and history, the org
 * report and its export. Entity visibility is enforced on top of it through
 * the catalog (`catalog.entity.read`), with the caller's credentials.
 * @public
 */
export const alpineAdvisorReportReadPermission = createPermission({
  name: 'alpine-advisor.report.read',
  attributes: { action: 'read' },
});

/**
 * Triggering an on-demand rescan of one entity. It is a catalog-entity
 * resource permission so that policies can, for example, let owners rescan
 * their own components only.
 * @public
 */
export const alpineAdvisorScanTriggerPermission = createPermission({
  name: 'alpine-advisor.scan.trigger',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Recording a waiver (a rule, or one finding of it, accepted until a date)
 * on one entity, and revoking it. A catalog-entity resource permission, so
 * that policies can let owners waive findings of their own services only.
 * @public
 */
export const alpineAdvisorWaiverCreatePermission = createPermission({
  name: 'alpine-advisor.waiver.create',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Approving a waiver on one entity, when `alpineAdvisor.waivers.requireApproval`
 * is set (a waiver then applies only once approved). A catalog-entity
 * resource permission; an approver cannot approve their own waiver.
 * @public
 */
export const alpineAdvisorWaiverApprovePermission = createPermission({
  name: 'alpine-advisor.waiver.approve',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Declaring and deleting campaigns through the API (campaigns in app-config
 * need none). A basic permission: a campaign spans many services.
 * @public
 */
export const alpineAdvisorCampaignManagePermission = createPermission({
  name: 'alpine-advisor.campaign.manage',
  attributes: { action: 'create' },
});

/**
 * Ingesting a report of an entity's built image (what
 * `alpine-advisor image --format json` prints, posted from CI). A
 * catalog-entity resource permission, so
 * that policies can let a team's pipeline or people report on their own
 * services only. Service-to-service tokens (CI's static or JWKS tokens)
 * are decided by their `accessRestrictions` (`permission`), not the
 * policy, as everywhere in Backstage.
 * @public
 */
export const alpineAdvisorImageReportCreatePermission = createPermission({
  name: 'alpine-advisor.image-report.create',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Every permission the plugin defines. @public */
export const alpineAdvisorPermissions = [
  alpineAdvisorReportReadPermission,
  alpineAdvisorScanTriggerPermission,
  alpineAdvisorWaiverCreatePermission,
  alpineAdvisorWaiverApprovePermission,
  alpineAdvisorCampaignManagePermission,
  alpineAdvisorImageReportCreatePermission,
];
