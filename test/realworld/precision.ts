/*
 * `yarn realworld:precision DIR`: draws the seeded sample of warning- and
 * error-level findings on Alpine files from the corpus under DIR, matches it
 * to the hand-written verdicts (verdicts.json) and prints precision overall
 * and per rule. Lists sampled findings that have no verdict yet, with their
 * source lines, so that the review can be completed.
 *
 * Exits 1 when the sample is not fully reviewed, overall precision is under
 * 97 % or a rule is under 90 %.
 *
 * Options: --seed N, --size N (default 200), --verdicts FILE, --markdown
 * (also print the per-rule table as Markdown, for the analyzer README),
 * --todo OUT (write verdict stubs for the unreviewed findings, to fill in),
 * --all, --repos FILE, --no-context (as for realworld:review).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  DEFAULT_REPOS,
  DEFAULT_VERDICTS,
  corpusDir,
  numberFlag,
  parseArgs,
  stringFlag,
  userPath,
} from './lib/cli';
import { readRepoList, runCorpus } from './lib/corpus';
import {
  DEFAULT_SAMPLE_SIZE,
  DEFAULT_SEED,
  Verdict,
  computePrecision,
  percent,
  vanishedVerdicts,
  verdictStub,
} from './lib/precision';

const USAGE =
  'usage: yarn realworld:precision DIR [--seed N] [--size N] [--verdicts FILE] [--todo OUT] [--all] [--repos FILE] [--no-context]';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), [
    'all',
    'markdown',
    'no-context',
  ]);
  const dir = corpusDir(args, USAGE);
  const reposPath = userPath(stringFlag(args, 'repos') ?? DEFAULT_REPOS);
  const list = existsSync(reposPath) ? readRepoList(reposPath) : undefined;
  const verdictsPath = userPath(
    stringFlag(args, 'verdicts') ?? DEFAULT_VERDICTS,
  );
  const verdicts: Verdict[] = existsSync(verdictsPath)
    ? JSON.parse(readFileSync(verdictsPath, 'utf8'))
    : [];
  const seed = numberFlag(args, 'seed', DEFAULT_SEED);
  const size = numberFlag(args, 'size', DEFAULT_SAMPLE_SIZE);

  const run = await runCorpus(dir, list, {
    all: args.flags.has('all'),
    context: !args.flags.has('no-context'),
  });
  const findings = run.files.flatMap(file => file.findings);
  const result = computePrecision(findings, verdicts, { seed, size });

  const alpine = run.files.filter(file => file.alpine).length;
  console.log(
    `Corpus: ${run.repos.length} repositories, ${
      run.files.length
    } Dockerfiles, ${alpine} Alpine; ${
      run.files.filter(file => file.crashed).length
    } crashes; ${
      run.context
        ? 'each with its build context'
        : 'without build contexts (--no-context)'
    }`,
  );
  console.log(
    `Sample: ${result.sample.length} warning/error findings on Alpine files (seed ${seed}), ${result.overall.reviewed} with a verdict`,
  );
  console.log(
    `\nPrecision: ${percent(result.overall.precision)} (${
      result.overall.correct
    } true of ${result.overall.reviewed} reviewed)\n`,
  );
  console.log(
    'rule                                 sampled  reviewed  true  precision',
  );
  for (const [rule, figure] of result.byRule) {
    console.log(
      `${rule.padEnd(37)}${String(figure.sampled).padStart(7)}${String(
        figure.reviewed,
      ).padStart(10)}${String(figure.correct).padStart(6)}  ${percent(
        figure.precision,
      ).padStart(9)}`,
    );
  }
  if (args.flags.has('markdown')) {
    const dates = run.repos.map(repo => repo.date.slice(0, 10)).sort();
    console.log(
      `\n${run.repos.length} repositories, ${
        run.files.length
      } Dockerfiles, ${alpine} of them on Alpine; commits dated ${dates[0]} … ${
        dates[dates.length - 1]
      }; seed ${seed}; overall ${percent(result.overall.precision)} (${
        result.overall.correct
      } of ${result.overall.reviewed})\n`,
    );
    console.log('| rule | sampled | true | precision |');
    console.log('| ---- | ------: | ---: | --------: |');
    for (const [rule, figure] of result.byRule) {
      console.log(
        `| \`${rule}\` | ${figure.sampled} | ${figure.correct} | ${percent(
          figure.precision,
        )} |`,
      );
    }
  }
  const falses = result.sample.filter(
    entry => entry.verdict?.verdict === false,
  );
  if (falses.length > 0) {
    console.log('\nFalse findings in the sample:');
    for (const { finding, verdict } of falses) {
      console.log(
        `  ${finding.rule}  ${finding.repo}:${finding.path}:${finding.line} — ${verdict?.why}`,
      );
    }
  }
  const vanished = vanishedVerdicts(
    findings,
    verdicts,
    new Set(run.repos.map(repo => repo.repo)),
  );
  if (vanished.fixed.length + vanished.lost.length > 0) {
    console.log(
      `\nReviewed findings no longer reported: ${vanished.fixed.length} were false (fixed), ${vanished.lost.length} were true:`,
    );
    for (const verdict of vanished.lost) {
      console.log(
        `  LOST ${verdict.rule}  ${verdict.repo}:${verdict.path}:${verdict.line} — ${verdict.why}`,
      );
    }
  }
  if (result.unreviewed.length > 0) {
    console.log(`\nNo verdict yet (${result.unreviewed.length}):`);
    for (const { finding } of result.unreviewed) {
      console.log(
        `\n  ${finding.repo}:${finding.path}:${finding.line} [${finding.rule}, ${finding.severity}] hash ${finding.hash}`,
      );
      console.log(`  ${finding.message}`);
      finding.source.forEach((text, index) =>
        console.log(
          `    ${String(finding.line + index).padStart(4)} | ${text.slice(
            0,
            160,
          )}`,
        ),
      );
    }
    const todo = stringFlag(args, 'todo');
    if (todo) {
      writeFileSync(
        userPath(todo),
        `${JSON.stringify(
          result.unreviewed.map(entry => verdictStub(entry.finding)),
          null,
          2,
        )}\n`,
      );
      console.log(
        `\nwrote ${result.unreviewed.length} verdict stubs to ${todo}`,
      );
    }
  }
  if (result.failures.length > 0) {
    console.log(`\nNOT MET: ${result.failures.join('; ')}`);
    process.exitCode = 1;
  } else {
    console.log(
      '\nGoal met: every sampled finding reviewed, ≥ 97 % overall, every rule ≥ 90 %.',
    );
  }
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
