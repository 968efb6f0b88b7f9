import type { AlpineAdvisorApi } from '@alpine-advisor/backstage-plugin-common';
import { createApiRef } from '@backstage/core-plugin-api';

/** The Alpine Advisor backend client, as provided to components. @public */
export const alpineAdvisorApiRef = createApiRef<AlpineAdvisorApi>({
  id: 'plugin.alpine-advisor.service',
});
