import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

const FILES = [
  'Dockerfile',
  'apps/worker/Dockerfile',
  'deploy/Dockerfile.migrations',
];
const LIFECYCLES = ['production', 'experimental', 'deprecated'];

/** Service i has its first 1 + i % 3 files. */
const filesOf = (index: number) => FILES.slice(0, 1 + (index % 3));

/** How many Dockerfiles `count` services have between them. */
export function dockerfileCount(count: number): number {
  let total = 0;
  for (let index = 0; index < count; index++) {
    total += filesOf(index).length;
  }
  return total;
}

/**
 * How the backend reads the bench SCM: `fetch`, raw files listed in the
 * annotation, one conditional request each (the FetchUrlReader has no tree
 * listing); `github`, no annotation, each repository discovered by the
 * GithubUrlReader's `readTree` and compared by commit.
 */
export type BenchReader = 'fetch' | 'github';

/**
 * N synthetic components spread over 40 teams, 25 systems and 5 domains, whose
 * Dockerfiles (1–3) live on the bench SCM server.
 */
export function syntheticEntities(
  count: number,
  scmBaseUrl: string,
  reader: BenchReader = 'fetch',
): Entity[] {
  const entities: Entity[] = [];
  for (let system = 0; system < 25; system++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `system-${system}`, namespace: 'default' },
      spec: { owner: `team-${system % 40}`, domain: `domain-${system % 5}` },
    });
  }
  for (let index = 0; index < count; index++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `svc-${index}`,
        namespace: 'default',
        uid: `uid-svc-${index}`,
        title: `Service ${index}`,
        annotations:
          reader === 'github'
            ? {
                'backstage.io/source-location': `url:${scmBaseUrl}/org/svc-${index}/tree/main/`,
              }
            : {
                'backstage.io/source-location': `url:${scmBaseUrl}/svc-${index}/`,
                'alpine-advisor.io/dockerfiles': filesOf(index).join(','),
              },
      },
      spec: {
        type: 'service',
        lifecycle: LIFECYCLES[index % 3],
        owner: `team-${index % 40}`,
        system: `system-${index % 25}`,
      },
    });
  }
  return entities;
}

/**
 * A catalog in memory with what the plugin uses: cursor paging of
 * `queryEntities` filtered by kind and `metadata.uid`, and `getEntityByRef`.
 * (The in-memory catalog from the test utils re-flattens every entity on
 * every call, which would dominate a 10,000-entity sweep.)
 */
export function benchCatalog(entities: Entity[]): CatalogService {
  const byRef = new Map(
    entities.map(entity => [
      stringifyEntityRef(entity).toLocaleLowerCase(),
      entity,
    ]),
  );
  type Query = {
    filter?: Record<string, string>;
    offset: number;
    limit: number;
  };
  const matches = (entity: Entity, filter?: Record<string, string>) =>
    !filter ||
    Object.entries(filter).every(([key, value]) =>
      key === 'kind'
        ? entity.kind.toLocaleLowerCase() === value.toLocaleLowerCase()
        : key === 'metadata.uid'
        ? entity.metadata.uid === value
        : true,
    );
  const page = (query: Query) => {
    const found = entities.filter(entity => matches(entity, query.filter));
    const items = found.slice(query.offset, query.offset + query.limit);
    const next = query.offset + query.limit;
    return {
      items,
      totalItems: found.length,
      pageInfo:
        next < found.length
          ? {
              nextCursor: Buffer.from(
                JSON.stringify({ ...query, offset: next }),
              ).toString('base64'),
            }
          : {},
    };
  };
  const catalog = {
    async queryEntities(request: any) {
      if (request && 'cursor' in request) {
        return page(
          JSON.parse(Buffer.from(request.cursor, 'base64').toString()),
        );
      }
      const filter = [request?.filter ?? {}].flat()[0];
      return page({
        filter,
        offset: 0,
        limit: request?.limit ?? entities.length,
      });
    },
    async getEntityByRef(ref: string) {
      return byRef.get(ref.toLocaleLowerCase());
    },
  };
  return catalog as unknown as CatalogService;
}
