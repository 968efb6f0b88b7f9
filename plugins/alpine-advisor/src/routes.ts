import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The org-wide report page. */
export const rootRouteRef = createRouteRef({ id: 'alpine-advisor' });

/** The rule catalog, below the report page. */
export const rulesRouteRef = createSubRouteRef({
  id: 'alpine-advisor/rules',
  parent: rootRouteRef,
  path: '/rules',
});

/** The campaigns, below the report page. */
export const campaignsRouteRef = createSubRouteRef({
  id: 'alpine-advisor/campaigns',
  parent: rootRouteRef,
  path: '/campaigns',
});

/** The entity tab. */
export const entityContentRouteRef = createRouteRef({
  id: 'alpine-advisor/entity-content',
});

/** The tab of a Group, System or Domain. */
export const scopeContentRouteRef = createRouteRef({
  id: 'alpine-advisor/scope-content',
});
