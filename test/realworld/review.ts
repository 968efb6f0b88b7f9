/*
 * `yarn realworld:review DIR`: runs the analyzer over the Dockerfiles of the
 * repositories under DIR (bare mirrors or clones; see README.md) and prints,
 * per rule, how many findings on how many files, with a sample of findings
 * and their source lines to review.
 *
 * Options: --rule ID (one rule, more samples), --samples N (per rule),
 * --seed N (which samples), --json OUT (every finding, for scripts),
 * --all (also repositories missing from repos.json), --repos FILE,
 * --write-repos (record the repositories found, at their commits, in the repos file),
 * --no-context (analyse each Dockerfile alone, without its build context:
 * lockfiles, manifests, .dockerignore; for comparison).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import {
  CorpusFinding,
  CorpusRun,
  RepoList,
  readRepoList,
  runCorpus,
} from './lib/corpus';
import {
  DEFAULT_REPOS,
  corpusDir,
  numberFlag,
  parseArgs,
  stringFlag,
  userPath,
} from './lib/cli';
import { DEFAULT_SEED, compare } from './lib/precision';

const USAGE =
  'usage: yarn realworld:review DIR [--rule ID] [--samples N] [--seed N] [--json OUT] [--all] [--repos FILE] [--write-repos] [--no-context]';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), [
    'all',
    'write-repos',
    'no-context',
  ]);
  const dir = corpusDir(args, USAGE);
  const reposPath = userPath(stringFlag(args, 'repos') ?? DEFAULT_REPOS);
  const writeRepos = args.flags.has('write-repos');
  const list =
    existsSync(reposPath) && !writeRepos ? readRepoList(reposPath) : undefined;
  const rule = stringFlag(args, 'rule');
  const seed = numberFlag(args, 'seed', DEFAULT_SEED);
  const samples = numberFlag(args, 'samples', rule ? 25 : 3);
  const now = list
    ? new Date(list.analysisDate)
    : new Date(new Date().toISOString().slice(0, 10));
  const run = await runCorpus(dir, list, {
    all: args.flags.has('all'),
    now,
    context: !args.flags.has('no-context'),
  });

  printTotals(dir, run, now);
  printRules(run, rule, samples, seed);

  const jsonOut = stringFlag(args, 'json');
  if (jsonOut) {
    writeFileSync(
      userPath(jsonOut),
      `${JSON.stringify(
        {
          analysisDate: now.toISOString().slice(0, 10),
          context: run.context,
          repos: run.repos,
          files: run.files.map(({ findings, ...file }) => ({
            ...file,
            findings: findings.length,
          })),
          findings: run.files.flatMap(file => file.findings),
        },
        null,
        1,
      )}\n`,
    );
    console.log(`\nwrote ${jsonOut}`);
  }
  if (writeRepos) {
    const record: RepoList = {
      analysisDate: now.toISOString().slice(0, 10),
      repos: run.repos
        .filter(repo => repo.files > 0)
        .map(repo => ({
          repo: repo.repo,
          commit: repo.commit,
          date: repo.date,
          dockerfiles: repo.files,
        })),
    };
    writeFileSync(reposPath, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`\nwrote ${record.repos.length} repositories to ${reposPath}`);
  }
  const crashes = run.files.filter(file => file.crashed).length;
  process.exitCode = crashes > 0 ? 1 : 0;
}

function printTotals(dir: string, run: CorpusRun, now: Date): void {
  const alpine = run.files.filter(file => file.alpine).length;
  const crashes = run.files.filter(file => file.crashed);
  const dates = run.repos.map(repo => repo.date.slice(0, 10)).sort();
  const findings = run.files.reduce((sum, f) => sum + f.findings.length, 0);
  console.log(`Real-world corpus under ${dir}`);
  console.log(
    `  ${run.repos.length} repositories, ${run.files.length} Dockerfiles, ${alpine} Alpine, ${crashes.length} crashes, ${findings} findings, ${run.millis} ms`,
  );
  console.log(
    run.context
      ? `  each Dockerfile with its build context (its folder, as the CLI reads it): ${run.contextReads} context files read`
      : '  each Dockerfile alone, without its build context (--no-context)',
  );
  if (dates.length > 0) {
    console.log(
      `  commits dated ${dates[0]} … ${
        dates[dates.length - 1]
      }; analysed as of ${now.toISOString().slice(0, 10)}`,
    );
  }
  const missing = run.repos.filter(repo => repo.wantedMissing);
  if (missing.length > 0) {
    console.log(
      `  ${
        missing.length
      } repositories lack the commit repos.json lists; read at HEAD: ${missing
        .map(repo => repo.repo)
        .join(', ')}`,
    );
  }
  if (run.notDockerfiles.length > 0) {
    console.log(
      `  ${
        run.notDockerfiles.length
      } files named like Dockerfiles are not one (not analysed): ${run.notDockerfiles.join(
        ', ',
      )}`,
    );
  }
  if (run.skipped.length > 0) {
    console.log(
      `  skipped (not in repos.json; --all includes them): ${run.skipped.join(
        ', ',
      )}`,
    );
  }
  for (const file of crashes) {
    console.log(`  CRASH ${file.repo}:${file.path}`);
  }
}

function rank(seed: number, finding: CorpusFinding): string {
  return createHash('sha1')
    .update(
      `${seed}\u0000${finding.repo}\u0000${finding.path}\u0000${finding.line}\u0000${finding.column}\u0000${finding.rule}`,
    )
    .digest('hex');
}

/** A seeded sample that prefers findings from repositories not shown yet. */
function pickSamples(
  findings: CorpusFinding[],
  count: number,
  seed: number,
): CorpusFinding[] {
  const ranked = findings
    .map(finding => ({ finding, rank: rank(seed, finding) }))
    .sort((a, b) => compare(a.rank, b.rank))
    .map(entry => entry.finding);
  const picked: CorpusFinding[] = [];
  const repos = new Set<string>();
  for (const finding of ranked) {
    if (picked.length >= count) break;
    if (repos.has(finding.repo)) continue;
    repos.add(finding.repo);
    picked.push(finding);
  }
  for (const finding of ranked) {
    if (picked.length >= count) break;
    if (!picked.includes(finding)) picked.push(finding);
  }
  return picked;
}

