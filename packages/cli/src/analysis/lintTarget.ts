import fs from 'node:fs';
import path from 'node:path';
import {
  analyzeDockerfile,
  FileReport,
  KnowledgeOverrides,
} from '@alpine-advisor/analyzer';
import type { BuildContextInput } from '@alpine-advisor/analyzer';
import {
  collectBuildContext,
  effectiveRepositoryConfig,
  fileSystemTree,
} from '@alpine-advisor/repository-layout';
import type { FailOn } from '../cli/options';
import type { ConfigResolver } from '../config/ConfigResolver';
import type { Target } from '../discovery/collectTargets';
import { describeError } from '../cli/describeError';
import { fixUntilStable } from '../fix/fixUntilStable';
import { decodeText, DecodedText, encodeText } from './decodeText';
import { withCliIgnores } from './withCliIgnores';

export interface LintSettings {
  cwd: string;
  configs: ConfigResolver;
  /** Rule ids (already resolved from aliases) ignored on the command line. */
  ignore: readonly string[];
  /** Rule ids (resolved) that `--enforce` keeps from being ignored or downgraded, as the portal's `alpineAdvisor.rules.enforce`. */
  enforce: readonly string[];
  /** `--fail-on`, which beats each file's config when given. */
  failOn?: FailOn;
  /** Apply fixes in memory (`--fix` and `--fix-dry-run`). */
  fix: boolean;
  stdinFilename?: string;
  readStdin(): Promise<Uint8Array>;
  /** `--knowledge FILE`, validated; each config's own `knowledge:` goes on top. */
  knowledge?: KnowledgeOverrides;
}

/** One Dockerfile analysed, with what the output and the exit code need. */
export interface LintedFile {
  report: FileReport;
  failOn: FailOn;
  /** Text the findings refer to (after fixes), for code frames. */
  text?: string;
  /** Set when fixes changed the text: the original and the file to write. */
  fixed?: {
    before: string;
    after: string;
    applied: number;
    absolutePath?: string;
  };
}

export type LintOutcome =
  | { ok: true; file: LintedFile }
  | { ok: false; message: string };

/**
 * Reads one target, finds its config, analyses it and, in fix mode, applies
 * fixes until none applies. Never throws for a bad file: the outcome carries
 * the message instead, so the other files are still reported.
 */
export async function lintTarget(
  target: Target,
  settings: LintSettings,
): Promise<LintOutcome> {
  const source = await readTarget(target, settings);
  if (!source.ok) return source;
  const lookup = await settings.configs.lookup(source.directory);
  if (!lookup.ok) return lookup;
  const relativeToConfig = toPosix(
    path.relative(lookup.baseDirectory, source.pathForConfig),
  );
  const config = withCliIgnores(
    // No organisation layer in the CLI: the repository's file alone.
    effectiveRepositoryConfig({}, lookup.config, relativeToConfig),
    settings.ignore,
  );
  const context = await buildContextOf(source);
  const analyze = (content: string | Uint8Array) =>
    analyzeDockerfile(
      { path: source.displayPath, content, context },
      {
        config,
        knowledge: settings.knowledge,
        enforcedRules: settings.enforce,
        // The portal's waivers name findings by fingerprint: the CLI shows the same one.
        fingerprints: true,
      },
    );
  const report = analyze(source.bytes);
  const decoded = decodeText(source.bytes);
  const failOn = settings.failOn ?? config.failOn ?? 'error';
  const file: LintedFile = { report, failOn, text: decoded?.text };
  if (settings.fix && decoded) {
    applyFixesTo(file, decoded, analyze, source.absolutePath);
  }
  return { ok: true, file };
}

/**
 * The Dockerfile's build context (its folder, as `docker build -f` from
 * there): manifests, lockfiles and `.dockerignore`, read with a size cap,
 * for the analyzer's facts. Standard input has one only when named.
 */
async function buildContextOf(
  source: ReadSource,
): Promise<BuildContextInput | undefined> {
  const dockerfile = source.absolutePath ?? source.namedPath;
  if (!dockerfile) return undefined;
  const context = await collectBuildContext(
    fileSystemTree(path.dirname(dockerfile)),
    path.basename(dockerfile),
  );
  return { ...context, root: displayFolderOf(source.displayPath) };
}

function displayFolderOf(displayPath: string): string {
  const slash = displayPath.lastIndexOf('/');
  return slash === -1 ? '.' : displayPath.slice(0, slash);
}

function applyFixesTo(
  file: LintedFile,
  decoded: DecodedText,
  analyze: (content: string) => FileReport,
  absolutePath: string | undefined,
): void {
  const outcome = fixUntilStable(decoded.text, file.report, analyze);
  if (outcome.applied === 0) return;
  file.report = outcome.report;
  file.text = outcome.text;
  file.fixed = {
    before: encodeText(decoded),
    after: encodeText({ ...decoded, text: outcome.text }),
    applied: outcome.applied,
    absolutePath,
  };
}

interface ReadSource {
  ok: true;
  bytes: Uint8Array;
  displayPath: string;
  /** Directory the config search starts from. */
  directory: string;
  /** Path matched against the config's per-path overrides. */
  pathForConfig: string;
  absolutePath?: string;
  /** `--stdin-filename`, resolved: where standard input's build context is. */
  namedPath?: string;
}

async function readTarget(
  target: Target,
  settings: LintSettings,
): Promise<ReadSource | { ok: false; message: string }> {
  if (target.kind === 'stdin') {
    const named = settings.stdinFilename
      ? path.resolve(settings.cwd, settings.stdinFilename)
      : undefined;
    let bytes: Uint8Array;
    try {
      bytes = await settings.readStdin();
    } catch (error) {
      return {
        ok: false,
        message: `-: cannot read standard input: ${describeError(error)}`,
      };
    }
    return {
      ok: true,
      bytes,
      displayPath: named ? displayPathOf(named, settings.cwd) : '-',
      directory: named ? path.dirname(named) : settings.cwd,
      pathForConfig: named ?? path.join(settings.cwd, 'Dockerfile'),
      namedPath: named,
    };
  }
  const displayPath = displayPathOf(target.absolutePath, settings.cwd);
  try {
    return {
      ok: true,
      bytes: fs.readFileSync(target.absolutePath),
      displayPath,
      directory: path.dirname(target.absolutePath),
      pathForConfig: target.absolutePath,
      absolutePath: target.absolutePath,
    };
  } catch (error) {
    return { ok: false, message: `${displayPath}: ${describeError(error)}` };
  }
}

/** Paths in reports are relative to the working directory, with forward slashes, as CI tools expect. */
export function displayPathOf(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  if (
    relative === '' ||
    relative.startsWith('..') ||
    path.isAbsolute(relative)
  ) {
    return toPosix(absolutePath);
  }
  return toPosix(relative);
}

function toPosix(filePath: string): string {
  return filePath.split(path.sep).join('/');
}
