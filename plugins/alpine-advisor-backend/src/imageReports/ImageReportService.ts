import type {
  ImageReportReceipt,
  ImageReportSubmission,
} from '@alpine-advisor/backstage-plugin-common';
import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { ImageReportStore } from '../database/ImageReportStore';
import type { AccessControl } from '../service/AccessControl';
import type { ReportService } from '../service/report/ReportService';
import { reportAppliesTo } from './withImageEvidence';

export interface ImageReportServiceOptions {
  store: ImageReportStore;
  auth: AuthService;
  access: AccessControl;
  reports: ReportService;
  now?: () => Date;
}

/** One posted report, as the endpoint received it. */
export interface ImageReportRequest {
  entityRef: string;
  dockerfilePath?: string;
  imageDigest?: string;
  submission: ImageReportSubmission;
}

/**
 * Ingests built-image reports from CI: checks the caller may see the entity
 * and report on it, keeps the image part of the report (the latest per
 * entity and Dockerfile) and says what it makes of the findings stored now.
 */
export class ImageReportService {
  private readonly now: () => Date;

  constructor(private readonly options: ImageReportServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async ingest(
    request: ImageReportRequest,
    credentials: BackstageCredentials,
  ): Promise<ImageReportReceipt> {
    const { access, store, reports } = this.options;
    const { entityRef, dockerfilePath } = request;
    if (
      !(await access.visibleEntity(entityRef, await this.lookup(credentials)))
    ) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    await access.requireImageReportCreate(entityRef, credentials);
    const image = request.submission.image;
    const imageDigest = request.imageDigest ?? image.imageId;
    const receivedAt = this.now();
    await store.save({
      entityRef,
      dockerfilePath,
      imageDigest,
      report: image,
      receivedAt,
      receivedFrom: principalName(credentials),
    });
    const report = await reports.getEntityReport(entityRef);
    const files = report?.dockerfiles ?? [];
    const judged = files.filter(file =>
      reportAppliesTo(dockerfilePath, file, files.length),
    );
    const verdicts = judged.flatMap(file =>
      file.findings.flatMap(finding =>
        (finding.evidence ?? [])
          .filter(fact => fact.source === 'image')
          .map(fact => fact.verdict),
      ),
    );
    return {
      entityRef,
      ...(dockerfilePath ? { dockerfilePath } : {}),
      ...(imageDigest ? { imageDigest } : {}),
      receivedAt: receivedAt.toISOString(),
      imageFindingCount: image.findings.length,
      confirmedCount: verdicts.filter(verdict => verdict === 'confirmed')
        .length,
      notSeenCount: verdicts.filter(verdict => verdict === 'not-seen').length,
    };
  }

  /**
   * A user finds the entity with their own credentials (hidden is
   * unknown); a service token (CI) with the plugin's: it is typically
   * restricted to this plugin (`accessRestrictions`), so the catalog would
   * refuse it, and services see every entity anyway.
   */
  private async lookup(
    credentials: BackstageCredentials,
  ): Promise<BackstageCredentials> {
    return this.options.auth.isPrincipal(credentials, 'service')
      ? this.options.auth.getOwnServiceCredentials()
      : credentials;
  }
}

/** Who posted: the user's entity ref or the service's subject (`external:ci`). */
function principalName(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject;
}
