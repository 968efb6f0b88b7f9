import { createHash } from 'node:crypto';
import type {
  CompliancePolicy,
  Grade,
} from '@alpine-advisor/backstage-plugin-common';
import type { NotificationSeverity } from '@backstage/plugin-notifications-common';
import type {
  StoredResults,
  StoredResultsListener,
} from '../scanner/storedResults';
import type { ScanSuccess } from '../scanner/types';
import { GRADES, compliantGrades } from '../service/report/compliance';
import type { AdvisorNotifier } from './AdvisorNotifier';
import type { NotificationState } from './NotificationStateStore';
import { NOTIFICATION_TOPICS } from './settings';

const TOPICS = [
  NOTIFICATION_TOPICS.gradeDrop,
  NOTIFICATION_TOPICS.newMuslRisk,
  NOTIFICATION_TOPICS.alpineEol,
];

/** The grade topic's one key: its state is `GradeState` as JSON. */
const GRADE_KEY = 'grade';

/**
 * The grade last notified (or the best since), the grade last seen, and a
 * digest of the last outcome seen (grade, musl error fingerprints, end of
 * life states), which makes this row the entity's claim on each change.
 */
interface GradeState {
  reference: Grade;
  last: Grade;
  digest: string;
}

const PRESENT = 'present';

type EolState = 'soon' | 'eol';

/** What of a stored result the topics compare. */
interface Outcome {
  grade: Grade;
  /** Error-level musl findings not waived, by fingerprint (or path and rule when a finding has none). */
  muslErrors: Map<string, { ruleId: string; path: string; line: number }>;
  /** Alpine releases at or near their end of life, per release. */
  eol: Map<string, EolState>;
}

/** One topic's reason to notify, gathered per entity into one notification. */
interface Reason {
  topic: string;
  severity: NotificationSeverity;
  title: string;
  description: string;
}

const SEVERITY_ORDER: NotificationSeverity[] = [
  'low',
  'normal',
  'high',
  'critical',
];

/**
 * Compares each stored result with the entity's previous one, as the
 * `notification_state` table remembers it, and notifies the owning group of
 * what got worse: the grade fell below the compliance policy or by
 * `gradeDropStep` grades, an error-level musl finding appeared (by
 * fingerprint, not by count), an Alpine release reached its end of life or
 * came within 90 days of it. What one stored result changed for an entity
 * is one notification (topic: the first of new musl risk, grade drop, end
 * of life that applies; the description lists them all).
 *
 * The first result seen for an entity only records its state (no flood of
 * notifications when the plugin or this feature is switched on). Results of
 * re-scoring after a waiver changed (trigger `waiver`) record their state
 * silently too: the waiver's own notice (expiry) tells the owner.
 */
export class ScanResultNotifier implements StoredResultsListener {
  constructor(
    private readonly options: {
      notifier: AdvisorNotifier;
      policy: CompliancePolicy;
      gradeDropStep: number;
      now?: () => Date;
    },
  ) {}

  async resultsStored(results: StoredResults): Promise<void> {
    if (results.successes.length === 0) return;
    const { store } = this.options.notifier;
    const states = await store.states(
      results.successes.map(scan => scan.entityRef),
      TOPICS,
    );
    for (const scan of results.successes) {
      await this.compare(scan, states.get(scan.entityRef) ?? []);
    }
  }

