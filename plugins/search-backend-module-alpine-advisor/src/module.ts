import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import {
  AlpineAdvisorFindingsCollatorFactory,
  AlpineAdvisorRuleCollatorFactory,
} from './collators';

const CONFIG_KEY = 'search.collators.alpineAdvisor';

/**
 * Adds Alpine Advisor's rules and per-entity findings to Backstage search
 * (two collators, `alpine-advisor-rule` and `alpine-advisor-findings`),
 * indexed on `search.collators.alpineAdvisor.schedule` (default every 10
 * minutes).
 * @public
 */
export const searchModuleAlpineAdvisor = createBackendModule({
  pluginId: 'search',
  moduleId: 'alpine-advisor',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        config,
        discovery,
        auth,
        logger,
        scheduler,
        indexRegistry,
      }) {
        const scheduleConfig = config.getOptionalConfig(
          `${CONFIG_KEY}.schedule`,
        );
        const schedule = scheduler.createScheduledTaskRunner(
          scheduleConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                scheduleConfig,
              )
            : {
                frequency: { minutes: 10 },
                timeout: { minutes: 15 },
                initialDelay: { seconds: 3 },
              },
        );
        const locations = {
          rule: config.getOptionalString(`${CONFIG_KEY}.locations.rule`),
          entity: config.getOptionalString(`${CONFIG_KEY}.locations.entity`),
        };
        const options = {
          discovery,
          auth,
          logger,
          locations: Object.fromEntries(
            Object.entries(locations).filter(([, value]) => value),
          ),
        };
        indexRegistry.addCollator({
          schedule,
          factory: new AlpineAdvisorRuleCollatorFactory(options),
        });
        indexRegistry.addCollator({
          schedule,
          factory: new AlpineAdvisorFindingsCollatorFactory(options),
        });
      },
    });
  },
});
