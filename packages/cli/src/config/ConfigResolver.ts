import path from 'node:path';
import {
  AnalyzerConfig,
  ConfigError,
  parseConfig,
} from '@alpine-advisor/analyzer';
import {
  ConfigLookup as TreeConfigLookup,
  fileSystemTree,
  RepositoryConfigResolver,
} from '@alpine-advisor/repository-layout';
import { describeError } from '../cli/describeError';

/** The config governing one Dockerfile, or why it cannot be had. */
export type ConfigLookup =
  | {
      ok: true;
      /** The config file's settings; undefined when no file applies. */
      config?: AnalyzerConfig;
      /** Directory that override globs are relative to. */
      baseDirectory: string;
      /** Absolute path of the config file, when there is one. */
      source?: string;
    }
  | { ok: false; message: string };

/**
 * Finds and parses `.alpine-advisor.yaml` (or `.yml`) for each Dockerfile,
 * upward from its directory, or uses the one `--config` names: the
 * repository layout's resolver over the file system, the same one the portal
 * runs over a repository's files. Each file is read and parsed once however
 * many Dockerfiles it governs, and a broken file is reported once per
 * Dockerfile it would have governed.
 */
export class ConfigResolver {
  /** One resolver per file system root (drives on Windows). */
  private readonly resolvers = new Map<string, RepositoryConfigResolver>();

  constructor(
    private readonly cwd: string,
    private readonly explicitConfig?: string,
  ) {}

  /** The config for a Dockerfile in `directory` (absolute). */
  async lookup(directory: string): Promise<ConfigLookup> {
    if (this.explicitConfig) {
      const file = path.resolve(this.cwd, this.explicitConfig);
      const root = path.parse(file).root;
      return this.toLookup(
        root,
        await this.resolverFor(root).load(treePath(root, file)),
      );
    }
    const absolute = path.resolve(directory);
    const root = path.parse(absolute).root;
    return this.toLookup(
      root,
      await this.resolverFor(root).nearest(treePath(root, absolute)),
    );
  }

  private resolverFor(root: string): RepositoryConfigResolver {
    let resolver = this.resolvers.get(root);
    if (!resolver) {
      resolver = new RepositoryConfigResolver(
        fileSystemTree(root),
        (text, file) => parseConfig(text, this.displayName(onDisk(root, file))),
      );
      this.resolvers.set(root, resolver);
    }
    return resolver;
  }

  private displayName(configPath: string): string {
    return path.relative(this.cwd, configPath) || configPath;
  }

  private toLookup(root: string, lookup: TreeConfigLookup): ConfigLookup {
    if (!lookup.ok) {
      if (lookup.stage === 'read') {
        return {
          ok: false,
          message: `${this.displayName(
            onDisk(root, lookup.path),
          )}: cannot read config file: ${describeError(lookup.error)}`,
        };
      }
      // The facade checks rule ids against the catalog, so unknown rules land here too.
      if (lookup.error instanceof ConfigError) {
        return { ok: false, message: lookup.error.message };
      }
      throw lookup.error;
    }
    if (!lookup.file) return { ok: true, baseDirectory: this.cwd };
    const source = onDisk(root, lookup.file.path);
    return {
      ok: true,
      config: lookup.file.config,
      baseDirectory: path.dirname(source),
      source,
    };
  }
}

/** A path on disk as a path in the tree rooted at `root` (forward slashes). */
function treePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

function onDisk(root: string, file: string): string {
  return path.join(root, ...file.split('/'));
}
