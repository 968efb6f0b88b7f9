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

/** Every permission the plugin defines. @public */
export const alpineAdvisorPermissions = [
  alpineAdvisorReportReadPermission,
  alpineAdvisorScanTriggerPermission,
];
