import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Catalog facts about an entity, stored with its results for filtering. */
export interface EntityMetadata {
  /** Lower-case entity ref, the store's key. */
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  domain?: string;
  lifecycle?: string;
  type?: string;
}

/** Catalog fields the sweep asks for: enough to scan and to denormalise. */
export const SCANNED_ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'spec.system',
  'spec.lifecycle',
  'spec.type',
];

/**
 * Entity refs are case-insensitive; the store keys them in lower case.
 * (`toLowerCase`, not the locale-aware variant: it runs several times per
 * entity per sweep, and refs are restricted to ASCII letters anyway.)
 */
export function entityKey(entity: Entity | string): string {
  const ref = typeof entity === 'string' ? entity : stringifyEntityRef(entity);
  return ref.toLowerCase();
}

/**
 * The catalog facts stored with an entity's results. `systemDomains` maps
 * system refs to their domain: components name their system, not its domain.
 */
export function toEntityMetadata(
  entity: Entity,
  systemDomains: ReadonlyMap<string, string>,
): EntityMetadata {
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const system = systemOf(entity);
  return {
    entityRef: entityKey(entity),
    kind: entity.kind.toLowerCase(),
    namespace,
    name: entity.metadata.name,
    title: entity.metadata.title,
    owner: relatedRef(spec.owner, 'group', namespace),
    system,
    domain: system ? systemDomains.get(system) : undefined,
    lifecycle: stringOrUndefined(spec.lifecycle),
    type: stringOrUndefined(spec.type),
  };
}

/** The system an entity names (`spec.system`), as a full lower-case ref. */
export function systemOf(entity: Entity): string | undefined {
  return relatedRef(
    (entity.spec as { system?: unknown } | undefined)?.system,
    'system',
    entity.metadata.namespace ?? 'default',
  );
}

/** A full, lower-case ref for a short reference such as `team-a` or `group:team-a`. */
export function relatedRef(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (typeof value !== 'string' || !value) {
    return undefined;
  }
  try {
    return entityKey(
      stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace }),
      ),
    );
  } catch {
    return undefined;
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