  private async compare(
    scan: ScanSuccess,
    prefetched: NotificationState[],
  ): Promise<void> {
    const { store } = this.options.notifier;
    let previous = prefetched;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const result = await this.compareWith(scan, previous);
      if (result !== 'lost') return;
      // Another replica stored a result of this entity meanwhile: look again.
      previous =
        (await store.states([scan.entityRef], TOPICS)).get(scan.entityRef) ??
        [];
    }
  }

  /**
   * The grade row carries a digest of the whole outcome, so it changes with
   * every new outcome: whoever moves it (compare-and-set) owns the change
   * and is the one replica that notifies it.
   */
  private async compareWith(
    scan: ScanSuccess,
    previous: NotificationState[],
  ): Promise<'done' | 'lost'> {
    const { notifier } = this.options;
    const { store } = notifier;
    const now = this.options.now?.() ?? new Date();
    const outcome = outcomeOf(scan);
    const digest = digestOf(outcome);
    const of = (topic: string) => previous.filter(row => row.topic === topic);
    const gradeRow = of(NOTIFICATION_TOPICS.gradeDrop).find(
      row => row.key === GRADE_KEY,
    );
    const before = gradeRow ? parseGradeState(gradeRow.state) : undefined;
    if (before?.digest === digest) {
      return 'done';
    }
    const silent = before === undefined || scan.trigger === 'waiver';

    // The grade, against the policy and the last notified grade.
    const grade = outcome.grade;
    let next: GradeState = { reference: grade, last: grade, digest };
    let dropped: string | undefined;
    if (before) {
      const compliant = compliantGrades(this.options.policy);
      const belowPolicy =
        compliant.includes(before.last) && !compliant.includes(grade);
      const steps = rank(grade) - rank(before.reference);
      const byStep = steps >= this.options.gradeDropStep;
      if ((belowPolicy || byStep) && !silent) {
        dropped = belowPolicy
          ? `Grade ${before.last} → ${grade}, below the compliance policy (${this.options.policy.description}).`
          : `Grade ${before.reference} → ${grade} (${steps} grades down).`;
      } else if (rank(grade) > rank(before.reference)) {
        next = { reference: before.reference, last: grade, digest };
      }
    }
    const gradeKey = {
      entityRef: scan.entityRef,
      topic: NOTIFICATION_TOPICS.gradeDrop,
      key: GRADE_KEY,
    };
    const nextState = JSON.stringify(next);
    const claimed = await store.compareAndSet(
      gradeKey,
      gradeRow?.state,
      nextState,
      now,
      dropped !== undefined &&
        notifier.isTopicEnabled(NOTIFICATION_TOPICS.gradeDrop),
    );
    if (!claimed) {
      return 'lost';
    }
    const undo: Array<() => Promise<void>> = [
      () => notifier.undo(gradeKey, gradeRow?.state, nextState),
    ];
    const reasons: Reason[] = [];

    // New error-level musl findings, by identity.
    const known = new Map(
      of(NOTIFICATION_TOPICS.newMuslRisk).map(row => [row.key, row.state]),
    );
    const appeared: string[] = [];
    for (const [key, finding] of outcome.muslErrors) {
      if (known.has(key)) continue;
      const target = {
        entityRef: scan.entityRef,
        topic: NOTIFICATION_TOPICS.newMuslRisk,
        key,
      };
      if (
        (await store.compareAndSet(
          target,
          undefined,
          PRESENT,
          now,
          !silent && notifier.isTopicEnabled(target.topic),
        )) &&
        !silent
      ) {
        undo.push(() => notifier.undo(target, undefined, PRESENT));
        appeared.push(`${finding.ruleId} (${finding.path}:${finding.line})`);
      }
    }
    for (const [key, state] of known) {
      if (!outcome.muslErrors.has(key)) {
        await store.remove(
          {
            entityRef: scan.entityRef,
            topic: NOTIFICATION_TOPICS.newMuslRisk,
            key,
          },
          state,
        );
      }
    }
    if (appeared.length > 0) {
      reasons.push({
        topic: NOTIFICATION_TOPICS.newMuslRisk,
        severity: 'high',
        title: `New breaking musl risk in ${scan.entityRef}`,
        description: `New error-level musl finding${
          appeared.length > 1 ? 's' : ''
        }: ${appeared.join(', ')}.`,
      });
    }
    if (dropped) {
      reasons.push({
        topic: NOTIFICATION_TOPICS.gradeDrop,
        severity: 'high',
        title: `${scan.entityRef} dropped to grade ${grade}`,
        description: dropped,
      });
    }

    // Alpine releases reaching their end of life.
    const eolRows = new Map(
      of(NOTIFICATION_TOPICS.alpineEol).map(row => [row.key, row.state]),
    );
    const eolNews: Array<{ release: string; state: EolState }> = [];
    for (const [release, state] of outcome.eol) {
      const was = eolRows.get(release);
      if (was === state) continue;
      const worse = !silent && (state === 'eol' || was === undefined);
      const target = {
        entityRef: scan.entityRef,
        topic: NOTIFICATION_TOPICS.alpineEol,
        key: release,
      };
      if (
        (await store.compareAndSet(
          target,
          was,
          state,
          now,
          worse && notifier.isTopicEnabled(target.topic),
        )) &&
        worse
      ) {
        undo.push(() => notifier.undo(target, was, state));
        eolNews.push({ release, state });
      }
    }
    for (const [release, state] of eolRows) {
      if (!outcome.eol.has(release)) {
        await store.remove(
          {
            entityRef: scan.entityRef,
            topic: NOTIFICATION_TOPICS.alpineEol,
            key: release,
          },
          state,
        );
      }
    }
    if (eolNews.length > 0) {
      const reached = eolNews.some(news => news.state === 'eol');
      reasons.push({
        topic: NOTIFICATION_TOPICS.alpineEol,
        severity: reached ? 'high' : 'normal',
        title: reached
          ? `${scan.entityRef} runs an end-of-life Alpine release`
          : `${scan.entityRef}'s Alpine release reaches its end of life within 90 days`,
        description: eolNews
          .map(news =>
            news.state === 'eol'
              ? `Alpine ${news.release} is past its end of life.`
              : `Alpine ${news.release} reaches its end of life within 90 days.`,
          )
          .join(' '),
      });
    }

    const sendable = reasons.filter(reason =>
      notifier.isTopicEnabled(reason.topic),
    );
    if (sendable.length === 0) return 'done';
    const [first] = sendable;
    const sent = await notifier.send(scan.entityRef, first.topic, {
      title: first.title,
      description: sendable.map(reason => reason.description).join(' '),
      severity: sendable
        .map(reason => reason.severity)
        .reduce((worst, severity) =>
          SEVERITY_ORDER.indexOf(severity) > SEVERITY_ORDER.indexOf(worst)
            ? severity
            : worst,
        ),
    });
    if (!sent) {
      // Put the state back: the change is seen, and sent, next time.
      for (const step of undo.reverse()) {
        await step();
      }
    }
    return 'done';
  }
}

