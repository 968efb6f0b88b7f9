import {
  contextFromStorage,
  isOmittedContext,
} from '../scanner/storableContext';
import type { StoredContext } from '../scanner/storableContext';
import type {
  FileReport,
  FindingWaiver,
  KnowledgeOverrides,
} from '@alpine-advisor/analyzer';
import { describeKnowledge } from '@alpine-advisor/analyzer';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ScanStore } from '../database/ScanStore';
import type {
  AnalysisRequest,
  FileAnalysis,
} from '../scanner/analysis/FileAnalysis';
import {
  analyseDockerfiles,
  analysedOutcome,
} from '../scanner/analyseDockerfiles';
import { recordOutcomes } from '../scanner/recordOutcomes';
import type { ScanOutcome } from '../scanner/ScanOutcome';
import type {
  DatabaseKnowledgeStore,
  RescorableEntity,
} from './DatabaseKnowledgeStore';

const PAGE_SIZE = 100;

/**
 * After the release data changed: analyses the stored Dockerfiles of every
 * fresh Alpine entity again with the knowledge before and after, and records
 * a new result (trigger `knowledge`) for those whose findings or score
 * differ. Repositories are not read. Entities whose files cannot be analysed
 * again (content not kept, or stored before their settings were) are left for
 * the next sweep, which reads them because their fingerprint is forgotten.
 */
export class KnowledgeRescorer {
  constructor(
    private readonly options: {
      knowledgeStore: DatabaseKnowledgeStore;
      scanStore: ScanStore;
      analysis: FileAnalysis;
      logger: LoggerService;
      now?: () => Date;
      /** Waivers in force stay applied when stored files are analysed again. */
      waivers?: {
        inForce(entityRef: string, now: Date): Promise<FindingWaiver[]>;
      };
    },
  ) {}

  async rescore(
    before: KnowledgeOverrides[],
    after: KnowledgeOverrides[],
    signal?: AbortSignal,
  ): Promise<{ rescored: string[]; rereadNextSweep: string[] }> {
    const { knowledgeStore, scanStore } = this.options;
    const now = this.options.now?.() ?? new Date();
    const stamps = [
      describeKnowledge(before).version,
      describeKnowledge(after).version,
    ];
    const rescored: string[] = [];
    const reread: string[] = [];
    let after_ = '';
    for (;;) {
      if (signal?.aborted) break;
      const page = await knowledgeStore.listRescorable(after_, PAGE_SIZE);
      if (page.length === 0) break;
      after_ = page[page.length - 1].entityRef;
      const outcomes: ScanOutcome[] = [];
      for (const entity of page) {
        if (!analysable(entity)) {
          reread.push(entity.entityRef);
          continue;
        }
        const started = Date.now();
        const waivers = await this.options.waivers?.inForce(
          entity.entityRef,
          now,
        );
        // The scan pipeline's analysis and outcome steps, on stored files.
        const [old, current] = await Promise.all([
          this.analyse(entity, before, now, waivers),
          analyseDockerfiles(
            this.options.analysis,
            requests(entity, after, waivers),
            now,
          ),
        ]);
        if (verdicts(old, stamps) === verdicts(current.reports, stamps)) {
          continue;
        }
        outcomes.push(
          analysedOutcome(
            {
              entityRef: entity.entityRef,
              sourceLocation: entity.sourceLocation,
              startedAt: now,
              durationMs: Date.now() - started,
              trigger: 'knowledge',
              revision: entity.revision,
              analysisFingerprint: entity.analysisFingerprint ?? '',
            },
            current,
          ),
        );
        rescored.push(entity.entityRef);
      }
      await recordOutcomes(scanStore, outcomes, now);
    }
    if (reread.length > 0) await knowledgeStore.forgetFingerprints(reread);
    this.options.logger.info(
      `Alpine Advisor re-scored ${
        rescored.length
      } entities after the release data changed${
        reread.length > 0
          ? `; ${reread.length} will be read again by the next sweep (files stored without their text or settings)`
          : ''
      }`,
    );
    return { rescored, rereadNextSweep: reread };
  }

  private analyse(
    entity: RescorableEntity,
    knowledge: KnowledgeOverrides[],
    now: Date,
    waivers?: FindingWaiver[],
  ): Promise<FileReport[]> {
    return this.options.analysis.analyse(
      requests(entity, knowledge, waivers),
      now,
    );
  }
}

/** A stored entity's files to analyse again, with the settings they were analysed with. */
function requests(
  entity: RescorableEntity,
  knowledge: KnowledgeOverrides[],
  waivers?: FindingWaiver[],
): AnalysisRequest[] {
  return entity.files.map(file => ({
    path: file.path,
    content: file.content!,
    config: file.analysisConfig!,
    context: contextOf(file.analysisContext),
    knowledge,
    waivers,
  }));
}

function analysable(entity: RescorableEntity): boolean {
  return entity.files.every(
    file =>
      file.content !== undefined &&
      file.analysisConfig !== undefined &&
      // A context too large to keep must be read again from the repository.
      !isOmittedContext(file.analysisContext),
  );
}

/** What a knowledge change can move: findings, scores, stages; not the knowledge stamp itself. */
function verdicts(reports: FileReport[], stamps: string[]): string {
  let text = JSON.stringify(
    reports.map(({ knowledge: _knowledge, ...rest }) => rest),
  );
  // Messages name the knowledge version; a new name alone is not a new verdict.
  for (const stamp of stamps) text = text.split(stamp).join('<knowledge>');
  return text;
}

function contextOf(stored: StoredContext | { omitted: true } | undefined) {
  return stored && !isOmittedContext(stored)
    ? contextFromStorage(stored)
    : undefined;
}
