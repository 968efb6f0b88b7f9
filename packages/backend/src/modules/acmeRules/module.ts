import { createBackendModule } from '@backstage/backend-plugin-api';
import { alpineAdvisorRulesExtensionPoint } from '@alpine-advisor/backstage-plugin-node';
import { acmeEdgeRepositoryRule } from './edgeRepositoryRule';

/** Adds Acme's organisation rules to every Alpine Advisor scan. */
export const acmeRulesModule = createBackendModule({
  pluginId: 'alpine-advisor',
  moduleId: 'acme-rules',
  register(env) {
    env.registerInit({
      deps: { rules: alpineAdvisorRulesExtensionPoint },
      async init({ rules }) {
        rules.addRules(acmeEdgeRepositoryRule);
      },
    });
  },
});
