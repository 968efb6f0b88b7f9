import { AlpineAdvisorClient } from '@alpine-advisor/backstage-plugin-common';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';

/** The API implementation both frontend systems register. */
export function createAlpineAdvisorClient(deps: {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}) {
  return new AlpineAdvisorClient(deps);
}
