import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/**
 * A catalog whose answers depend on who asks: `hiddenFrom` maps a user entity
 * ref to the entity refs that user may not read, as a permission policy
 * would. Service principals see everything.
 */
export function visibilityCatalogFactory(
  entities: Entity[],
  hiddenFrom: Record<string, string[]> = {},
  /** Called with the filter of each first-page `queryEntities` request. */
  onQuery?: (filter: unknown) => void,
) {
  const inner = catalogServiceMock({ entities });
  const hiddenFor = (options?: object) => {
    const credentials = (options as { credentials?: BackstageCredentials })
      ?.credentials;
    const principal = credentials?.principal as
      | { userEntityRef?: string }
      | undefined;
    return new Set(hiddenFrom[principal?.userEntityRef ?? ''] ?? []);
  };
  const visible = (entity: Entity | undefined, hidden: Set<string>) => {
    if (!entity?.kind || !entity.metadata?.name) {
      // Projections without the ref fields cannot be checked; tests ask for them.
      return entity;
    }
    return hidden.has(stringifyEntityRef(entity)) ? undefined : entity;
  };

  const catalog: typeof inner = Object.create(inner);
  catalog.getEntityByRef = async (ref, options) =>
    visible(await inner.getEntityByRef(ref, options), hiddenFor(options));
  catalog.queryEntities = async (request, options) => {
    if (request && 'filter' in request) {
      onQuery?.(request.filter);
    }
    const response = await inner.queryEntities(request, options);
    const hidden = hiddenFor(options);
    return {
      ...response,
      items: response.items.filter(entity => visible(entity, hidden)),
    };
  };
  catalog.getEntitiesByRefs = async (request, options) => {
    const response = await inner.getEntitiesByRefs(request, options);
    const hidden = hiddenFor(options);
    return {
      ...response,
      items: response.items.map(entity => visible(entity, hidden)),
    };
  };
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}
