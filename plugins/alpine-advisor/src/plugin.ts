import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { alpineAdvisorApiRef, createAlpineAdvisorClient } from './api';
import {
  entityContentRouteRef,
  rootRouteRef,
  scopeContentRouteRef,
} from './routes';

/** The Alpine Advisor plugin for the legacy frontend system. @public */
export const alpineAdvisorPlugin = createPlugin({
  id: 'alpine-advisor',
  apis: [
    createApiFactory({
      api: alpineAdvisorApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: createAlpineAdvisorClient,
    }),
  ],
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
    scopeContent: scopeContentRouteRef,
  },
});

/** The org-wide report and rule catalog page. @public */
export const AlpineAdvisorPage = alpineAdvisorPlugin.provide(
  createRoutableExtension({
    name: 'AlpineAdvisorPage',
    component: () =>
      import('./components/AlpineAdvisorPage').then(m => m.AlpineAdvisorPage),
    mountPoint: rootRouteRef,
  }),
);

/** The entity overview card. @public */
export const EntityAlpineAdvisorCard = alpineAdvisorPlugin.provide(
  createComponentExtension({
    name: 'EntityAlpineAdvisorCard',
    component: {
      lazy: () =>
        import('./components/EntityAlpineAdvisorCard').then(
          m => m.EntityAlpineAdvisorCard,
        ),
    },
  }),
);

/** The entity tab with findings and fixes. @public */
export const EntityAlpineAdvisorContent = alpineAdvisorPlugin.provide(
  createRoutableExtension({
    name: 'EntityAlpineAdvisorContent',
    component: () =>
      import('./components/EntityAlpineAdvisorContent').then(
        m => m.EntityAlpineAdvisorContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * The card of a Group (with its child groups), System or Domain: the
 * Dockerfile health of its services. Show it where
 * `isAlpineAdvisorScopeAvailable` holds.
 * @public
 */
export const EntityAlpineAdvisorScopeCard = alpineAdvisorPlugin.provide(
  createComponentExtension({
    name: 'EntityAlpineAdvisorScopeCard',
    component: {
      lazy: () =>
        import('./components/EntityAlpineAdvisorScopeCard').then(
          m => m.EntityAlpineAdvisorScopeCard,
        ),
    },
  }),
);

/** The tab of a Group, System or Domain with its services' full summary. @public */
export const EntityAlpineAdvisorScopeContent = alpineAdvisorPlugin.provide(
  createRoutableExtension({
    name: 'EntityAlpineAdvisorScopeContent',
    component: () =>
      import('./components/EntityAlpineAdvisorScopeContent').then(
        m => m.EntityAlpineAdvisorScopeContent,
      ),
    mountPoint: scopeContentRouteRef,
  }),
);
