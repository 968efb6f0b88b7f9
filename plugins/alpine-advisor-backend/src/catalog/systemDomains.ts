import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { entityKey, relatedRef } from './entityMetadata';
import { pageEntities } from './pageEntities';

/** System ref → domain ref, for denormalising each component's domain. */
export async function loadSystemDomains(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  pageSize: number,
): Promise<Map<string, string>> {
  const domains = new Map<string, string>();
  for await (const page of pageEntities(catalog, {
    filter: { kind: 'System' },
    fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.domain'],
    pageSize,
    credentials,
  })) {
    for (const system of page) {
      const domain = relatedRef(
        (system.spec as { domain?: unknown } | undefined)?.domain,
        'domain',
        system.metadata.namespace ?? 'default',
      );
      if (domain) {
        domains.set(entityKey(system), domain);
      }
    }
  }
  return domains;
}
