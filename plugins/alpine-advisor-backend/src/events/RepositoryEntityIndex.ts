import {
  ALPINE_ADVISOR_DISABLED_ANNOTATION,
  ALPINE_ADVISOR_DOCKERFILES_ANNOTATION,
} from '@alpine-advisor/backstage-plugin-common';
import { parseDockerfilePatterns } from '@alpine-advisor/repository-layout';
import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { SCANNED_ENTITY_FIELDS, entityKey } from '../catalog/entityMetadata';
import { pageEntities } from '../catalog/pageEntities';
import { chunk } from '../database/chunk';
import { resolveSourceLocation } from '../sources/resolveSourceLocation';
import type { DatabaseEventRescanStore } from './DatabaseEventRescanStore';
import { matchPush } from './matchPush';
import type { RepositoryPush } from './pushEvents';

/** Which entities a push concerns, and what it means to each. */
export interface PushTargets {
  /**
   * Entities of the pushed repository: stored ones whose source lies in it,
   * and those naming it by `github.com/project-slug` or `gitlab.com/project-slug`.
   */
  candidates: number;
  /** Those whose Dockerfiles or config the push changed: to rescan. */
  affected: string[];
  /** On the pushed branch, but the push changed none of their files. */
  unaffected: number;
  /** In the repository, on another branch (or pinned to a commit). */
  otherBranch: number;
  /** Opted out (`alpine-advisor.io/disabled`), gone from the catalog, or moved elsewhere. */
  skipped: number;
}

const CATALOG_BATCH = 200;

/** The annotation naming an entity's repository, per provider. */
const SLUG_ANNOTATIONS: Record<RepositoryPush['provider'], string> = {
  github: 'github.com/project-slug',
  gitlab: 'gitlab.com/project-slug',
};

/**
 * The repository → entity index: which catalog entities a pushed repository
 * holds the sources of. Candidates come from the store (each entity's source
 * location as its last scan recorded it, so every replica sees the same
 * index with no catalog listing per event); each is then read from the
 * catalog to decide with its current annotations (source location, branch,
 * folder, `alpine-advisor.io/dockerfiles`). An entity not scanned yet is
 * not in the index: the next sweep scans it anyway.
 *
 * Entities annotated with the repository's slug (`github.com/project-slug:
 * acme/shop`, one catalog query in the scanned scope) are candidates too:
 * when their source location is not a URL in the repository (a local
 * folder, a mirror), their sources are taken to be its root.
 */
export class RepositoryEntityIndex {
  constructor(
    private readonly options: {
      store: DatabaseEventRescanStore;
      catalog: CatalogService;
      auth: AuthService;
      integrations?: ScmIntegrationRegistry;
      /** The scanned scope (`alpineAdvisor.catalogFilter`). */
      filter?: EntityFilterQuery;
    },
  ) {}

  async targetsOf(push: RepositoryPush): Promise<PushTargets> {
    const targets: PushTargets = {
      candidates: 0,
      affected: [],
      unaffected: 0,
      otherBranch: 0,
      skipped: 0,
    };
    const stored = await this.options.store.entitiesInRepositories(
      push.repositoryUrls,
    );
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const entities = new Map<string, { entity: Entity; bySlug: boolean }>();
    for (const entity of await this.bySlug(push, credentials)) {
      entities.set(entityKey(entity), { entity, bySlug: true });
    }
    const unread = stored
      .map(source => source.entityRef)
      .filter(ref => !entities.has(ref));
    for (const part of chunk(unread, CATALOG_BATCH)) {
      // Stored by an earlier sweep; the scanned scope is asked again, as
      // the entity (or alpineAdvisor.catalogFilter) may have changed since.
      const { items } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs: part,
          fields: SCANNED_ENTITY_FIELDS,
          filter: this.options.filter,
        },
        { credentials },
      );
      for (const entity of items) {
        if (entity) {
          entities.set(entityKey(entity), { entity, bySlug: false });
        } else {
          // Stored, but gone from the catalog or out of the scanned scope.
          targets.candidates += 1;
          targets.skipped += 1;
        }
      }
    }
    targets.candidates += entities.size;
    for (const { entity, bySlug } of entities.values()) {
      const match = this.match(entity, push, bySlug);
      if (match === 'affected') {
        targets.affected.push(entityKey(entity));
      } else if (match === 'unaffected') {
        targets.unaffected += 1;
      } else if (match === 'other-branch') {
        targets.otherBranch += 1;
      } else {
        targets.skipped += 1;
      }
    }
    targets.affected.sort();
    return targets;
  }

  /** Entities in scope annotated with the pushed repository's slug. */
  private async bySlug(
    push: RepositoryPush,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    if (!push.slug) {
      return [];
    }
    const annotation = `metadata.annotations.${
      SLUG_ANNOTATIONS[push.provider]
    }`;
    const records = [this.options.filter ?? {}].flat();
    const found: Entity[] = [];
    for await (const page of pageEntities(this.options.catalog, {
      filter: records.map(record => ({ ...record, [annotation]: push.slug! })),
      fields: SCANNED_ENTITY_FIELDS,
      pageSize: 500,
      credentials,
    })) {
      found.push(...page);
    }
    return found;
  }

  private match(
    entity: Entity,
    push: RepositoryPush,
    bySlug: boolean,
  ): 'affected' | 'unaffected' | 'other-branch' | 'skipped' {
    const annotations = entity.metadata.annotations ?? {};
    if (annotations[ALPINE_ADVISOR_DISABLED_ANNOTATION] === 'true') {
      return 'skipped';
    }
    let patterns: string[] | undefined;
    const annotation = annotations[ALPINE_ADVISOR_DOCKERFILES_ANNOTATION];
    if (annotation !== undefined) {
      try {
        patterns = parseDockerfilePatterns(annotation);
      } catch {
        // The scan records the refusal; without patterns every Dockerfile name counts.
        patterns = undefined;
      }
    }
    const match = matchPush(
      resolveSourceLocation(entity, this.options.integrations),
      push,
      patterns,
      { atRepositoryRoot: bySlug },
    );
    return match.kind === 'elsewhere' ? 'skipped' : match.kind;
  }
}
