import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Alpine Advisor backend plugin. */
  alpineAdvisor?: {
    /**
     * When the catalog sweep runs. It is one global task: with several
     * backend replicas only one of them runs a sweep at a time.
     * Defaults to every hour (every day when `events.enabled` is true: the
     * sweep is then the safety net for missed events) with a 50 minute
     * timeout and a 30 second initial delay.
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

    /**
     * Rescans on push: the plugin subscribes to the events service's
     * `github.push` and `gitlab.push` topics (install
     * `@backstage/plugin-events-backend` with
     * `@backstage/plugin-events-backend-module-github` and/or `-gitlab`, and
     * set their webhook secret, e.g. `events.modules.github.webhookSecret`),
     * maps the pushed repository and changed paths to the entities whose
     * Dockerfiles or `.alpine-advisor.yaml` changed, and rescans only those.
     * Rescans are queued in the database: deduplicated per entity and head
     * commit, rate-limited per entity, and each replica runs a bounded
     * number at once; each change is rescanned once whichever replica got it.
     */
    events?: {
      /** Defaults to false. When true, the sweep's default frequency drops to daily. */
      enabled?: boolean;
      /** Rescans running at once on each replica. Defaults to 4. */
      concurrency?: number;
      /**
       * An entity is not rescanned by events more often than this; changes
       * pushed meanwhile wait and are rescanned together. Defaults to 15 seconds.
       */
      minimumInterval?: HumanDuration | string;
      /**
       * How often each replica looks for queued rescans it did not receive
       * itself (a flood shared between replicas, or the work of a replica
       * that stopped). Defaults to 5 seconds.
       */
      pollInterval?: HumanDuration | string;
      /**
       * How long a change (entity and commit) is remembered: the same push
       * delivered again within it rescans nothing. Defaults to 14 days.
       */
      deduplicationWindow?: HumanDuration | string;
    };

    /** On-demand rescans through `POST /entities/:kind/:namespace/:name/rescan`. */
    rescan?: {
      /** Minimum time between two rescans of one entity. Defaults to 1 minute. */
      minimumInterval?: HumanDuration | string;
    };

    /** Built-image reports posted by CI (`POST /entities/:kind/:namespace/:name/image-reports`). */
    imageReports?: {
      /**
       * Largest request body accepted, in bytes; larger ones answer 413.
       * Defaults to 2 MiB (an image with thousands of findings fits).
       */
      maxBytes?: number;
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
     * Knowledge over the analyzer's bundled tables: Alpine releases and
     * images (e.g. internal base images) added or corrected without a code
     * change, validated like a `--knowledge` file (a bad entry stops the
     * backend at start-up, naming the key). Repositories' own
     * `knowledge:` in `.alpine-advisor.yaml` goes on top.
     */
    knowledge?: {
      /** When this data was checked, ISO date. */
      asOf?: string;
      /** Where it comes from, shown in reports. */
      source?: string;
      /** Branches to add or correct; `version` is `major.minor` (quote it in YAML). */
      releases?: Array<{
        version: string;
        released?: string;
        endOfLife: string;
        musl?: string;
      }>;
      /**
       * Images the catalog should know: `registry.acme.io/base/node:22`
       * (that tag), without a tag (any tag) or `…:22*` (a tag prefix).
       */
      images?: Array<{
        image: string;
        distro?:
          | 'alpine'
          | 'debian'
          | 'ubuntu'
          | 'rhel'
          | 'distroless'
          | 'scratch'
          | 'unknown';
        libc?: 'musl' | 'glibc' | 'none' | 'unknown';
        alpineRelease?: string;
      }>;
      /**
       * The scheduled refresh of the Alpine release data. The last good copy
       * is kept in the database; when the source is unreachable or returns
       * something that is not a release list, the last good copy (or the
       * bundled table) stays in use and the failure is logged once and shown
       * in the UI.
       */
      refresh?: {
        /** Defaults to true. */
        enabled?: boolean;
        /**
         * Defaults to https://alpinelinux.org/releases.json (the Alpine
         * project's own list). endoflife.date's API
         * (https://endoflife.date/api/v1/products/alpine-linux) is read too.
         */
        url?: string;
        /** Defaults to daily, 20 seconds after start-up, with a 10 minute timeout. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** How long one request may take. Defaults to 30 seconds. */
        requestTimeout?: HumanDuration | string;
      };
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
      /**
       * Rule ids (or aliases) the organisation enforces: a repository's
       * `.alpine-advisor.yaml` (`ignore`, `off`, a lower severity) and inline
       * suppression comments cannot ignore or downgrade them, and waivers
       * cannot be recorded for them. Their findings say they are enforced,
       * and each attempt to silence one is listed on the finding. An unknown
       * id stops the backend at start-up.
       */
      enforce?: string[];
    };

    /**
     * Waivers: an owner (permission `alpine-advisor.waiver.create` on the
     * entity) accepts a rule's findings, or one finding, on a service until
     * a date, with a reason. Waived findings stay visible, marked, and cost
     * no points until the waiver expires. Enforced rules cannot be waived.
     */
    waivers?: {
      /** How far ahead a waiver may expire, in days. Defaults to 90. */
      maxDays?: number;
      /**
       * Whether a waiver applies only once approved by someone else with
       * `alpine-advisor.waiver.approve` on the entity. Defaults to false.
       */
      requireApproval?: boolean;
      /** Active waivers expiring within this many days count as "expiring soon". Defaults to 14. */
      expiringSoonDays?: number;
    };

    /**
     * Campaigns the platform team runs: every service in a scope should meet
     * a condition by a deadline. The report page shows each one's burn-down
     * (services still affected per day, from the stored history) and each
     * owner's progress. More can be declared through the API (permission
     * `alpine-advisor.campaign.manage`); ids are unique across both.
     */
    campaigns?: Array<{
      /** Lower-case letters, digits and dashes, e.g. `retire-alpine-3-16`. */
      id: string;
      title: string;
      description?: string;
      /**
       * `eol-alpine`: no end-of-life Alpine release; `breaking-musl`: no
       * error-level musl risk; `rules`: no finding of the listed `rules`.
       */
      condition: 'eol-alpine' | 'breaking-musl' | 'rules';
      /** Rule ids or aliases, with `condition: rules`. */
      rules?: string[];
      /** Which services, as the report's filters; every scanned service when omitted. */
      scope?: {
        owner?: string[];
        system?: string[];
        domain?: string[];
        lifecycle?: string[];
      };
      /** First day of the burn-down, `YYYY-MM-DD`. Defaults to 90 days before the deadline. */
      startsOn?: string;
      /** `YYYY-MM-DD` (UTC). */
      deadline: string;
    }>;

    /** Deadline notices of campaigns to the owners of affected services. */
    campaignNotices?: {
      /** Defaults to true. */
      enabled?: boolean;
      /** Days before the deadline at which owners still affected are told, once each. Defaults to [14, 3]. */
      daysBefore?: number[];
    };

    /**
     * Notifications to the group owning an entity (its `spec.owner`), sent
     * through Backstage's notifications service when a stored result got
     * worse: `alpine-advisor:grade-drop` (the grade fell below the compliance
     * policy, or by `gradeDropStep` grades), `alpine-advisor:new-musl-risk`
     * (an error-level musl finding that was not there before, by
     * fingerprint), `alpine-advisor:alpine-eol` (the Alpine release is past
     * or within 90 days of its end of life) and `alpine-advisor:waiver-expired`.
     * One notification per change, not per sweep: what was last notified is
     * kept per entity, topic and key. Requires the notifications backend.
     */
    notifications?: {
      /** The off switch. Defaults to true. */
      enabled?: boolean;
      /** A drop by this many grades (e.g. A → C for 2) is notified even within the policy. 1 to 4, defaults to 2. */
      gradeDropStep?: number;
      /**
       * Topics to switch off (`false`), by name without the `alpine-advisor:`
       * prefix, e.g. `alpine-eol: false`. All are on by default.
       */
      topics?: {
        'grade-drop'?: boolean;
        'new-musl-risk'?: boolean;
        'alpine-eol'?: boolean;
        'waiver-expired'?: boolean;
        [topic: string]: boolean | undefined;
      };
      /**
       * Where a notification links: `{kind}`, `{namespace}` and `{name}` are
       * replaced with the entity's. Defaults to the entity's Alpine Advisor
       * tab, `/catalog/{namespace}/{kind}/{name}/alpine-advisor`.
       */
      entityLink?: string;
    };
  };
}
