import type { Analyzer } from '@alpine-advisor/analyzer';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { FileAnalysis } from './FileAnalysis';
import { InlineFileAnalysis } from './InlineFileAnalysis';
import { WorkerFileAnalysis } from './WorkerFileAnalysis';

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
}): FileAnalysis {
  const inline = new InlineFileAnalysis(options.analyzer);
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
    analyzerPath,
    execArgv,
    fallback: inline,
    logger: options.logger,
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
