import type { AnalyzerConfig, FileReport } from '@alpine-advisor/analyzer';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { Worker } from 'node:worker_threads';
import type { AnalysisRequest, FileAnalysis } from './FileAnalysis';

/** After this many crashed workers the pool gives up and analyses inline. */
const MAX_CRASHES = 3;

interface Job {
  id: number;
  files: AnalysisRequest[];
  now: Date;
  resolve(reports: FileReport[]): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  job?: Job;
}

/**
 * Analysis on worker threads. Analysing a Dockerfile is pure CPU (about a
 * millisecond); on the event loop a sweep of thousands of entities would
 * hold up every other request the backend serves, and use one core only.
 * Jobs whose worker fails fall back to `fallback`, as does everything once
 * workers keep crashing.
 */
export class WorkerFileAnalysis implements FileAnalysis {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private crashes = 0;
  private closed = false;

  constructor(
    private readonly options: {
      size: number;
      /** The worker's module file (worker/analysisWorker.js, shipped with the package). */
      workerPath: string;
      analyzerPath: string;
      execArgv: string[];
      fallback: FileAnalysis;
      logger: LoggerService;
      /** The organisation's enforced rules, for every file. */
      enforcedRules?: readonly string[];
      /** The organisation's rule settings (see InlineFileAnalysis). */
      suppressionBaseline?: AnalyzerConfig;
    },
  ) {}

  analyse(files: AnalysisRequest[], now: Date): Promise<FileReport[]> {
    if (this.closed || this.crashes >= MAX_CRASHES) {
      return this.options.fallback.analyse(files, now);
    }
    return new Promise<FileReport[]>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, files, now, resolve, reject });
      this.dispatch();
    }).catch(() => this.options.fallback.analyse(files, now));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
    this.workers.length = 0;
    for (const job of this.queue.splice(0)) {
      job.reject(new Error('Analysis pool closed'));
    }
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.idleWorker();
      if (!idle) {
        return;
      }
      const job = this.queue.shift()!;
      idle.job = job;
      idle.worker.postMessage({
        id: job.id,
        now: job.now.getTime(),
        enforcedRules: this.options.enforcedRules ?? [],
        suppressionBaseline: this.options.suppressionBaseline ?? {},
        files: job.files.map(file => ({
          path: file.path,
          content: file.content,
          config: file.config,
          knowledge: file.knowledge,
          waivers: file.waivers,
          context: file.context,
        })),
      });
    }
  }

  private idleWorker(): PoolWorker | undefined {
    const idle = this.workers.find(candidate => !candidate.job);
    if (idle || this.workers.length >= this.options.size) {
      return idle;
    }
    return this.spawn();
  }

  private spawn(): PoolWorker {
    const worker = new Worker(this.options.workerPath, {
      workerData: { analyzerPath: this.options.analyzerPath },
      execArgv: this.options.execArgv,
      // The analyzer caps its input at 1 MB; a worker needs little heap, and
      // a bound keeps sweeps from growing the backend's memory.
      resourceLimits: {
        maxOldGenerationSizeMb: 160,
        maxYoungGenerationSizeMb: 16,
      },
    });
    // Workers must not keep a stopping backend alive.
    worker.unref();
    const pooled: PoolWorker = { worker };
    worker.on(
      'message',
      (message: { id?: number; reports?: FileReport[]; error?: string }) => {
        const job = pooled.job;
        if (message.id === undefined || !job || job.id !== message.id) {
          return;
        }
        pooled.job = undefined;
        if (message.error !== undefined) {
          job.reject(new Error(message.error));
        } else {
          job.resolve(message.reports ?? []);
        }
        this.dispatch();
      },
    );
    const lose = (error: Error) => {
      const index = this.workers.indexOf(pooled);
      if (index === -1) {
        return;
      }
      this.workers.splice(index, 1);
      pooled.job?.reject(error);
      pooled.job = undefined;
      if (!this.closed) {
        this.crashes += 1;
        this.options.logger.warn(
          `Alpine Advisor analysis worker stopped (${error.message}); ${
            this.crashes >= MAX_CRASHES
              ? 'analysing on the main thread from now on'
              : 'starting another'
          }`,
        );
        if (this.crashes >= MAX_CRASHES) {
          for (const job of this.queue.splice(0)) {
            job.reject(error);
          }
        }
        this.dispatch();
      }
    };
    worker.on('error', lose);
    worker.on('exit', code => lose(new Error(`exit code ${code}`)));
    this.workers.push(pooled);
    return pooled;
  }
}
