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
  private readonly resolved = new Map<
    string,
    Readonly<EntitySourceLocation> | undefined
  >();

  constructor(private readonly integrations?: ScmIntegrationRegistry) {}

  resolve(entity: Entity): Readonly<EntitySourceLocation> | undefined {
    const annotations = entity.metadata.annotations ?? {};
    const sourceLocation = annotations[ANNOTATION_SOURCE_LOCATION];
    // A source location names a folder, a managed-by location a file in it:
    // the same text resolves differently as one or the other.
    const key =
      sourceLocation !== undefined
        ? `source:${sourceLocation}`
        : `managed-by:${annotations[ANNOTATION_LOCATION] ?? ''}`;
    if (this.resolved.has(key)) {
      return this.resolved.get(key);
    }
    if (this.resolved.size >= MAX_ENTRIES) {
      this.resolved.clear();
    }
    const location = resolveSourceLocation(entity, this.integrations);
    const kept = location && Object.freeze(location);
    this.resolved.set(key, kept);
    return kept;
  }
}