function printRules(
  run: CorpusRun,
  only: string | undefined,
  samples: number,
  seed: number,
): void {
  const byRule = new Map<string, CorpusFinding[]>();
  for (const file of run.files) {
    for (const finding of file.findings) {
      if (only && finding.rule !== only) continue;
      const list = byRule.get(finding.rule) ?? [];
      list.push(finding);
      byRule.set(finding.rule, list);
    }
  }
  const rules = [...byRule.entries()].sort(
    ([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1),
  );
  console.log(
    '\nrule                                 severity  findings  files  on Alpine  repos',
  );
  for (const [rule, findings] of rules) {
    const files = new Set(findings.map(f => `${f.repo}:${f.path}`)).size;
    const alpine = findings.filter(f => f.alpine).length;
    const repos = new Set(findings.map(f => f.repo)).size;
    const severities = [...new Set(findings.map(f => f.severity))].join('/');
    console.log(
      `${rule.padEnd(37)}${severities.padEnd(10)}${String(
        findings.length,
      ).padStart(8)}${String(files).padStart(7)}${String(alpine).padStart(
        11,
      )}${String(repos).padStart(7)}`,
    );
  }
  if (samples <= 0) return;
  for (const [rule, findings] of rules) {
    console.log(`\n== ${rule}: ${findings.length} findings`);
    for (const finding of pickSamples(findings, samples, seed)) {
      console.log(
        `  ${finding.repo}:${finding.path}:${finding.line}:${finding.column} [${
          finding.severity
        }${finding.alpine ? '' : ', not Alpine'}] ${finding.message}`,
      );
      finding.source.forEach((text, index) => {
        console.log(
          `    ${String(finding.line + index).padStart(4)} | ${text.slice(
            0,
            160,
          )}`,
        );
      });
    }
  }
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
