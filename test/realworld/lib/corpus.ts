/*
 * The real-world corpus: which repositories at which commits (repos.json),
 * their Dockerfiles, and the analyzer's findings on them with the source
 * lines a reviewer needs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { analyzeDockerfile } from '@alpine-advisor/analyzer';
import type { BuildContextInput, Severity } from '@alpine-advisor/analyzer';
import {
  collectBuildContext,
  whyNotADockerfile,
} from '@alpine-advisor/repository-layout';
import { extractDockerfiles, findRepos, listTree, resolveCommit } from './git';
import type { ExtractedFile } from './git';
import { gitTree } from './gitTree';

/** One repository of the corpus as listed in repos.json. */
export interface RepoEntry {
  repo: string;
  commit: string;
  /** Committer date of that commit (ISO 8601). */
  date: string;
  dockerfiles?: number;
}

/** repos.json */
export interface RepoList {
  /** The analysis date used for end-of-life decisions, so that results do not drift with the calendar. */
  analysisDate: string;
  repos: RepoEntry[];
}

/** One finding on one real file, with what identifies it across reruns. */
export interface CorpusFinding {
  repo: string;
  commit: string;
  path: string;
  rule: string;
  severity: Severity;
  line: number;
  endLine: number;
  column: number;
  message: string;
  /** Short hash of the trimmed source line, to follow a finding when lines shift. */
  hash: string;
  /** The finding's source lines (`line`..`endLine`, at most a few). */
  source: string[];
  alpine: boolean;
}

export interface CorpusFileResult {
  repo: string;
  commit: string;
  path: string;
  alpine: boolean;
  crashed: boolean;
  findings: CorpusFinding[];
}

export interface CorpusRun {
  repos: Array<{
    repo: string;
    commit: string;
    date: string;
    files: number;
    wantedMissing: boolean;
    listed: boolean;
  }>;
  skipped: string[];
  /**
   * Files found by name whose text is not a Dockerfile (templates, sources,
   * fragments: `whyNotADockerfile`), as `repo:path (reason)`: not analysed,
   * as the CLI and the portal do not analyse them.
   */
  notDockerfiles: string[];
  files: CorpusFileResult[];
  /** Whether each Dockerfile was analysed with its build context (false with `--no-context`). */
  context: boolean;
  /** Blobs read for build contexts, besides the Dockerfiles. */
  contextReads: number;
  millis: number;
}

export function readRepoList(path: string): RepoList {
  return JSON.parse(readFileSync(path, 'utf8')) as RepoList;
}

/** A short content hash of one source line: whitespace-insensitive at the ends. */
export function lineHash(text: string): string {
  return createHash('sha1').update(text.trim()).digest('hex').slice(0, 8);
}

const MAX_SOURCE_LINES = 12;
const ENGINE_FAILURE = 'the analyzer failed on this file';

/**
 * Analyses one file and shapes its findings for review. `context` is its
 * build context (`collectBuildContext`); without one, rules that read
 * lockfiles, manifests or `.dockerignore` judge without them.
 */
export function analyzeFile(
  repo: string,
  commit: string,
  file: ExtractedFile,
  now: Date,
  context?: BuildContextInput,
): CorpusFileResult {
  let report;
  try {
    report = analyzeDockerfile(
      { path: file.path, content: new Uint8Array(file.content), context },
      { now },
    );
  } catch {
    return {
      repo,
      commit,
      path: file.path,
      alpine: false,
      crashed: true,
      findings: [],
    };
  }
  const lines = file.content.toString('utf8').split(/\r?\n|\r/);
  const crashed = report.findings.some(finding =>
    finding.message.includes(ENGINE_FAILURE),
  );
  const findings = report.findings.map(finding => {
    const last = Math.min(
      Math.max(finding.endLine, finding.line),
      finding.line + MAX_SOURCE_LINES - 1,
    );
    return {
      repo,
      commit,
      path: file.path,
      rule: finding.ruleId,
      severity: finding.severity,
      line: finding.line,
      endLine: finding.endLine,
      column: finding.column,
      message: finding.message,
      hash: lineHash(lines[finding.line - 1] ?? ''),
      source: lines.slice(finding.line - 1, last),
      alpine: report.usesAlpine,
    };
  });
  return {
    repo,
    commit,
    path: file.path,
    alpine: report.usesAlpine,
    crashed,
    findings,
  };
}

/** Options of `runCorpus`. */
export interface CorpusOptions {
  /** Also repositories missing from the list. */
  all?: boolean;
  now?: Date;
  /**
   * Read each Dockerfile's build context (its folder, as the CLI does) from
   * the commit; true by default. False analyses the Dockerfile alone, as
   * the harness did before (`--no-context`).
   */
  context?: boolean;
}

/**
 * Finds the repositories under `dir`, reads each one's Dockerfiles at the
 * commit repos.json lists (HEAD when it has none or the repository lacks it)
 * and analyses them, each with its build context read from the same commit
 * unless `context` is false. Repositories missing from the list are skipped
 * unless `all` is set, so that a figure is computed over the listed corpus
 * only.
 */
export async function runCorpus(
  dir: string,
  list: RepoList | undefined,
  options: CorpusOptions = {},
): Promise<CorpusRun> {
  const started = Date.now();
  const withContext = options.context ?? true;
  const now = options.now ?? new Date(list?.analysisDate ?? Date.now());
  const listed = new Map(list?.repos.map(entry => [entry.repo, entry]));
  const run: CorpusRun = {
    repos: [],
    skipped: [],
    notDockerfiles: [],
    files: [],
    context: withContext,
    contextReads: 0,
    millis: 0,
  };
  const seen = new Set<string>();
  for (const found of findRepos(dir)) {
    const entry = listed.get(found.name);
    if (list && !entry && !options.all) {
      run.skipped.push(found.name);
      continue;
    }
    if (seen.has(found.name)) {
      run.skipped.push(`${found.name} (again at ${found.relativePath})`);
      continue;
    }
    seen.add(found.name);
    let resolved;
    try {
      resolved = resolveCommit(found.gitDir, entry?.commit);
    } catch {
      run.skipped.push(`${found.name} (no commit)`);
      continue;
    }
    const listing = listTree(found.gitDir, resolved.commit);
    const files = extractDockerfiles(
      found.gitDir,
      resolved.commit,
      listing,
    ).filter(file => {
      const why = whyNotADockerfile(file.path, file.content);
      if (!why) return true;
      run.notDockerfiles.push(`${found.name}:${file.path} (${why.reason})`);
      return false;
    });
    run.repos.push({
      repo: found.name,
      commit: resolved.commit,
      date: resolved.date,
      files: files.length,
      wantedMissing: resolved.wantedMissing,
      listed: Boolean(entry),
    });
    // The Dockerfiles are read already: the tree hands them out again unread.
    const tree = withContext
      ? gitTree(found.gitDir, listing, files)
      : undefined;
    try {
      for (const file of files) {
        // The context is the Dockerfile's folder, as for `alpine-advisor lint` and `docker build -f`.
        const context = tree
          ? await collectBuildContext(tree, file.path)
          : undefined;
        run.files.push(
          analyzeFile(found.name, resolved.commit, file, now, context),
        );
      }
    } finally {
      tree?.close();
    }
    run.contextReads += tree?.reads() ?? 0;
  }
  run.millis = Date.now() - started;
  return run;
}
