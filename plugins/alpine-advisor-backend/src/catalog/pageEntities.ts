import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Pages through the catalog with a filter and a field list, following the
 * cursor: never one unbounded request, whatever the catalog's size.
 */
export async function* pageEntities(
  catalog: CatalogService,
  options: {
    filter: EntityFilterQuery;
    fields: string[];
    pageSize: number;
    credentials: BackstageCredentials;
  },
): AsyncGenerator<Entity[]> {
  let response = await catalog.queryEntities(
    {
      filter: options.filter,
      fields: options.fields,
      limit: options.pageSize,
      orderFields: { field: 'metadata.name', order: 'asc' },
    },
    { credentials: options.credentials },
  );
  for (;;) {
    if (response.items.length > 0) {
      yield response.items;
    }
    const cursor = response.pageInfo.nextCursor;
    if (!cursor) {
      return;
    }
    response = await catalog.queryEntities(
      { cursor, limit: options.pageSize },
      { credentials: options.credentials },
    );
  }
}
