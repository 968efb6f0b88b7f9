import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Alpine Advisor backend plugin. */
  alpineAdvisor?: {
    /**
     * When the catalog sweep runs. It is one global task: with several
     * backend replicas only one of them runs a sweep at a time.
     * Defaults to every hour with a 50 minute timeout and a 30 second initial delay.
     * The timeout is also the sweep's lease: a sweep that reaches it stops
     * (what it scanned is stored, the rest waits for the next sweep, and a
     * warning says so), and the lease of a replica that died is handed on
     * once it has passed.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;

    /** How many entities are scanned at the same time. Defaults to 8. */
    concurrency?: number;

    /**
     * Worker threads that analyse Dockerfiles, so that sweeps use spare cores
     * and do not hold up the backend's event loop. 0 analyses on the event
     * loop. Defaults to one per spare core, at most 4. Rules added by modules
     * always run on the event loop.
     */
    analysisWorkers?: number;

    /**
     * How long one entity may take (reading its repository and analysing its
     * Dockerfiles) before it is recorded as timed out. Defaults to 60 seconds.
     */
    entityTimeout?: HumanDuration | string;

    /**
     * Which catalog entities are scanned, in the catalog's filter syntax (one
     * record, or a list of records that are OR-ed). Defaults to `kind: Component`.
     * Entities annotated `alpine-advisor.io/disabled: "true"` are always skipped.
     */
    catalogFilter?:
      | Record<string, string | string[]>
      | Array<Record<string, string | string[]>>;

    /** How many entities are read from the catalog per page. Defaults to 250. */
    catalogPageSize?: number;

    /** Reading Dockerfiles of entities registered from local files (`file:` locations). */
    localSources?: {
      /**
       * Directories (relative to the backend's working directory, or absolute)
       * under which `file:` sources may be read. Anything outside them is
       * refused. Empty by default: no local files are read.
       */
      allowedDirectories?: string[];
    };

    /** Data retention. */
    retention?: {
      /** Scans and daily score history older than this many days are deleted. Defaults to 365. */
      days?: number;
    };

    /** On-demand rescans through `POST /entities/:kind/:namespace/:name/rescan`. */
    rescan?: {
      /** Minimum time between two rescans of one entity. Defaults to 1 minute. */
      minimumInterval?: HumanDuration | string;
    };

    /**
     * How long an entity whose repository answered "too many requests" waits
     * before it is read again, when the answer carried no Retry-After.
     * Defaults to 15 minutes.
     */
    rateLimitBackoff?: HumanDuration | string;

    /** The policy behind the org report's "share compliant". */
    compliance?: {
      /** Lowest grade that still complies. Defaults to B. */
      minimumGrade?: 'A' | 'B' | 'C' | 'D' | 'F';
      /** Whether an error-severity musl finding is tolerated. Defaults to false. */
      allowMuslErrors?: boolean;
    };

    /**
     * Organisation-wide rule settings, applied before each repository's own
     * `.alpine-advisor.yaml` (which may override them).
     */
    rules?: {
      /** Rule ids (or aliases such as `hadolint:DL3019`) that are not reported. */
      ignore?: string[];
      /** Severity per rule id; `off` disables the rule. */
      severity?: { [ruleId: string]: 'error' | 'warning' | 'info' | 'off' };
    };
  };
}
