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
 * N synthetic components spread over 40 teams (in 8 departments of one
 * organisation group), 25 systems and 5 domains, whose
 * Dockerfiles (1–3) live on the bench SCM server.
 */
export function syntheticEntities(
  count: number,
  scmBaseUrl: string,
  reader: BenchReader = 'fetch',
): Entity[] {
  const entities: Entity[] = [];
  // org ─ dept-0…7 ─ team-0…39 (team i in dept i % 8): group summaries
  // aggregate through parentOf relations, as the catalog relates groups.
  const group = (
    name: string,
    children: string[],
    parent?: string,
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children },
    relations: [
      ...children.map(child => ({
        type: 'parentOf',
        targetRef: `group:default/${child}`,
      })),
      ...(parent
        ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
        : []),
    ],
  });
  const depts = Array.from({ length: 8 }, (_, dept) => `dept-${dept}`);
  entities.push(group('org', depts));
  for (let dept = 0; dept < 8; dept++) {
    const teams = Array.from({ length: 40 }, (_, team) => team)
      .filter(team => team % 8 === dept)
      .map(team => `team-${team}`);
    entities.push(group(`dept-${dept}`, teams, 'org'));
    for (const team of teams) {
      entities.push(group(team, [], `dept-${dept}`));
    }
  }
  for (let domain = 0; domain < 5; domain++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name: `domain-${domain}`, namespace: 'default' },
      spec: { owner: 'org' },
      relations: Array.from({ length: 25 }, (_, system) => system)
        .filter(system => system % 5 === domain)
        .map(system => ({
          type: 'hasPart',
          targetRef: `system:default/system-${system}`,
        })),
    });
  }
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
 * `queryEntities` filtered by kind and `metadata.uid`, `getEntityByRef` and
 * `getEntitiesByRefs`.
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
  const matchesField = (entity: Entity, key: string, value: string) => {
    if (key === 'kind') {
      return entity.kind.toLocaleLowerCase() === value.toLocaleLowerCase();
    }
    if (key === 'metadata.uid') {
      return entity.metadata.uid === value;
    }
    if (key.startsWith('metadata.annotations.')) {
      const annotation =
        entity.metadata.annotations?.[
          key.slice('metadata.annotations.'.length)
        ];
      return annotation?.toLocaleLowerCase() === value.toLocaleLowerCase();
    }
    return true;
  };
  const matches = (entity: Entity, filter?: Record<string, string>) =>
    !filter ||
    Object.entries(filter).every(([key, value]) =>
      matchesField(entity, key, value),
    );
  // The entities do not change: each filter's matches are found once, as
  // a real catalog's index would, not again for every page.
  const matchesByFilter = new Map<string, Entity[]>();
  const matching = (filter?: Record<string, string>) => {
    const key = JSON.stringify(filter ?? {});
    let list = matchesByFilter.get(key);
    if (!list) {
      list = entities.filter(entity => matches(entity, filter));
      matchesByFilter.set(key, list);
    }
    return list;
  };
  const page = (query: Query) => {
    const found = matching(query.filter);
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
    async getEntitiesByRefs(request: { entityRefs: string[] }) {
      return {
        items: request.entityRefs.map(ref =>
          byRef.get(ref.toLocaleLowerCase()),
        ),
      };
    },
  };
  return catalog as unknown as CatalogService;
}
