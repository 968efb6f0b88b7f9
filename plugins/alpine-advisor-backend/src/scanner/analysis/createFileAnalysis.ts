import type { Analyzer, AnalyzerConfig } from '@alpine-advisor/analyzer';
import {
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { FileAnalysis } from './FileAnalysis';
import { InlineFileAnalysis } from './InlineFileAnalysis';
import { WorkerFileAnalysis } from './WorkerFileAnalysis';

/**
 * The worker thread's module: a file of the package (shipped next to the
 * migrations, see package.json "files"), found the way the migrations are.
 */
export const ANALYSIS_WORKER_PATH = resolvePackagePath(
  '@alpine-advisor/backstage-plugin-backend',
  'worker/analysisWorker.js',
);

/**
 * Worker threads when possible: `workers` > 0, no rules added by modules
 * (functions stay on this thread), and an analyzer a worker can load — the
 * built package, or its TypeScript sources when this process runs with the
 * Backstage CLI's transform (local development).
 */
export function createFileAnalysis(options: {
  analyzer: Analyzer;
  workers: number;
  hasAddedRules: boolean;
  logger: LoggerService;
  /** `alpineAdvisor.rules.enforce`: applies to every analysis, rescores included. */
  enforcedRules?: readonly string[];
  /** `alpineAdvisor.rules`: what a repository's own settings silence beyond it is counted (`FileReport.suppressed`). */
  suppressionBaseline?: AnalyzerConfig;
}): FileAnalysis {
  const enforcedRules = [...(options.enforcedRules ?? [])];
  const suppressionBaseline = options.suppressionBaseline ?? {};
  const inline = new InlineFileAnalysis(
    options.analyzer,
    enforcedRules,
    suppressionBaseline,
  );
  if (options.workers < 1 || options.hasAddedRules) {
    if (options.hasAddedRules && options.workers > 0) {
      options.logger.info(
        'Alpine Advisor analyses on the main thread: modules added rules, which cannot move to worker threads',
      );
    }
    return inline;
  }
  const analyzerPath = require.resolve('@alpine-advisor/analyzer');
  const execArgv = workerExecArgv(analyzerPath);
  if (!execArgv) {
    return inline;
  }
  return new WorkerFileAnalysis({
    size: options.workers,
    workerPath: ANALYSIS_WORKER_PATH,
    analyzerPath,
    execArgv,
    fallback: inline,
    logger: options.logger,
    enforcedRules,
    suppressionBaseline,
  });
}

/**
 * The parent's flags minus debugger and profiler ones. A TypeScript analyzer
 * (development) needs the transform the parent runs with; without it there
 * are no workers.
 */
function workerExecArgv(analyzerPath: string): string[] | undefined {
  const inherited = process.execArgv.filter(
    flag => !flag.startsWith('--inspect') && !flag.startsWith('--cpu-prof'),
  );
  if (
    /\.tsx?$/.test(analyzerPath) &&
    !inherited.some(flag => flag.includes('nodeTransform'))
  ) {
    return undefined;
  }
  return inherited;
}