function rank(grade: Grade): number {
  return GRADES.indexOf(grade);
}

function parseGradeState(state: string): GradeState | undefined {
  try {
    const parsed = JSON.parse(state) as GradeState;
    return GRADES.includes(parsed.reference) &&
      GRADES.includes(parsed.last) &&
      typeof parsed.digest === 'string'
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}

function digestOf(outcome: Outcome): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        outcome.grade,
        [...outcome.muslErrors.keys()].sort(),
        [...outcome.eol.entries()].sort(),
      ]),
    )
    .digest('hex')
    .slice(0, 16);
}

/** The facts of a stored result that notifications compare. */
export function outcomeOf(scan: ScanSuccess): Outcome {
  const muslErrors: Outcome['muslErrors'] = new Map();
  const eol = new Map<string, EolState>();
  for (const file of scan.files) {
    for (const finding of file.findings) {
      if (
        finding.category === 'musl' &&
        finding.severity === 'error' &&
        !finding.waived
      ) {
        muslErrors.set(
          finding.fingerprint ?? `${file.path}#${finding.ruleId}`,
          { ruleId: finding.ruleId, path: file.path, line: finding.line },
        );
      }
    }
    for (const stage of file.stages) {
      if (!stage.alpineRelease) continue;
      const soon = file.findings.some(
        finding =>
          finding.ruleId === 'alpine-eol-soon' && finding.line === stage.line,
      );
      let state: EolState | undefined;
      if (stage.endOfLife) state = 'eol';
      else if (soon) state = 'soon';
      if (state && eol.get(stage.alpineRelease) !== 'eol') {
        eol.set(stage.alpineRelease, state);
      }
    }
  }
  return { grade: scan.service.grade, muslErrors, eol };
}
