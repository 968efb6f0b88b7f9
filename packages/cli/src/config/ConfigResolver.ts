import fs from 'node:fs';
import path from 'node:path';
import {
  AnalyzerConfig,
  ConfigError,
  parseConfig,
} from '@alpine-advisor/analyzer';
import { describeError } from '../discovery/findDockerfiles';
import { findConfigFile } from './findConfigFile';

/** The config governing one Dockerfile, or why it cannot be had. */
export type ConfigLookup =
  | {
      ok: true;
      config: AnalyzerConfig;
      /** Directory that override globs are relative to. */
      baseDirectory: string;
      /** Absolute path of the config file, when there is one. */
      source?: string;
    }
  | { ok: false; message: string };

/**
 * Finds and parses `.alpine-advisor.yaml` for each Dockerfile, upward from
 * its directory, or uses the one `--config` names. Each file is read and
 * parsed once however many Dockerfiles it governs, and a broken file is
 * reported once per Dockerfile it would have governed.
 */
export class ConfigResolver {
  private readonly directoryCache = new Map<string, string | undefined>();
  private readonly parsed = new Map<string, ConfigLookup>();

  constructor(
    private readonly cwd: string,
    private readonly explicitConfig?: string,
  ) {}

  /** The config for a Dockerfile in `directory` (absolute). */
  lookup(directory: string): ConfigLookup {
    const configPath = this.explicitConfig
      ? path.resolve(this.cwd, this.explicitConfig)
      : findConfigFile(directory, this.directoryCache);
    if (!configPath) {
      return { ok: true, config: {}, baseDirectory: this.cwd };
    }
    let lookup = this.parsed.get(configPath);
    if (!lookup) {
      lookup = this.load(configPath);
      this.parsed.set(configPath, lookup);
    }
    return lookup;
  }

  private load(configPath: string): ConfigLookup {
    const displayName = path.relative(this.cwd, configPath) || configPath;
    let text: string;
    try {
      text = fs.readFileSync(configPath, 'utf8');
    } catch (error) {
      return {
        ok: false,
        message: `${displayName}: cannot read config file: ${describeError(
          error,
        )}`,
      };
    }
    try {
      const config = parseConfig(text, displayName);
      return {
        ok: true,
        config,
        baseDirectory: path.dirname(configPath),
        source: configPath,
      };
    } catch (error) {
      // The facade checks rule ids against the catalog, so unknown rules land here too.
      if (error instanceof ConfigError) {
        return { ok: false, message: error.message };
      }
      throw error;
    }
  }
}
