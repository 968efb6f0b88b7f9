import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** Alpine Advisor's rules and per-entity findings in Backstage search. */
      alpineAdvisor?: {
        /** How often to index; default every 10 minutes (15 min timeout, 3 s initial delay). */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Where documents link to in the app. */
        locations?: {
          /** Default `/alpine-advisor/rules#{ruleId}`. */
          rule?: string;
          /** Default `/catalog/{namespace}/{kind}/{name}/alpine-advisor`. */
          entity?: string;
        };
      };
    };
  };
}
