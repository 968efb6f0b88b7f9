import type { EntitySourceLocation } from '@alpine-advisor/backstage-plugin-node';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { resolveSourceLocation } from './resolveSourceLocation';

/** Locations kept before the cache starts over: more than a large catalog has. */
const MAX_ENTRIES = 50_000;

/**
 * `resolveSourceLocation`, remembered by the annotation it resolves. Every
 * sweep resolves every entity's source again, and parsing its URL was a
 * tenth of the plugin's own work in an unchanged re-sweep.
 */
export class SourceLocationCache {
  // A source location names a folder, a managed-by location a file in it:
  // the same text resolves differently as one or the other. Two maps keyed
  // by the annotation's own text, rather than one by a composed key: that
  // key was a new string to hash for every entity of every sweep.
  private readonly bySource = new Map<string, ResolvedLocation>();
  private readonly byManagedBy = new Map<string, ResolvedLocation>();

  constructor(private readonly integrations?: ScmIntegrationRegistry) {}

  resolve(entity: Entity): ResolvedLocation {
    const annotations = entity.metadata.annotations ?? {};
    const sourceLocation = annotations[ANNOTATION_SOURCE_LOCATION];
    const resolved =
      sourceLocation !== undefined ? this.bySource : this.byManagedBy;
    const key = sourceLocation ?? annotations[ANNOTATION_LOCATION] ?? '';
    const known = resolved.get(key);
    if (known !== undefined || resolved.has(key)) {
      return known;
    }
    if (this.bySource.size + this.byManagedBy.size >= MAX_ENTRIES) {
      this.bySource.clear();
      this.byManagedBy.clear();
    }
    const location = resolveSourceLocation(entity, this.integrations);
    const kept = location && Object.freeze(location);
    resolved.set(key, kept);
    return kept;
  }
}

type ResolvedLocation = Readonly<EntitySourceLocation> | undefined;
