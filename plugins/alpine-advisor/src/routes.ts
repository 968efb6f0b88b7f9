import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The org-wide report page. */
export const rootRouteRef = createRouteRef({ id: 'alpine-advisor' });

/** The rule catalog, below the report page. */
export const rulesRouteRef = createSubRouteRef({
  id: 'alpine-advisor/rules',
  parent: rootRouteRef,
  path: '/rules',
});

/** The entity tab. */
export const entityContentRouteRef = createRouteRef({
  id: 'alpine-advisor/entity-content',
});
