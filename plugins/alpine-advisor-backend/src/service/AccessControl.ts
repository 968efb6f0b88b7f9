import {
  alpineAdvisorCampaignManagePermission,
  alpineAdvisorImageReportCreatePermission,
  alpineAdvisorReportReadPermission,
  alpineAdvisorScanTriggerPermission,
  alpineAdvisorWaiverApprovePermission,
  alpineAdvisorWaiverCreatePermission,
} from '@alpine-advisor/backstage-plugin-common';
import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { entityKey } from '../catalog/entityMetadata';
import { pageEntities } from '../catalog/pageEntities';
import type { EntityVisibility } from '../database/ReportStore';

/** How long a user's list of visible entities is reused while they page a report. */
const VISIBILITY_TTL_MS = 30_000;

/**
 * The plugin's permission checks. Report reads need
 * `alpine-advisor.report.read`; which entities a caller sees is the
 * catalog's decision (`catalog.entity.read`), made with the caller's own
 * credentials; rescans need `alpine-advisor.scan.trigger` on the entity.
 */
export class AccessControl {
  private readonly visibilityCache = new Map<
    string,
    { expiresAt: number; visibility: Promise<EntityVisibility> }
  >();

  constructor(
    private readonly permissions: PermissionsService,
    private readonly catalog: CatalogService,
    private readonly scope: { filter: EntityFilterQuery; pageSize: number },
  ) {}

  async requireReportRead(credentials: BackstageCredentials): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission: alpineAdvisorReportReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Reading Alpine Advisor reports needs the ${alpineAdvisorReportReadPermission.name} permission`,
      );
    }
  }

  async requireScanTrigger(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [
        {
          permission: alpineAdvisorScanTriggerPermission,
          resourceRef: stringifyEntityRef(entity),
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Rescanning ${stringifyEntityRef(entity)} needs the ${
          alpineAdvisorScanTriggerPermission.name
        } permission`,
      );
    }
  }

  /** Declaring or deleting a campaign: `alpine-advisor.campaign.manage`. */
  async requireCampaignManage(
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission: alpineAdvisorCampaignManagePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Managing campaigns needs the ${alpineAdvisorCampaignManagePermission.name} permission`,
      );
    }
  }

  /** Recording (or revoking) a waiver on the entity: `alpine-advisor.waiver.create` on it. */
  async requireWaiverCreate(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (
      !(await this.allowedOn(
        alpineAdvisorWaiverCreatePermission,
        entityRef,
        credentials,
      ))
    ) {
      throw new NotAllowedError(
        `Waiving findings of ${entityRef} needs the ${alpineAdvisorWaiverCreatePermission.name} permission`,
      );
    }
  }

  /** Approving a waiver on the entity: `alpine-advisor.waiver.approve` on it. */
  async requireWaiverApprove(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (!(await this.mayApproveWaivers(entityRef, credentials))) {
      throw new NotAllowedError(
        `Approving waivers of ${entityRef} needs the ${alpineAdvisorWaiverApprovePermission.name} permission`,
      );
    }
  }

  /** Revoking: whoever may record waivers on the entity, or approve them. */
  async requireWaiverRevoke(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [create, approve] = await Promise.all([
      this.allowedOn(
        alpineAdvisorWaiverCreatePermission,
        entityRef,
        credentials,
      ),
      this.mayApproveWaivers(entityRef, credentials),
    ]);
    if (!create && !approve) {
      throw new NotAllowedError(
        `Revoking waivers of ${entityRef} needs the ${alpineAdvisorWaiverCreatePermission.name} or ${alpineAdvisorWaiverApprovePermission.name} permission`,
      );
    }
  }

  /** Ingesting a built image's report for the entity: `alpine-advisor.image-report.create` on it. */
  async requireImageReportCreate(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (
      !(await this.allowedOn(
        alpineAdvisorImageReportCreatePermission,
        entityRef,
        credentials,
      ))
    ) {
      throw new NotAllowedError(
        `Reporting built images of ${entityRef} needs the ${alpineAdvisorImageReportCreatePermission.name} permission`,
      );
    }
  }

  private mayApproveWaivers(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return this.allowedOn(
      alpineAdvisorWaiverApprovePermission,
      entityRef,
      credentials,
    );
  }

  private async allowedOn(
    permission: ResourcePermission,
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** The entity as the caller sees it in the catalog; undefined when hidden or missing. */
  visibleEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    return this.catalog.getEntityByRef(entityRef, { credentials });
  }

  /**
   * Which stored entities the caller may see in org reports. A policy that
   * allows or denies catalog reads outright costs one decision; a
   * conditional one is resolved by listing the entities in scope with the
   * caller's credentials (cached briefly per user for paging).
   */
  async visibility(
    credentials: BackstageCredentials,
  ): Promise<EntityVisibility> {
    const outright = await this.outrightVisibility(credentials);
    if (outright) {
      return outright;
    }
    const key = principalKey(credentials);
    const cached = this.visibilityCache.get(key);
    if (cached && cached.expiresAt > Date.now()) {
      return cached.visibility;
    }
    const visibility = this.listVisibleEntities(credentials);
    this.visibilityCache.set(key, {
      expiresAt: Date.now() + VISIBILITY_TTL_MS,
      visibility,
    });
    visibility.catch(() => this.visibilityCache.delete(key));
    return visibility;
  }

  /**
   * Which of a scope's stored entities the caller may see. A policy that
   * allows or denies catalog reads outright costs one decision, as for the
   * org report; under a conditional one the catalog lists the scope's
   * components (each of `filters`) to the caller: only the scope's, not
   * every entity the caller may read.
   */
  async scopeVisibility(
    credentials: BackstageCredentials,
    filters: EntityFilterQuery[],
  ): Promise<EntityVisibility> {
    const outright = await this.outrightVisibility(credentials);
    if (outright) {
      return outright;
    }
    const entityRefs = new Set<string>();
    for (const filter of filters) {
      for await (const page of pageEntities(this.catalog, {
        filter,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
        pageSize: Math.max(this.scope.pageSize, 500),
        credentials,
      })) {
        for (const entity of page) {
          entityRefs.add(entityKey(entity));
        }
      }
    }
    return { all: false, entityRefs: [...entityRefs] };
  }

  /** Everything or nothing when the catalog's read decision is not conditional. */
  private async outrightVisibility(
    credentials: BackstageCredentials,
  ): Promise<EntityVisibility | undefined> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return { all: true };
    }
    if (decision.result === AuthorizeResult.DENY) {
      return { all: false, entityRefs: [] };
    }
    return undefined;
  }

  private async listVisibleEntities(
    credentials: BackstageCredentials,
  ): Promise<EntityVisibility> {
    const entityRefs: string[] = [];
    for await (const page of pageEntities(this.catalog, {
      filter: this.scope.filter,
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
      pageSize: Math.max(this.scope.pageSize, 500),
      credentials,
    })) {
      entityRefs.push(...page.map(entity => entityKey(entity)));
    }
    return { all: false, entityRefs };
  }
}

function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${
    principal.userEntityRef ?? principal.subject ?? ''
  }`;
}
