import type { AnalyzerConfig, FileReport } from '@alpine-advisor/analyzer';

/** One Dockerfile to analyse, with the settings that apply to it. */
export interface AnalysisRequest {
  path: string;
  content: Buffer | string;
  config: AnalyzerConfig;
}

/** Runs the analyzer over an entity's Dockerfiles, here or on worker threads. */
export interface FileAnalysis {
  /** Reports in request order; never rejects for a bad Dockerfile (the analyzer does not throw). */
  analyse(files: AnalysisRequest[], now: Date): Promise<FileReport[]>;
  close(): Promise<void>;
}
