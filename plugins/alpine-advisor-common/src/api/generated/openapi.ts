// Generated from ../alpine-advisor-backend/src/schema/openapi.yaml by scripts/generate-api-types.mjs (openapi-typescript).
// Do not edit: change the spec and run `yarn generate:api-types` in plugins/alpine-advisor-common.
/* eslint-disable */
export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness of the plugin; needs no token. */
    get: operations['GetHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The entity's latest report, with findings per Dockerfile, remediation and fixes, scan status and staleness. */
    get: operations['GetEntityReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The entity's score per day, oldest first. */
    get: operations['GetEntityHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/rescan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Scans the entity now. Needs `alpine-advisor.scan.trigger`; audited; rate-limited per entity. */
    post: operations['RescanEntity'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/image-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stores the report of the entity's built image (`alpine-advisor image ARCHIVE --format json`, posted from CI as is), replacing the previous one for the same Dockerfile. Entity reports then mark each Dockerfile musl finding "confirmed in the built image" or "not seen in the built image" (`evidence` with `source: image`). Needs `alpine-advisor.image-report.create` on the entity (users) or a service token; audited; bodies over `alpineAdvisor.imageReports.maxBytes` (default 2 MiB) answer 413. */
    post: operations['CreateImageReport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/waivers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The entity's waivers, newest first (revoked and expired ones included). Needs `alpine-advisor.report.read` and catalog read access to the entity. */
    get: operations['ListEntityWaivers'];
    put?: never;
    /** Records a waiver of a rule (or one finding of it) on the entity. Needs `alpine-advisor.waiver.create` on the entity; audited. Enforced rules cannot be waived (400). */
    post: operations['CreateWaiver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/waivers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Waivers of every entity the caller may read, newest first. */
    get: operations['ListWaivers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/waivers/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approves a pending waiver. Needs `alpine-advisor.waiver.approve` on its entity; not by whoever recorded it; audited. */
    post: operations['ApproveWaiver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/waivers/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revokes a pending or active waiver. Needs `alpine-advisor.waiver.create` or `alpine-advisor.waiver.approve` on its entity; audited. */
    post: operations['RevokeWaiver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every campaign (app-config's and the API's) with its standing over the services the caller may read. Needs `alpine-advisor.report.read`. */
    get: operations['ListCampaigns'];
    put?: never;
    /** Declares a campaign. Needs `alpine-advisor.campaign.manage`; audited. */
    post: operations['CreateCampaign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A campaign's standing, burn-down and owners' progress over the services the caller may read. Needs `alpine-advisor.report.read`. */
    get: operations['GetCampaign'];
    put?: never;
    post?: never;
    /** Deletes a campaign created through the API (app-config's cannot be, 409). Needs `alpine-advisor.campaign.manage`; audited. */
    delete: operations['DeleteCampaign'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The org-wide report: a page of entities (filtered, sorted, paged in
     *     the database), a summary over every matching entity, and optional
     *     rollups by owner, system or domain. Values within one filter are OR-ed;
     *     different filters are AND-ed.
     */
    get: operations['GetReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/report/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The org trend: per UTC day, the services scanned that day among those
     *     matching the filters (by their current state) that the caller may
     *     read, their average score, how many met the compliance policy and
     *     their grades. Computed in the database from the daily score history.
     */
    get: operations['GetReportHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/report/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every entity matching the filters, streamed as CSV or as a JSON array. */
    get: operations['ExportReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scopes/{kind}/{namespace}/{name}/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The Dockerfile health of a Group, System or Domain: grade
     *     distribution, compliance with the policy, breaking musl risks, the
     *     worst services, the most violated rules and the daily trend. A
     *     group's services are those it or its child groups (recursively) own;
     *     a system's are its components; a domain's, the components of its
     *     systems. Only services the caller may read in the catalog are
     *     counted; a scope the caller may not read answers 404.
     */
    get: operations['GetScopeSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/knowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The knowledge the analyzer decides with: its version, each table's as-of date and sources, the layers over the bundled tables, and where the Alpine release data comes from ("release data as of …"), with the last failed refresh if any. */
    get: operations['GetKnowledge'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The rule catalog with docs, built-in and added by modules. */
    get: operations['ListRules'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One rule by id or alias (e.g. `hadolint:DL3019`). */
    get: operations['GetRule'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
/** The schemas of the OpenAPI spec. @public */
export interface components {
  schemas: {
    Error: {
      error: {
        name: string;
        message: string;
      };
      request?: {
        method?: string;
        url?: string;
      };
      response?: {
        statusCode?: number;
      };
    };
    /**
     * Letter grade of a score, A (90–100) to F.
     */
    Grade: 'A' | 'B' | 'C' | 'D' | 'F';
    /**
     * How bad a finding is: `error` breaks the build or the container at runtime; `warning` wastes size, time or safety, or breaks in some conditions; `info` is advice.
     */
    Severity: 'error' | 'warning' | 'info';
    /**
     * Rule category, Alpine practice, musl libc risk or general hygiene.
     */
    Category: 'alpine' | 'musl' | 'hygiene';
    /**
     * The C library a build stage's binaries run against; `none` for scratch or static-only distroless.
     */
    Libc: 'musl' | 'glibc' | 'none' | 'unknown';
    /**
     * The outcome of an entity's latest scan attempt.
     *     - `ok`: its Dockerfiles were read and analysed.
     *     - `pending`: known to the store, not scanned yet.
     *     - `disabled`: opted out with the `alpine-advisor.io/disabled` annotation.
     *     - `refused`: a source the scanner may not read by policy; nothing is read or kept.
     *     - every other value is a failure; the last good result, if any, is kept and marked stale.
     */
    ScanStatus:
      | 'ok'
      | 'pending'
      | 'disabled'
      | 'no-source'
      | 'no-dockerfile'
      | 'unreadable'
      | 'refused'
      | 'rate-limited'
      | 'timeout'
      | 'invalid-config'
      | 'error';
    /**
     * What started a scan; `knowledge` means stored files analysed again after a knowledge refresh changed a verdict, `waiver` analysed again because a waiver was recorded, approved, revoked or expired, `event` a push to the entity's repository that changed its Dockerfiles or config (`alpineAdvisor.events`).
     */
    ScanTrigger: 'schedule' | 'rescan' | 'knowledge' | 'waiver' | 'event';
    /**
     * Sort keys of the org report.
     */
    ReportSortField:
      | 'score'
      | 'grade'
      | 'name'
      | 'owner'
      | 'system'
      | 'lastScanned'
      | 'findings';
    /**
     * Groupings for org report rollups.
     */
    RollupDimension: 'owner' | 'system' | 'domain';
    /**
     * Export formats of `GET /report/export`.
     */
    ReportExportFormat: 'csv' | 'json';
    /** How many entities have each grade. */
    GradeCounts: {
      A: number;
      B: number;
      C: number;
      D: number;
      F: number;
    };
    /** Finding counts by severity. */
    SeverityCounts: {
      error: number;
      warning: number;
      info: number;
    };
    /** One text replacement of a fix; lines and columns are 1-based, the end column exclusive, and ranges refer to the original text. */
    TextEdit: {
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      text: string;
    };
    /** A mechanical fix of a finding, as text edits on the original file. */
    Fix: {
      /** Imperative, e.g. "Add --no-cache to apk add". */
      description: string;
      edits: components['schemas']['TextEdit'][];
    };
    /** One fact's say on a finding. */
    FindingEvidence: {
      /** Where the fact came from: a build-context file (`package-lock.json`, `uv.lock`, `.dockerignore`, `build context`) or `image`. */
      source: string;
      /**
       * `confirmed`: the fact shows the problem; `refuted`: it shows the problem cannot happen; `not-seen`: the built image was inspected and shows nothing of it.
       */
      verdict: 'confirmed' | 'refuted' | 'not-seen';
      /** What the fact is, briefly (e.g. `locks @img/sharp-linux-x64 but not @img/sharp-linuxmusl-x64`). */
      detail: string;
    };
    /** One finding of a rule in a Dockerfile, as the API reports it. */
    Finding: {
      ruleId: string;
      category: components['schemas']['Category'];
      severity: components['schemas']['Severity'];
      /** 1-based. */
      line: number;
      endLine: number;
      /** 1-based. */
      column: number;
      message: string;
      remediation: string;
      /** Peer tools' ids for the same problem, e.g. `hadolint:DL3019`, `trivy:DS-0025`. */
      aliases: string[];
      fix?: components['schemas']['Fix'];
      /** The finding's fix applied to the file, as a unified diff (`--- a/…`, `+++ b/…`, hunks), when it has a fix and the file's content is kept. */
      fixDiff?: string;
      /** The organisation enforces this rule (alpineAdvisor.rules.enforce); repository config and suppression comments cannot ignore or downgrade it, and it cannot be waived. */
      enforced?: boolean;
      /** Attempts to ignore or downgrade this enforced finding, which did not apply. */
      suppressionAttempts?: components['schemas']['SuppressionAttempt'][];
      /** The finding's identity across edits (path, rule, instruction text); a waiver of one finding names it. */
      fingerprint?: string;
      /** A waiver covered this finding when it was analysed; it cost no points. */
      waived?: {
        waiverId: string;
        expiresAt: string;
      };
      /** The facts that confirmed or refuted this finding: a build-context file read at scan time (`package-lock.json`, `go.mod`, `.dockerignore`…), and in entity reports the latest image report ingested for the Dockerfile (`source: image`). */
      evidence?: components['schemas']['FindingEvidence'][];
    };
    /**
     * pending awaits approval (alpineAdvisor.waivers.requireApproval); expired is active past its expiry.
     */
    WaiverStatus: 'pending' | 'active' | 'revoked' | 'expired';
    Waiver: {
      id: string;
      entityRef: string;
      ruleId: string;
      fingerprint?: string;
      reason: string;
      /** Format: date-time */
      expiresAt: string;
      status: components['schemas']['WaiverStatus'];
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      approvedBy?: string;
      /** Format: date-time */
      approvedAt?: string;
      revokedBy?: string;
      /** Format: date-time */
      revokedAt?: string;
    };
    NewWaiver: {
      ruleId: string;
      /** One finding's fingerprint; every finding of the rule on the entity when omitted. */
      fingerprint?: string;
      reason: string;
      /**
       * Format: date-time
       * In the future, at most alpineAdvisor.waivers.maxDays ahead.
       */
      expiresAt: string;
    };
    WaiverList: {
      items: components['schemas']['Waiver'][];
      summary: {
        activeCount: number;
        pendingCount: number;
        /** Active waivers that expire within expiringSoonDays. */
        expiringSoonCount: number;
        expiringSoonDays: number;
        requireApproval: boolean;
        maxDays: number;
      };
    };
    /**
     * What a service must meet: eol-alpine, no end-of-life Alpine release (no alpine-eol finding); breaking-musl, no error-level musl finding; rules, no finding of the campaign's rules. Waived findings do not count.
     */
    CampaignCondition: 'eol-alpine' | 'breaking-musl' | 'rules';
    /** Which services the campaign covers, as the report's filters (values OR-ed, filters AND-ed); empty for every scanned service. */
    CampaignScope: {
      owner?: string[];
      system?: string[];
      domain?: string[];
      lifecycle?: string[];
    };
    Campaign: {
      id: string;
      title: string;
      description?: string;
      condition: components['schemas']['CampaignCondition'];
      /** The rule ids, for the rules condition. */
      rules?: string[];
      scope: components['schemas']['CampaignScope'];
      /**
       * Format: date
       * First day (UTC) of the burn-down.
       */
      startsOn: string;
      /**
       * Format: date
       * The day (UTC) by which no service in scope should be affected.
       */
      deadline: string;
      /**
       * config campaigns come from alpineAdvisor.campaigns and cannot be deleted through the API.
       */
      source: 'config' | 'api';
      createdBy?: string;
      /** Format: date-time */
      createdAt?: string;
    };
    NewCampaign: {
      /** Lower-case letters, digits and dashes; unique among campaigns (app-config's included). */
      id: string;
      title: string;
      description?: string;
      condition: components['schemas']['CampaignCondition'];
      /** Rule ids or aliases; required with, and only allowed with, the rules condition. */
      rules?: string[];
      scope?: components['schemas']['CampaignScope'];
      /**
       * Format: date
       * Defaults to the day of creation.
       */
      startsOn?: string;
      /**
       * Format: date
       * Not before startsOn, at most five years ahead.
       */
      deadline: string;
    };
    /**
     * upcoming before startsOn; done when no service in scope is affected; overdue past the deadline with services still affected.
     */
    CampaignState: 'upcoming' | 'active' | 'done' | 'overdue';
    CampaignStanding: {
      campaign: components['schemas']['Campaign'];
      state: components['schemas']['CampaignState'];
      /** Services in scope (the caller may read) affected by their latest good scan. */
      affectedCount: number;
      /** Services in scope (the caller may read) with a good scan. */
      totalCount: number;
      /** Days from today (UTC) to the deadline; negative once past. */
      daysLeft: number;
    };
    CampaignList: {
      items: components['schemas']['CampaignStanding'][];
    };
    CampaignBurnDownPoint: {
      /** Format: date */
      day: string;
      /** Services in scope with a recorded result that day. */
      scannedCount: number;
      /** Of those, the services the condition affected that day. */
      affectedCount: number;
    };
    CampaignOwnerProgress: {
      /** Entity ref of the owner; null for services without one. */
      owner: string | null;
      affectedCount: number;
      totalCount: number;
    };
    CampaignProgress: {
      campaign: components['schemas']['Campaign'];
      state: components['schemas']['CampaignState'];
      /** Services in scope (the caller may read) affected by their latest good scan. */
      affectedCount: number;
      /** Services in scope (the caller may read) with a good scan. */
      totalCount: number;
      /** Days from today (UTC) to the deadline; negative once past. */
      daysLeft: number;
      /** Per UTC day from startsOn to today or the deadline (whichever is first), from the stored daily history, oldest first; days without any recorded result are left out. */
      burnDown: components['schemas']['CampaignBurnDownPoint'][];
      /** Per owner, most affected first. */
      owners: components['schemas']['CampaignOwnerProgress'][];
    };
    /** A config setting or suppression comment that tried to silence an enforced finding. */
    SuppressionAttempt: {
      via: 'config' | 'comment';
      /**
       * For config, what it asked for (off for an ignore).
       */
      requested?: 'error' | 'warning' | 'info' | 'off';
      /** For a comment, its line. */
      line?: number;
      /**
       * For a comment, whose syntax it was written in.
       */
      syntax?: 'alpine-advisor' | 'hadolint' | 'trivy';
    };
    /** What one rule took off the score. */
    ScoreDeduction: {
      ruleId: string;
      severity: components['schemas']['Severity'];
      category: components['schemas']['Category'];
      count: number;
      points: number;
    };
    /** How a score was formed. */
    ScoreExplanation: {
      /** Human-readable summary of the formula as applied. */
      summary: string;
      deductions: components['schemas']['ScoreDeduction'][];
      /** Set when a cap applies, e.g. "a breaking musl risk caps the grade at C". */
      cap?: string;
    };
    /** A build stage of a Dockerfile with its base image and C library. */
    StageSummary: {
      index: number;
      name?: string;
      /** The base image as written, ARGs resolved, e.g. `python:3.12-alpine3.20`. */
      image: string;
      /** Set when the stage builds FROM an earlier stage. */
      parentStage?: string;
      /** The distribution family of the base image (`alpine`, `debian`, `ubuntu`, `rhel`, `distroless`, `scratch`, `unknown`). */
      distro: string;
      libc: components['schemas']['Libc'];
      alpineRelease?: string;
      /** Alpine release past its end of life at analysis time. */
      endOfLife?: boolean;
      line: number;
      isFinal: boolean;
      /** `COPY --from` edges into this stage. */
      copiesFrom: {
        /** Stage name or index, or an external image. */
        source: string;
        sourceLibc: components['schemas']['Libc'];
        paths: string[];
        line: number;
        /** True when the copy crosses from a glibc to a musl world (or back). */
        crossesLibc: boolean;
      }[];
    };
    /** The analysis of one Dockerfile of an entity. */
    DockerfileResult: {
      /** Path relative to the entity's source location. */
      path: string;
      score: number;
      grade: components['schemas']['Grade'];
      usesAlpine: boolean;
      /** Alpine release of the final stage, when known. */
      alpineRelease?: string;
      stages: components['schemas']['StageSummary'][];
      explanation: components['schemas']['ScoreExplanation'];
      findings: components['schemas']['Finding'][];
      /** The analysed text, for showing the file with its finding lines. Absent when it was not stored: see `contentOmitted`, or scanned before the backend kept file contents. */
      content?: string;
      /** True when the file was larger than 1 MiB or not text, so its content is not kept. */
      contentOmitted?: boolean;
      /** The knowledge version that produced the findings (e.g. `2026-12-05+bundled`); absent for files scanned before it was recorded. */
      knowledgeVersion?: string;
    };
    /** One entity's standing, as listed in the org report. */
    EntitySummary: {
      entityRef: string;
      kind: string;
      namespace: string;
      name: string;
      title?: string;
      /** Entity ref of the owner, e.g. `group:default/team-payments`. */
      owner?: string;
      system?: string;
      domain?: string;
      lifecycle?: string;
      type?: string;
      /** Service score 0–100 of the last good scan; null before the first one. */
      score: number | null;
      grade: components['schemas']['Grade'] | null;
      status: components['schemas']['ScanStatus'];
      /** Failure message of the latest attempt, when it failed. */
      error?: string;
      /** True when the latest attempt failed and the score is from an older scan. */
      stale: boolean;
      /** Whether the entity meets the configured compliance policy. */
      compliant: boolean;
      /**
       * Format: date-time
       * ISO time of the latest scan attempt.
       */
      lastScannedAt?: string;
      /**
       * Format: date-time
       * ISO time of the last successful scan.
       */
      lastSuccessAt?: string;
      dockerfileCount: number;
      findingCounts: components['schemas']['SeverityCounts'];
      /** Error-severity musl findings: the container is likely to break at runtime. */
      muslErrorCount: number;
      /** Findings covered by a waiver (not in findingCounts, not in the score). */
      waivedCount?: number;
      /** What the latest built-image reports (POST …/image-reports) say of the service's musl findings as stored now; absent when CI posted none. Set in entity reports and on org report pages (not in exports). */
      builtImage?: {
        /**
         * Format: date-time
         * When the latest of its image reports was received.
         */
        reportedAt: string;
        /** Findings confirmed in the built image. */
        confirmedCount: number;
        /** Findings of rules an image check can show, not seen in the built image. */
        notSeenCount: number;
      };
      /** Findings the service's repository silences, and how (waivers are waivedCount). Counted when its Dockerfiles were last analysed. */
      suppressions?: {
        /** Dropped by its .alpine-advisor.yaml (ignore, off), beyond what the organisation's alpineAdvisor.rules drops. */
        config: number;
        /** Dropped by inline suppression comments. */
        comment: number;
        /** Findings of enforced rules that its config or comments tried to silence (they still count). */
        enforcedAttempts: number;
      };
    };
    /** Details of the scan that produced a report. */
    ScanInfo: {
      /** Format: date-time */
      startedAt: string;
      durationMs: number;
      trigger: components['schemas']['ScanTrigger'];
      /** Repository version the scan read (commit SHA or ETag), when the reader gave one. */
      revision?: string;
    };
    /** An entity's report, `GET /entities/:kind/:namespace/:name`. */
    EntityReport: {
      entityRef: string;
      kind: string;
      namespace: string;
      name: string;
      title?: string;
      /** Entity ref of the owner, e.g. `group:default/team-payments`. */
      owner?: string;
      system?: string;
      domain?: string;
      lifecycle?: string;
      type?: string;
      /** Service score 0–100 of the last good scan; null before the first one. */
      score: number | null;
      grade: components['schemas']['Grade'] | null;
      status: components['schemas']['ScanStatus'];
      /** Failure message of the latest attempt, when it failed. */
      error?: string;
      /** True when the latest attempt failed and the score is from an older scan. */
      stale: boolean;
      /** Whether the entity meets the configured compliance policy. */
      compliant: boolean;
      /**
       * Format: date-time
       * ISO time of the latest scan attempt.
       */
      lastScannedAt?: string;
      /**
       * Format: date-time
       * ISO time of the last successful scan.
       */
      lastSuccessAt?: string;
      dockerfileCount: number;
      findingCounts: components['schemas']['SeverityCounts'];
      /** Error-severity musl findings: the container is likely to break at runtime. */
      muslErrorCount: number;
      /** Findings covered by a waiver (not in findingCounts, not in the score). */
      waivedCount?: number;
      /** What the latest built-image reports (POST …/image-reports) say of the service's musl findings as stored now; absent when CI posted none. Set in entity reports and on org report pages (not in exports). */
      builtImage?: {
        /**
         * Format: date-time
         * When the latest of its image reports was received.
         */
        reportedAt: string;
        /** Findings confirmed in the built image. */
        confirmedCount: number;
        /** Findings of rules an image check can show, not seen in the built image. */
        notSeenCount: number;
      };
      /** Findings the service's repository silences, and how (waivers are waivedCount). Counted when its Dockerfiles were last analysed. */
      suppressions?: {
        /** Dropped by its .alpine-advisor.yaml (ignore, off), beyond what the organisation's alpineAdvisor.rules drops. */
        config: number;
        /** Dropped by inline suppression comments. */
        comment: number;
        /** Findings of enforced rules that its config or comments tried to silence (they still count). */
        enforcedAttempts: number;
      };
      /** Where the Dockerfiles were read from, e.g. `url:https://…` or `file:/…`. */
      sourceLocation?: string;
      explanation?: components['schemas']['ScoreExplanation'];
      dockerfiles: components['schemas']['DockerfileResult'][];
      scan?: components['schemas']['ScanInfo'];
    };
    /** One day of an entity's score history. */
    ScoreHistoryPoint: {
      /** `YYYY-MM-DD` (UTC). */
      day: string;
      score: number;
      grade: components['schemas']['Grade'];
    };
    /** An entity's score history, `GET /entities/:kind/:namespace/:name/history`. */
    EntityHistory: {
      entityRef: string;
      points: components['schemas']['ScoreHistoryPoint'][];
    };
    /** Which libc the image's files say it has, and which files said so. */
    ImageLibcVerdict: {
      libc: 'musl' | 'glibc' | 'none';
      distro?: string;
      distroVersion?: string;
      evidence: string[];
      shims: string[];
    };
    /** One layer of the image, in order from the base. */
    ImageLayer: {
      index: number;
      digest: string;
      createdBy?: string;
      entries: number;
      bytes: number;
    };
    /** One problem image-inspector found in the built image. */
    ImageFinding: {
      ruleId: string;
      severity: components['schemas']['Severity'];
      message: string;
      remediation: string;
      location: {
        path: string;
        layer: number;
        layerDigest: string;
        createdBy?: string;
      };
    };
    /** The inspection of one built image, as `alpine-advisor image --format json` prints it under `image` (image-inspector's `ImageReport`). */
    ImageReport: {
      /** The image id (config digest), `sha256:…`, when the archive names it. */
      imageId?: string;
      tags: string[];
      os?: string;
      architecture?: string;
      libc: components['schemas']['ImageLibcVerdict'];
      layers: components['schemas']['ImageLayer'][];
      findings: components['schemas']['ImageFinding'][];
      stats: {
        files: number;
        elfFiles: number;
        bytes: number;
      };
      notes: string[];
    };
    /** What `alpine-advisor image ARCHIVE --format json` prints, posted as is. Only `image` is read: the backend analyses the Dockerfile itself, so `files` (the CLI's own findings) is accepted and ignored. */
    ImageReportSubmission: {
      version?: number;
      /** The CLI's file reports; ignored. */
      files?: {
        [key: string]: unknown;
      }[];
      /** The CLI's knowledge stamp; ignored. */
      knowledge?: {
        [key: string]: unknown;
      };
      image: components['schemas']['ImageReport'];
    };
    /** The stored report, and what it says of the Dockerfile's findings as stored now (they are joined again on every read, so a rescan is judged against the same image). */
    ImageReportReceipt: {
      entityRef: string;
      /** The Dockerfile the report is kept for; absent when the request named none. */
      dockerfilePath?: string;
      imageDigest?: string;
      /** Format: date-time */
      receivedAt: string;
      imageFindingCount: number;
      /** Dockerfile findings the image confirms. */
      confirmedCount: number;
      /** Dockerfile findings of rules the image checks can show, not seen in it. */
      notSeenCount: number;
    };
    /** The outcome of `POST /entities/:kind/:namespace/:name/rescan`. */
    RescanResult: {
      entityRef: string;
      status: components['schemas']['ScanStatus'];
      error?: string;
      /** False when the repository had not changed since the last scan. */
      changed: boolean;
      report: components['schemas']['EntityReport'];
    };
    /** The compliance policy in force. */
    CompliancePolicy: {
      minimumGrade: components['schemas']['Grade'];
      allowMuslErrors: boolean;
      /** Human-readable, e.g. "grade B or better and no musl error". */
      description: string;
    };
    /** How often a rule fires across the filtered entities. */
    RuleTally: {
      ruleId: string;
      category: components['schemas']['Category'];
      severity: components['schemas']['Severity'];
      entityCount: number;
      findingCount: number;
    };
    /** Org-wide figures over all entities matching the filter (not just one page). */
    ReportSummary: {
      entityCount: number;
      /** Entities with a score (at least one good scan). */
      scoredCount: number;
      averageScore: number | null;
      gradeCounts: components['schemas']['GradeCounts'];
      compliantCount: number;
      /** compliantCount / scoredCount, 0–1; null when nothing is scored. */
      compliantShare: number | null;
      policy: components['schemas']['CompliancePolicy'];
      staleCount: number;
      /** Entities whose latest attempt failed. */
      failingCount: number;
      topRules: components['schemas']['RuleTally'][];
      /** Error-severity musl findings: what would break at runtime. */
      muslBreakingRisks: {
        entityCount: number;
        rules: components['schemas']['RuleTally'][];
      };
    };
    /** One group of a rollup. */
    Rollup: {
      /** The owner, system or domain entity ref; null for entities without one. */
      key: string | null;
      entityCount: number;
      scoredCount: number;
      averageScore: number | null;
      gradeCounts: components['schemas']['GradeCounts'];
      compliantCount: number;
      staleCount: number;
    };
    /** The org-wide report, `GET /report`. */
    OrgReport: {
      items: components['schemas']['EntitySummary'][];
      page: number;
      pageSize: number;
      totalCount: number;
      summary: components['schemas']['ReportSummary'];
      rollups?: {
        groupBy: components['schemas']['RollupDimension'];
        groups: components['schemas']['Rollup'][];
      };
    };
    /** The org on one day, from the daily scores of the entities scanned that day. */
    OrgHistoryPoint: {
      /** `YYYY-MM-DD` (UTC). */
      day: string;
      /** Entities with a score that day. */
      scannedCount: number;
      averageScore: number;
      compliantCount: number;
      /** compliantCount / scannedCount, 0–1. */
      compliantShare: number;
      gradeCounts: components['schemas']['GradeCounts'];
    };
    /** The org trend, `GET /report/history`. */
    OrgHistory: {
      policy: components['schemas']['CompliancePolicy'];
      /** Oldest first; days on which nothing matching was scanned are left out. */
      points: components['schemas']['OrgHistoryPoint'][];
    };
    /**
     * Entity kinds with a scope summary.
     */
    ScopeKind: 'group' | 'system' | 'domain';
    /**
     * The services of a Group (with its child groups, as Backstage's
     *     ownership card aggregates them), a System or a Domain that the caller
     *     may read, summed up as the org report sums up its filtered services.
     */
    ScopeSummary: {
      /** The scope's entity ref, lower-case. */
      entityRef: string;
      kind: components['schemas']['ScopeKind'];
      /** The org report's filter that lists the same services (owner for a group, with its child groups; system; domain). */
      filter: {
        /** A group and its child groups (recursively). */
        owner?: string[];
        system?: string[];
        domain?: string[];
      };
      summary: components['schemas']['ReportSummary'];
      /** Up to five scored services with the lowest scores, lowest first. */
      worstServices: components['schemas']['EntitySummary'][];
      /** The scope's daily figures, oldest first (see `/report/history`). */
      trend: components['schemas']['OrgHistoryPoint'][];
    };
    /** A rule of the catalog, as `GET /rules` lists it. */
    RuleDescription: {
      /** Stable kebab-case id, e.g. `apk-no-cache`. */
      id: string;
      title: string;
      category: components['schemas']['Category'];
      severity: components['schemas']['Severity'];
      /** Why it matters (Markdown), the rule's rationale or else the first paragraph of its docs. */
      rationale: string;
      /** How to fix it (Markdown allowed). */
      remediation: string;
      references: string[];
      /** Peer tools' ids, e.g. `hadolint:DL3019`, `trivy:DS-0025`. */
      aliases: string[];
      /** True when the rule can offer a mechanical fix. */
      fixable: boolean;
      /**
       * `alpine`: runs only on Alpine stages (musl rules may also inspect glibc stages feeding Alpine ones).
       */
      scope: 'alpine' | 'any';
      /** Markdown with a bad and a good example. */
      docs: string;
    };
    /** One knowledge table, its as-of date and sources. */
    KnowledgeTable: {
      name: string;
      file: string;
      /** ISO date the table was last checked. */
      asOf: string;
      sources: string[];
    };
    /** The knowledge the analyzer decides with, `GET /knowledge`. */
    KnowledgeStatus: {
      /** Newest as-of date, then +bundled or +overrides.<hash>. */
      version: string;
      asOf: string;
      origin: 'bundled' | 'overridden';
      /** ISO date of the Alpine release data in use. */
      releasesAsOf: string;
      newestRelease: string;
      releaseData: {
        /**
         * bundled until a refresh succeeded; refreshed data is kept in the database.
         */
        origin: 'bundled' | 'refreshed';
        asOf: string;
        /** The configured source; absent when refreshing is off. */
        sourceUrl?: string;
        /** Format: date-time */
        fetchedAt?: string;
        /** Format: date-time */
        lastAttemptAt?: string;
        /** Why the last refresh failed; the data in use is the last good copy (or the bundled table). */
        lastError?: string;
      };
      tables: components['schemas']['KnowledgeTable'][];
      layers: {
        source: string;
        asOf?: string;
        releases: number;
        images: number;
      }[];
    };
    /** The rule catalog, `GET /rules`. */
    RuleList: {
      items: components['schemas']['RuleDescription'][];
    };
  };
  responses: {
    /** A Backstage error body. */
    ErrorResponse: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    kind: string;
    namespace: string;
    name: string;
    /** Owner entity refs, e.g. `group:default/team-a`. */
    owner: string[];
    system: string[];
    domain: string[];
    lifecycle: string[];
    entityKind: string[];
    grade: components['schemas']['Grade'][];
    status: components['schemas']['ScanStatus'][];
    /** Entities with at least one finding in one of these categories. */
    category: components['schemas']['Category'][];
    /** Entities with at least one finding of one of these rules (ids or aliases such as `hadolint:DL3019`). */
    rule: string[];
    /** Entities with at least one finding of one of these severities. */
    severity: components['schemas']['Severity'][];
    stale: boolean;
    compliant: boolean;
    /** true, services that silence findings (their config, inline comments or waivers); false, those that silence none. */
    suppressed: boolean;
    /** Case-insensitive substring of the entity's name or title. */
    search: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
/** The operations of the OpenAPI spec: parameters and responses. @public */
export interface operations {
  GetHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The plugin is up. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            status: 'ok';
          };
        };
      };
    };
  };
  GetEntityReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The report. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityReport'];
        };
      };
      400: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  GetEntityHistory: {
    parameters: {
      query?: {
        /** Only the last `days` days. */
        days?: number;
      };
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The history. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityHistory'];
        };
      };
      400: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  RescanEntity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The scan ran; its result and the updated report. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RescanResult'];
        };
      };
      400: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      /** Rescanned too recently; `Retry-After` says when to try again. */
      429: {
        headers: {
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  CreateImageReport: {
    parameters: {
      query?: {
        /** The Dockerfile the image was built from, as the entity's report names it (e.g. `Dockerfile`, `deploy/Dockerfile.api`). Omitted: the report applies when the entity has one Dockerfile. */
        dockerfile?: string;
        /** The pushed image's digest, when it differs from the report's image id. */
        imageDigest?: string;
      };
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ImageReportSubmission'];
      };
    };
    responses: {
      /** The report was stored. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImageReportReceipt'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      413: components['responses']['ErrorResponse'];
    };
  };
  ListEntityWaivers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The waivers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WaiverList'];
        };
      };
      400: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  CreateWaiver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: components['parameters']['kind'];
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewWaiver'];
      };
    };
    responses: {
      /** The waiver, active or pending approval. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Waiver'];
        };
      };
      400: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  ListWaivers: {
    parameters: {
      query?: {
        status?: components['schemas']['WaiverStatus'][];
        /** Only active waivers that expire within this many days. */
        expiringWithinDays?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The waivers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WaiverList'];
        };
      };
      400: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
    };
  };
  ApproveWaiver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The approved waiver. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Waiver'];
        };
      };
      400: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      409: components['responses']['ErrorResponse'];
    };
  };
  RevokeWaiver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The revoked waiver. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Waiver'];
        };
      };
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      409: components['responses']['ErrorResponse'];
    };
  };
  ListCampaigns: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The campaigns, nearest deadline first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignList'];
        };
      };
      403: components['responses']['ErrorResponse'];
    };
  };
  CreateCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewCampaign'];
      };
    };
    responses: {
      /** The campaign. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Campaign'];
        };
      };
      400: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      409: components['responses']['ErrorResponse'];
    };
  };
  GetCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The campaign's progress. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignProgress'];
        };
      };
      400: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  DeleteCampaign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      409: components['responses']['ErrorResponse'];
    };
  };
  GetReport: {
    parameters: {
      query?: {
        /** Owner entity refs, e.g. `group:default/team-a`. */
        owner?: components['parameters']['owner'];
        system?: components['parameters']['system'];
        domain?: components['parameters']['domain'];
        lifecycle?: components['parameters']['lifecycle'];
        kind?: components['parameters']['entityKind'];
        grade?: components['parameters']['grade'];
        status?: components['parameters']['status'];
        /** Entities with at least one finding in one of these categories. */
        category?: components['parameters']['category'];
        /** Entities with at least one finding of one of these rules (ids or aliases such as `hadolint:DL3019`). */
        rule?: components['parameters']['rule'];
        /** Entities with at least one finding of one of these severities. */
        severity?: components['parameters']['severity'];
        stale?: components['parameters']['stale'];
        /** true, services that silence findings (their config, inline comments or waivers); false, those that silence none. */
        suppressed?: components['parameters']['suppressed'];
        compliant?: components['parameters']['compliant'];
        /** Case-insensitive substring of the entity's name or title. */
        search?: components['parameters']['search'];
        sort?: components['schemas']['ReportSortField'];
        order?: 'asc' | 'desc';
        /** 1-based. */
        page?: number;
        /** At most 500. */
        pageSize?: number;
        groupBy?: components['schemas']['RollupDimension'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The report. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrgReport'];
        };
      };
      400: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
    };
  };
  GetReportHistory: {
    parameters: {
      query?: {
        /** Only the last `days` days (default 90). */
        days?: number;
        /** Owner entity refs, e.g. `group:default/team-a`. */
        owner?: components['parameters']['owner'];
        system?: components['parameters']['system'];
        domain?: components['parameters']['domain'];
        lifecycle?: components['parameters']['lifecycle'];
        kind?: components['parameters']['entityKind'];
        grade?: components['parameters']['grade'];
        status?: components['parameters']['status'];
        /** Entities with at least one finding in one of these categories. */
        category?: components['parameters']['category'];
        /** Entities with at least one finding of one of these rules (ids or aliases such as `hadolint:DL3019`). */
        rule?: components['parameters']['rule'];
        /** Entities with at least one finding of one of these severities. */
        severity?: components['parameters']['severity'];
        stale?: components['parameters']['stale'];
        /** true, services that silence findings (their config, inline comments or waivers); false, those that silence none. */
        suppressed?: components['parameters']['suppressed'];
        compliant?: components['parameters']['compliant'];
        /** Case-insensitive substring of the entity's name or title. */
        search?: components['parameters']['search'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The daily points, oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrgHistory'];
        };
      };
      400: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
    };
  };
  ExportReport: {
    parameters: {
      query: {
        format: components['schemas']['ReportExportFormat'];
        /** Owner entity refs, e.g. `group:default/team-a`. */
        owner?: components['parameters']['owner'];
        system?: components['parameters']['system'];
        domain?: components['parameters']['domain'];
        lifecycle?: components['parameters']['lifecycle'];
        kind?: components['parameters']['entityKind'];
        grade?: components['parameters']['grade'];
        status?: components['parameters']['status'];
        /** Entities with at least one finding in one of these categories. */
        category?: components['parameters']['category'];
        /** Entities with at least one finding of one of these rules (ids or aliases such as `hadolint:DL3019`). */
        rule?: components['parameters']['rule'];
        /** Entities with at least one finding of one of these severities. */
        severity?: components['parameters']['severity'];
        stale?: components['parameters']['stale'];
        /** true, services that silence findings (their config, inline comments or waivers); false, those that silence none. */
        suppressed?: components['parameters']['suppressed'];
        compliant?: components['parameters']['compliant'];
        /** Case-insensitive substring of the entity's name or title. */
        search?: components['parameters']['search'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The export. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
          'application/json': components['schemas']['EntitySummary'][];
        };
      };
      400: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
    };
  };
  GetScopeSummary: {
    parameters: {
      query?: {
        /** Days of trend (default 90). */
        days?: number;
      };
      header?: never;
      path: {
        /** group, system or domain (any case). */
        kind: string;
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The summary. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScopeSummary'];
        };
      };
      400: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  GetKnowledge: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The knowledge in use. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KnowledgeStatus'];
        };
      };
    };
  };
  ListRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The rules. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RuleList'];
        };
      };
    };
  };
  GetRule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The rule. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RuleDescription'];
        };
      };
      404: components['responses']['ErrorResponse'];
    };
  };
}
