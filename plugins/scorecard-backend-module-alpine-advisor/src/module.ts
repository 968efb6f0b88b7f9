import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scorecardMetricsExtensionPoint } from '@red-hat-developer-hub/backstage-plugin-scorecard-node';
import { createAlpineAdvisorMetricProviders } from './providers';

/**
 * Adds the Alpine Advisor metrics (`alpineAdvisor.score`,
 * `alpineAdvisor.breakingMusl`) to the RHDH Scorecard backend.
 * @public
 */
export const scorecardModuleAlpineAdvisor = createBackendModule({
  pluginId: 'scorecard',
  moduleId: 'alpine-advisor',
  register(env) {
    env.registerInit({
      deps: {
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        metrics: scorecardMetricsExtensionPoint,
      },
      async init({ discovery, auth, metrics }) {
        metrics.addMetricProvider(
          ...createAlpineAdvisorMetricProviders({ discovery, auth }),
        );
      },
    });
  },
});
