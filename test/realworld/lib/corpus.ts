/*
 * The real-world corpus: which repositories at which commits (repos.json),
 * their Dockerfiles, and the analyzer's findings on them with the source
 * lines a reviewer needs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { analyzeDockerfile } from '@alpine-advisor/analyzer';
import type { Severity } from '@alpine-advisor/analyzer';
import {
  extractDockerfiles,
  findRepos,
  isTemplateText,
  resolveCommit,
} from './git';
import type { ExtractedFile } from './git';

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
  /** Dockerfiles that are templates to render first (`{{ … }}`, `{% … %}` lines): not analysed. */
  templates: string[];
  files: CorpusFileResult[];
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

/** Analyses one file and shapes its findings for review. */
export function analyzeFile(
  repo: string,
  commit: string,
  file: ExtractedFile,
  now: Date,
): CorpusFileResult {
  let report;
  try {
    report = analyzeDockerfile(
      { path: file.path, content: new Uint8Array(file.content) },
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

/**
 * Finds the repositories under `dir`, reads each one's Dockerfiles at the
 * commit repos.json lists (HEAD when it has none or the repository lacks it)
 * and analyses them. Repositories missing from the list are skipped unless
 * `all` is set, so that a figure is computed over the listed corpus only.
 */
export function runCorpus(
  dir: string,
  list: RepoList | undefined,
  options: { all?: boolean; now?: Date } = {},
): CorpusRun {
  const started = Date.now();
  const now = options.now ?? new Date(list?.analysisDate ?? Date.now());
  const listed = new Map(list?.repos.map(entry => [entry.repo, entry]));
  const run: CorpusRun = {
    repos: [],
    skipped: [],
    templates: [],
    files: [],
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
    const files = extractDockerfiles(found.gitDir, resolved.commit).filter(
      file => {
        if (!isTemplateText(file.content.toString('utf8'))) return true;
        run.templates.push(`${found.name}:${file.path}`);
        return false;
      },
    );
    run.repos.push({
      repo: found.name,
      commit: resolved.commit,
      date: resolved.date,
      files: files.length,
      wantedMissing: resolved.wantedMissing,
      listed: Boolean(entry),
    });
    for (const file of files) {
      run.files.push(analyzeFile(found.name, resolved.commit, file, now));
    }
  }
  run.millis = Date.now() - started;
  return run;
}
