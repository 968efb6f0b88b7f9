import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { ALPINE_ADVISOR_FACT_RETRIEVER_ID } from './facts';
import { alpineAdvisorFactRetriever } from './retriever';

/**
 * Adds the Alpine Advisor fact retriever to the tech-insights backend. It
 * runs when `techInsights.factRetrievers.alpineAdvisorFactRetriever.cadence`
 * is configured, as every tech-insights retriever.
 * @public
 */
export const techInsightsModuleAlpineAdvisor = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'alpine-advisor',
  register(env) {
    env.registerInit({
      deps: { techInsights: techInsightsFactRetrieversExtensionPoint },
      async init({ techInsights }) {
        techInsights.addFactRetrievers({
          [ALPINE_ADVISOR_FACT_RETRIEVER_ID]: alpineAdvisorFactRetriever,
        });
      },
    });
  },
});
