import type { Entity } from '@backstage/catalog-model';

/** The name of service `index` on the fault server and in the catalog. */
export const serviceName = (index: number) => `svc-${index}`;

/**
 * Components whose one Dockerfile is listed in the annotation and served by
 * the fault server (read through the fetch UrlReader, which lists no trees).
 */
export function syntheticServices(count: number, scmBaseUrl: string): Entity[] {
  return Array.from({ length: count }, (_, index) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: serviceName(index),
      namespace: 'default',
      uid: `uid-${serviceName(index)}`,
      annotations: {
        'backstage.io/source-location': `url:${scmBaseUrl}/${serviceName(
          index,
        )}/`,
        'alpine-advisor.io/dockerfiles': 'Dockerfile',
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `team-${index % 3}`,
    },
  }));
}
