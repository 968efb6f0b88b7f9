import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { alpineAdvisorApiRef, createAlpineAdvisorClient } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

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
