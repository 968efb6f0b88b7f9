import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import {
  Entity,
  parseEntityRef,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { chunk } from '../database/chunk';
import { entityKey } from './entityMetadata';

/** Entity kinds whose services can be summed up as a scope. */
export type ScopeKind = 'group' | 'system' | 'domain';

export const SCOPE_KINDS: readonly ScopeKind[] = ['group', 'system', 'domain'];

/** Refs per catalog request when a scope names many groups or systems. */
const REFS_PER_REQUEST = 100;

/** Fields the group walk reads of each child group. */
const GROUP_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'relations',
];

/**
 * A scope's services, in catalog terms: `key` is the relation its
 * components have with one of `targets` (`relations.ownedBy` a group,
 * `relations.partOf` a system).
 */
export interface ScopeRelation {
  key: string;
  targets: string[];
}

/**
 * The related targets of `entity` of one relation type and kind, lower-case
 * (relations are stored with full refs).
 */
function relatedRefs(entity: Entity, type: string, kind: string): string[] {
  const refs = new Set<string>();
  for (const relation of entity.relations ?? []) {
    if (relation.type !== type) {
      continue;
    }
    try {
      if (parseEntityRef(relation.targetRef).kind.toLowerCase() === kind) {
        refs.add(entityKey(relation.targetRef));
      }
    } catch {
      // A malformed ref relates to nothing we can count.
    }
  }
  return [...refs];
}

/**
 * The group and every group below it through `parentOf` relations, as the
 * org plugin's ownership card aggregates a group's ownership: child groups
 * are read with the caller's credentials, so a child group the caller may
 * not read is not descended into (nor counted). Cycles stop at groups seen
 * before. Lower-case refs, the group first.
 */
export async function groupAndDescendants(
  catalog: CatalogService,
  group: Entity,
  credentials: BackstageCredentials,
): Promise<string[]> {
  const seen = new Set([entityKey(group)]);
  let frontier = [group];
  while (frontier.length > 0) {
    const children = [
      ...new Set(
        frontier.flatMap(parent =>
          relatedRefs(parent, RELATION_PARENT_OF, 'group'),
        ),
      ),
    ].filter(ref => !seen.has(ref));
    if (children.length === 0) {
      break;
    }
    const next: Entity[] = [];
    for (const refs of chunk(children, REFS_PER_REQUEST)) {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: refs, fields: GROUP_FIELDS },
        { credentials },
      );
      for (const child of items) {
        if (child && !seen.has(entityKey(child))) {
          seen.add(entityKey(child));
          next.push(child);
        }
      }
    }
    frontier = next;
  }
  return [...seen];
}

/**
 * How the scope's components relate to it in the catalog: owned by the
 * group or one of its descendants, part of the system, or part of one of
 * the domain's systems.
 */
export function scopeRelation(
  kind: ScopeKind,
  scope: Entity,
  owners: string[],
): ScopeRelation {
  if (kind === 'group') {
    return { key: `relations.${RELATION_OWNED_BY}`, targets: owners };
  }
  if (kind === 'system') {
    return {
      key: `relations.${RELATION_PART_OF}`,
      targets: [entityKey(scope)],
    };
  }
  return {
    key: `relations.${RELATION_PART_OF}`,
    targets: relatedRefs(scope, RELATION_HAS_PART, 'system'),
  };
}

/**
 * The scanned scope's filter narrowed to components with the relation, one
 * filter per batch of targets (the catalog ORs values within a key and
 * filter records, and ANDs keys within a record).
 */
export function scopeFilters(
  scanned: EntityFilterQuery,
  relation: ScopeRelation,
): EntityFilterQuery[] {
  const records = Array.isArray(scanned) ? scanned : [scanned];
  return chunk(relation.targets, REFS_PER_REQUEST).map(targets =>
    records.map(record => ({ ...record, [relation.key]: targets })),
  );
}
