import type { AnalyzerConfig } from '@alpine-advisor/analyzer';
import { effectiveConfig } from '@alpine-advisor/analyzer';
import { CONFIG_FILE_NAMES } from './names';
import type { RepositoryTree } from './tree';

/**
 * Parses one config file's text; `path` is the file's path in the tree.
 * Throws the analyzer's `ConfigError` for an invalid file. The CLI passes
 * the analyzer's `parseConfig`, the backend its analyzer's (which also knows
 * the organisation's added rules).
 * @public
 */
export type ConfigParser = (text: string, path: string) => AnalyzerConfig;

/** A parsed config file. @public */
export interface RepositoryConfigFile {
  /** Path of the file in the tree. */
  path: string;
  /** Its folder (`''` for the root): override globs are relative to it. */
  directory: string;
  config: AnalyzerConfig;
}

/**
 * The config file governing a folder: none (`file` undefined), a parsed one,
 * or why it could not be had (`read` or `parse` failed, with the error).
 * @public
 */
export type ConfigLookup =
  | { ok: true; file?: RepositoryConfigFile }
  | { ok: false; path: string; stage: 'read' | 'parse'; error: unknown };

/** The settings of one Dockerfile, or why its config could not be had. @public */
export type DockerfileConfig =
  | { ok: true; config: AnalyzerConfig; source?: string }
  | Extract<ConfigLookup, { ok: false }>;

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Finds the nearest `.alpine-advisor.yaml` (or `.yml`; `.yaml` first when a
 * folder has both) at or above a folder of a tree, parses each file once
 * however many Dockerfiles it governs, and gives a Dockerfile its effective
 * settings: the host's (the organisation's, from app-config in the portal;
 * none in the CLI), then the nearest file's, which win for the rules they name.
 * @public
 */
export class RepositoryConfigResolver {
  private readonly inDirectory = new Map<string, Promise<string | undefined>>();
  private readonly loaded = new Map<string, Promise<ConfigLookup>>();

  constructor(
    private readonly tree: RepositoryTree,
    private readonly parse: ConfigParser,
    private readonly organisation: AnalyzerConfig = {},
  ) {}

  /** The config file nearest to a folder (`''` the root), looking upward. */
  async nearest(directory: string): Promise<ConfigLookup> {
    let current = trimSlashes(directory);
    for (;;) {
      const found = await this.configFileIn(current);
      if (found) return this.load(found);
      if (current === '') return { ok: true };
      current = parentOf(current);
    }
  }

  /** Reads and parses the config file at `path` (once). */
  load(path: string): Promise<ConfigLookup> {
    let lookup = this.loaded.get(path);
    if (!lookup) {
      lookup = this.readAndParse(path);
      this.loaded.set(path, lookup);
    }
    return lookup;
  }

  /** The effective settings of the Dockerfile at `path` (relative to the tree). */
  async forDockerfile(path: string): Promise<DockerfileConfig> {
    const lookup = await this.nearest(parentOf(trimSlashes(path)));
    if (!lookup.ok) return lookup;
    return {
      ok: true,
      config: effectiveRepositoryConfig(
        this.organisation,
        lookup.file?.config,
        lookup.file ? pathBelow(lookup.file.directory, path) : path,
      ),
      source: lookup.file?.path,
    };
  }

  private configFileIn(directory: string): Promise<string | undefined> {
    let found = this.inDirectory.get(directory);
    if (!found) {
      found = this.tree.list(directory).then(
        entries => {
          const files = new Set(
            entries.filter(entry => entry.kind === 'file').map(e => e.name),
          );
          const name = CONFIG_FILE_NAMES.find(candidate =>
            files.has(candidate),
          );
          return name === undefined ? undefined : joinPath(directory, name);
        },
        // Absent or unreadable: keep looking upward.
        () => undefined,
      );
      this.inDirectory.set(directory, found);
    }
    return found;
  }

  private async readAndParse(path: string): Promise<ConfigLookup> {
    let text: string;
    try {
      const content = await this.tree.read(path);
      text = typeof content === 'string' ? content : decoder.decode(content);
    } catch (error) {
      return { ok: false, path, stage: 'read', error };
    }
    try {
      const config = this.parse(text, path);
      return { ok: true, file: { path, directory: parentOf(path), config } };
    } catch (error) {
      return { ok: false, path, stage: 'parse', error };
    }
  }
}

/**
 * The settings of one Dockerfile: the host's settings, then the repository
 * file's (its `ignore` and `severity` for every file, its overrides, its
 * `knowledge` and `failOn`), resolved for `pathFromConfig`, the Dockerfile's
 * path relative to the config file's folder. Without a repository file, the
 * host's settings resolved for that path.
 * @public
 */
export function effectiveRepositoryConfig(
  organisation: AnalyzerConfig,
  repository: AnalyzerConfig | undefined,
  pathFromConfig: string,
): AnalyzerConfig {
  if (!repository) return effectiveConfig(organisation, pathFromConfig);
  const layered: AnalyzerConfig = {
    ...organisation,
    // The repository's knowledge goes on top of the host's (app-config, refresh).
    ...(repository.knowledge ? { knowledge: repository.knowledge } : {}),
    ...(repository.failOn ? { failOn: repository.failOn } : {}),
    // As the portal always did: the host's own overrides give way to the
    // repository file (their globs would be read from another folder).
    overrides: [
      {
        files: ['**'],
        ignore: repository.ignore,
        severity: repository.severity,
      },
      ...(repository.overrides ?? []),
    ],
  };
  return effectiveConfig(layered, pathFromConfig);
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function joinPath(directory: string, name: string): string {
  return directory ? `${directory}/${name}` : name;
}

function pathBelow(directory: string, path: string): string {
  return directory ? path.slice(directory.length + 1) : path;
}
