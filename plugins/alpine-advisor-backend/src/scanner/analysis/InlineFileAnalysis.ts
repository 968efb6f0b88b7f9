import type {
  Analyzer,
  AnalyzerConfig,
  FileReport,
} from '@alpine-advisor/analyzer';
import type { AnalysisRequest, FileAnalysis } from './FileAnalysis';

/**
 * Analysis on the event loop. Used when rules were added by modules (rule
 * functions cannot move to another thread) or when workers are turned off.
 */
export class InlineFileAnalysis implements FileAnalysis {
  constructor(
    private readonly analyzer: Analyzer,
    /** The organisation's enforced rules, for every file. */
    private readonly enforcedRules: readonly string[] = [],
    /** The organisation's rule settings: what each file silences beyond them is counted. */
    private readonly suppressionBaseline: AnalyzerConfig = {},
  ) {}

  async analyse(files: AnalysisRequest[], now: Date): Promise<FileReport[]> {
    return files.map(file =>
      this.analyzer.analyzeDockerfile(
        { path: file.path, content: file.content, context: file.context },
        {
          config: file.config,
          now,
          knowledge: file.knowledge,
          enforcedRules: this.enforcedRules,
          waivers: file.waivers,
          // Stored with each finding: waivers of one finding name it.
          fingerprints: true,
          suppressionBaseline: this.suppressionBaseline,
        },
      ),
    );
  }

  async close(): Promise<void> {}
}
