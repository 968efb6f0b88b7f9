import type {
  AnalyzerConfig,
  BuildContextInput,
  FileReport,
  FindingWaiver,
  KnowledgeOverrides,
} from '@alpine-advisor/analyzer';

/** One Dockerfile to analyse, with the settings that apply to it. */
export interface AnalysisRequest {
  path: string;
  content: Buffer | string;
  config: AnalyzerConfig;
  /** Layers over the bundled knowledge, lowest precedence first (plain data: crosses threads). */
  knowledge?: KnowledgeOverrides[];
  /** The entity's waivers in force (plain data: crosses threads); the analyzer checks their expiry. */
  waivers?: FindingWaiver[];
  /** The Dockerfile's build context as the source reader found it (plain data: crosses threads). */
  context?: BuildContextInput;
}

/** Runs the analyzer over an entity's Dockerfiles, here or on worker threads. */
export interface FileAnalysis {
  /** Reports in request order; never rejects for a bad Dockerfile (the analyzer does not throw). */
  analyse(files: AnalysisRequest[], now: Date): Promise<FileReport[]>;
  close(): Promise<void>;
}
