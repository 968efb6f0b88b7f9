/*
 * `yarn realworld:clone DIR`: fetches every repository of repos.json at its
 * commit into DIR/OWNER+NAME/repo (bare, shallow). Needs the network
 * (github.com, or REALWORLD_GIT_BASE, e.g. a local mirror `file:///srv/git/`).
 * Repositories already there at the right commit are left alone.
 *
 * Options: --repos FILE, --only OWNER/NAME (one repository).
 */
import { mkdirSync } from 'node:fs';
import { DEFAULT_REPOS, parseArgs, stringFlag, userPath } from './lib/cli';
import { DEFAULT_GIT_BASE, cloneRepo } from './lib/clone';
import { readRepoList } from './lib/corpus';

function main(): void {
  const args = parseArgs(process.argv.slice(2), []);
  const target = args.positional[0];
  if (!target) {
    process.stderr.write(
      'usage: yarn realworld:clone DIR [--repos FILE] [--only OWNER/NAME]\n',
    );
    process.exit(2);
  }
  const dir = userPath(target);
  mkdirSync(dir, { recursive: true });
  const list = readRepoList(
    userPath(stringFlag(args, 'repos') ?? DEFAULT_REPOS),
  );
  const only = stringFlag(args, 'only');
  const base = process.env.REALWORLD_GIT_BASE ?? DEFAULT_GIT_BASE;
  const failed: string[] = [];
  let fetched = 0;
  let already = 0;
  for (const entry of list.repos) {
    if (only && entry.repo !== only) continue;
    try {
      if (cloneRepo(dir, entry, base) === 'fetched') fetched++;
      else already++;
      process.stdout.write('.');
    } catch (error) {
      failed.push(
        `${entry.repo}@${entry.commit}: ${String(error).split('\n')[0]}`,
      );
      process.stdout.write('x');
    }
  }
  console.log(
    `\n${fetched} fetched, ${already} already there, ${failed.length} failed`,
  );
  for (const line of failed) console.log(`  ${line}`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

main();
