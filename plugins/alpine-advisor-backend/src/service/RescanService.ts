import type { RescanResult } from '@alpine-advisor/backstage-plugin-common';
import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CustomErrorBase, InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { entityKey } from '../catalog/entityMetadata';
import { loadSystemDomainOf } from '../catalog/systemDomains';
import type { ScanStore } from '../database/ScanStore';
import type { EntityScanner } from '../scanner/EntityScanner';
import type { ScanOutcome } from '../scanner/ScanOutcome';
import { ScanPipeline } from '../scanner/ScanPipeline';
import type { AccessControl } from './AccessControl';
import type { ReportService } from './report/ReportService';

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
  reports: ReportService;
  scanner: EntityScanner;
  logger: LoggerService;
  scope: { filter: EntityFilterQuery };
  minimumIntervalMs: number;
  now?: () => Date;
}

/** On-demand scans of one entity, for the rescan endpoint. */
export class RescanService {
  private readonly now: () => Date;
  private readonly pipeline: ScanPipeline;

  constructor(private readonly options: RescanServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.pipeline = new ScanPipeline({
      store: options.scanStore,
      scanner: options.scanner,
      logger: options.logger,
      now: this.now,
    });
  }

  /**
   * Checks the caller may see and rescan the entity, that it is in the
   * scanned scope and was not rescanned too recently; then scans it.
   */
  async rescan(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<RescanResult> {
    const { access, scanStore, reports } = this.options;
    const entity = await access.visibleEntity(entityRef, credentials);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    await access.requireScanTrigger(entity, credentials);
    await this.requireInScope(entity);

    const key = entityKey(entity);
    const now = this.now();
    const { credentials: service } = await this.serviceCredentials();
    await this.pipeline.register(
      [entity],
      await loadSystemDomainOf(this.options.catalog, entity, service),
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

    let outcome: ScanOutcome | undefined;
    await this.pipeline.scan([entity], {
      trigger: 'rescan',
      onOutcome: scanned => {
        outcome = scanned;
      },
      storeErrors: 'throw',
    });
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
      changed: outcome?.kind === 'analysed',
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

  private async serviceCredentials() {
    return { credentials: await this.options.auth.getOwnServiceCredentials() };
  }
}
