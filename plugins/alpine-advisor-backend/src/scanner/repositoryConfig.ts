import type { AnalyzerConfig, Analyzer } from '@alpine-advisor/analyzer';
import { effectiveConfig } from '@alpine-advisor/analyzer';
import type { SourceFile } from '@alpine-advisor/backstage-plugin-node';
import { posix } from 'node:path';

interface ParsedConfig {
  directory: string;
  config: AnalyzerConfig;
}

/**
 * The analyzer settings of one repository: the organisation's rules from
 * app-config first, then the nearest `.alpine-advisor.yaml` above each
 * Dockerfile, which wins for the rules it names.
 */
export class RepositoryConfig {
  private constructor(
    private readonly organisation: AnalyzerConfig,
    private readonly files: ParsedConfig[],
  ) {}

  /** Throws the analyzer's ConfigError (naming file and key) for an invalid file. */
  static parse(
    analyzer: Analyzer,
    organisation: AnalyzerConfig,
    configFiles: SourceFile[],
  ): RepositoryConfig {
    const files = configFiles.map(file => ({
      directory:
        posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path),
      config: analyzer.parseConfig(String(file.content), file.path),
    }));
    // Deepest first, so the first match is the nearest ancestor.
    files.sort((a, b) => b.directory.length - a.directory.length);
    return new RepositoryConfig(organisation, files);
  }

  /** The settings that apply to the Dockerfile at `path` (relative to the source). */
  forDockerfile(path: string): AnalyzerConfig {
    const nearest = this.files.find(
      file => file.directory === '' || path.startsWith(`${file.directory}/`),
    );
    if (!nearest) {
      return effectiveConfig(this.organisation, path);
    }
    const relativePath = nearest.directory
      ? path.slice(nearest.directory.length + 1)
      : path;
    const repository = nearest.config;
    const layered: AnalyzerConfig = {
      ...this.organisation,
      overrides: [
        {
          files: ['**'],
          ignore: repository.ignore,
          severity: repository.severity,
        },
        ...(repository.overrides ?? []),
      ],
    };
    return effectiveConfig(layered, relativePath);
  }
}
