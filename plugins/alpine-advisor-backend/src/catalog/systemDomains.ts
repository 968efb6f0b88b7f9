import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { entityKey, relatedRef, systemOf } from './entityMetadata';
import { pageEntities } from './pageEntities';

/** System ref → domain ref, for denormalising each component's domain. */
export type SystemDomains = ReadonlyMap<string, string>;

/** The domain a system entity names (`spec.domain`), as a full lower-case ref. */
function domainOf(system: Entity): string | undefined {
  return relatedRef(
    (system.spec as { domain?: unknown } | undefined)?.domain,
    'domain',
    system.metadata.namespace ?? 'default',
  );
}

/** Every system's domain, for a sweep: one listing of the catalog's systems. */
export async function loadSystemDomains(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  pageSize: number,
): Promise<SystemDomains> {
  const domains = new Map<string, string>();
  for await (const page of pageEntities(catalog, {
    filter: { kind: 'System' },
    fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.domain'],
    pageSize,
    credentials,
  })) {
    for (const system of page) {
      const domain = domainOf(system);
      if (domain) {
        domains.set(entityKey(system), domain);
      }
    }
  }
  return domains;
}

/** The domain of one entity's system, for a rescan: one catalog read. */
export async function loadSystemDomainOf(
  catalog: CatalogService,
  entity: Entity,
  credentials: BackstageCredentials,
): Promise<SystemDomains> {
  const system = systemOf(entity);
  if (!system) {
    return new Map();
  }
  const found = await catalog.getEntityByRef(system, { credentials });
  const domain = found ? domainOf(found) : undefined;
  return domain ? new Map([[system, domain]]) : new Map();
}

/** The domains of the systems some entities name, for rescans of a few: one catalog read. */
export async function loadSystemDomainsOf(
  catalog: CatalogService,
  entities: Entity[],
  credentials: BackstageCredentials,
): Promise<SystemDomains> {
  const systems = [
    ...new Set(
      entities
        .map(entity => systemOf(entity))
        .filter((ref): ref is string => ref !== undefined),
    ),
  ];
  const domains = new Map<string, string>();
  if (systems.length === 0) {
    return domains;
  }
  const { items } = await catalog.getEntitiesByRefs(
    {
      entityRefs: systems,
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.domain'],
    },
    { credentials },
  );
  for (const system of items) {
    const domain = system ? domainOf(system) : undefined;
    if (system && domain) {
      domains.set(entityKey(system), domain);
    }
  }
  return domains;
}
