import type { Analyzer, FileReport } from '@alpine-advisor/analyzer';
import type { AnalysisRequest, FileAnalysis } from './FileAnalysis';

/**
 * Analysis on the event loop. Used when rules were added by modules (rule
 * functions cannot move to another thread) or when workers are turned off.
 */
export class InlineFileAnalysis implements FileAnalysis {
  constructor(private readonly analyzer: Analyzer) {}

  async analyse(files: AnalysisRequest[], now: Date): Promise<FileReport[]> {
    return files.map(file =>
      this.analyzer.analyzeDockerfile(
        { path: file.path, content: file.content },
        { config: file.config, now },
      ),
    );
  }

  async close(): Promise<void> {}
}
