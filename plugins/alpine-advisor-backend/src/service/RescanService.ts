import type { RescanResult } from '@alpine-advisor/backstage-plugin-common';
import type {
  BackstageCredentials,
  AuthService,
} from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CustomErrorBase, InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityKey,
  toEntityMetadata,
  relatedRef,
} from '../catalog/entityMetadata';
import type { ReportStore } from '../database/ReportStore';
import type { ScanStore } from '../database/ScanStore';
import type { EntityScanner } from '../scanner/EntityScanner';
import { recordOutcomes } from '../scanner/recordOutcomes';
import type { AccessControl } from './AccessControl';

/** A rescan of this entity ran less than the minimum interval ago. */
export class RescanTooSoonError extends CustomErrorBase {
  name = 'RescanTooSoonError' as const;

  constructor(message: string, readonly retryAfterMs: number) {
    super(message);
  }
}

export interface RescanServiceOptions {
  catalog: CatalogService;
  auth: AuthService;
  access: AccessControl;
  scanStore: ScanStore;
  reports: ReportStore;
  scanner: EntityScanner;
  scope: { filter: EntityFilterQuery };
  minimumIntervalMs: number;
  now?: () => Date;
}

/** On-demand scans of one entity, for the rescan endpoint. */
export class RescanService {
  private readonly now: () => Date;

  constructor(private readonly options: RescanServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Checks the caller may see and rescan the entity, that it is in the
   * scanned scope and was not rescanned too recently; then scans it.
   */
  async rescan(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<RescanResult> {
    const { access, scanStore, scanner, reports } = this.options;
    const entity = await access.visibleEntity(entityRef, credentials);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    await access.requireScanTrigger(entity, credentials);
    await this.requireInScope(entity);

    const key = entityKey(entity);
    const now = this.now();
    await scanStore.upsertEntities(
      [toEntityMetadata(entity, await this.systemDomain(entity))],
      now,
    );
    const claim = await scanStore.claimRescan(
      key,
      now,
      this.options.minimumIntervalMs,
    );
    if (!claim.claimed) {
      throw new RescanTooSoonError(
        `${stringifyEntityRef(entity)} was rescanned less than ${Math.round(
          this.options.minimumIntervalMs / 1000,
        )} s ago; try again in ${Math.ceil(claim.retryAfterMs / 1000)} s`,
        claim.retryAfterMs,
      );
    }

    const state = (await scanStore.getScanStates([key])).get(key);
    const outcome = await scanner.scan(entity, state, 'rescan');
    await recordOutcomes(scanStore, [outcome], this.now());
    const report = await reports.getEntityReport(key);
    if (!report) {
      throw new NotFoundError(
        `${stringifyEntityRef(entity)} left the store during the rescan`,
      );
    }
    return {
      entityRef: key,
      status: report.status,
      ...(report.error ? { error: report.error } : {}),
      changed: outcome.kind === 'analysed',
      report,
    };
  }

  /** Rescanning an entity the sweep ignores would only store it until the next cleanup. */
  private async requireInScope(entity: Entity): Promise<void> {
    const uid = entity.metadata.uid;
    if (!uid) {
      return;
    }
    const records = [this.options.scope.filter].flat();
    const { credentials } = await this.serviceCredentials();
    const { items } = await this.options.catalog.queryEntities(
      {
        filter: records.map(record => ({ ...record, 'metadata.uid': uid })),
        fields: ['metadata.uid'],
        limit: 1,
      },
      { credentials },
    );
    if (items.length === 0) {
      throw new InputError(
        `${stringifyEntityRef(
          entity,
        )} is outside the entities Alpine Advisor scans (alpineAdvisor.catalogFilter)`,
      );
    }
  }

  private async systemDomain(entity: Entity): Promise<Map<string, string>> {
    const system = relatedRef(
      (entity.spec as { system?: unknown } | undefined)?.system,
      'system',
      entity.metadata.namespace ?? 'default',
    );
    if (!system) {
      return new Map();
    }
    const { credentials } = await this.serviceCredentials();
    const found = await this.options.catalog.getEntityByRef(system, {
      credentials,
    });
    const domain = relatedRef(
      (found?.spec as { domain?: unknown } | undefined)?.domain,
      'domain',
      found?.metadata.namespace ?? 'default',
    );
    return domain ? new Map([[system, domain]]) : new Map();
  }

  private async serviceCredentials() {
    return { credentials: await this.options.auth.getOwnServiceCredentials() };
  }
}
