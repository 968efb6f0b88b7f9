import type {
  EntityReport,
  EntitySummary,
  OrgHistory,
  OrgReport,
  ReportFilter,
  ReportQuery,
  ScoreHistoryPoint,
} from '@alpine-advisor/backstage-plugin-common';

/**
 * Which entities a caller may see: all of them, or only the listed refs
 * (lower-case), as decided by the catalog's read permission.
 */
export type EntityVisibility =
  | { all: true }
  | { all: false; entityRefs: string[] };

/** The API's view of the store: reports, filtered and paged in the database. */
export interface ReportStore {
  getEntityReport(entityRef: string): Promise<EntityReport | undefined>;

  /** Daily scores, oldest first, from `sinceDay` (`YYYY-MM-DD`) when given. */
  getHistory(
    entityRef: string,
    sinceDay?: string,
  ): Promise<ScoreHistoryPoint[]>;

  queryReport(
    query: ReportQuery,
    visibility: EntityVisibility,
  ): Promise<OrgReport>;

  /**
   * The org trend from `sinceDay` (`YYYY-MM-DD`): per day, the daily scores
   * of the visible entities that match the filter today.
   */
  getOrgHistory(
    filter: ReportFilter,
    visibility: EntityVisibility,
    sinceDay: string,
  ): Promise<OrgHistory>;

  /** Every matching entity, in entity-ref order, read in bounded batches. */
  streamReport(
    filter: ReportFilter,
    visibility: EntityVisibility,
  ): AsyncIterable<EntitySummary>;
}
