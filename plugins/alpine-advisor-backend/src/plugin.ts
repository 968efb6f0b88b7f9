import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createRouter } from './router';

/**
 * Alpine Advisor backend plugin: scans the catalog's Dockerfiles and serves
 * the reports.
 *
 * @public
 */
export const alpineAdvisorPlugin = createBackendPlugin({
  pluginId: 'alpine-advisor',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
      },
      async init({ httpRouter }) {
        httpRouter.use(await createRouter());
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
