import type {
  FindingWaiver,
  KnowledgeOverrides,
} from '@alpine-advisor/analyzer';

/**
 * What an analysis applies besides the files: the knowledge layered over the
 * analyzer's tables and each entity's waivers in force. Read once for a page
 * of entities, before any is scanned, so a scan in progress never waits on
 * the database (and a database outage mid-page fails no entity).
 */
export interface AnalysisInputs {
  knowledge?: KnowledgeOverrides[];
  waivers: ReadonlyMap<string, FindingWaiver[]>;
}

export interface AnalysisInputSources {
  /** Knowledge layered over the analyzer's bundled tables (refreshed release data, app-config). */
  knowledge?: { layers(): Promise<KnowledgeOverrides[]> };
  /** The entities' waivers in force (applied by the analyzer, see WaiverApplier). */
  waivers?: {
    inForceFor(
      entityRefs: string[],
      now: Date,
    ): Promise<Map<string, FindingWaiver[]>>;
  };
  /** Runs the reads again while the database is unreachable (the sweep's), see TransientRetry. */
  retry?: { run<T>(description: string, work: () => Promise<T>): Promise<T> };
}

export async function loadAnalysisInputs(
  sources: AnalysisInputSources,
  entityRefs: string[],
  now: Date,
): Promise<AnalysisInputs> {
  const retrying = <T>(description: string, work: () => Promise<T>) =>
    sources.retry ? sources.retry.run(description, work) : work();
  const [knowledge, waivers] = await Promise.all([
    sources.knowledge &&
      retrying('read the knowledge layers', () => sources.knowledge!.layers()),
    sources.waivers
      ? retrying(`read the waivers of ${entityRefs.length} entities`, () =>
          sources.waivers!.inForceFor(entityRefs, now),
        )
      : new Map<string, FindingWaiver[]>(),
  ]);
  return { knowledge, waivers };
}
