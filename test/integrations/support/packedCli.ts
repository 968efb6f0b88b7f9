import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * The CLI as users get it: the tarball `yarn pack` makes of packages/cli
 * (its `prepack` builds the bundle), installed with `npm install -g`.
 *
 * Packing rebuilds packages/cli/dist, so the suites of one Jest run share one
 * tarball: the first to ask packs it while holding a lock (an atomic mkdir),
 * the others wait for it. Jest's workers are children of one process, so the
 * tarball is kept per parent process and never outlives the run that made it.
 */

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI_DIR = path.join(REPO_ROOT, 'packages', 'cli');
export const CLI_VERSION: string = JSON.parse(
  fs.readFileSync(path.join(CLI_DIR, 'package.json'), 'utf8'),
).version;

const PACK_TIMEOUT_MS = 170_000;
const cacheRoot = path.join(os.tmpdir(), 'alpine-advisor-packed-cli');

function sleep(ms: number) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** Removes tarballs of earlier runs (a day old), so temp does not fill up. */
function removeOldPacks() {
  for (const entry of fs.readdirSync(cacheRoot)) {
    const entryPath = path.join(cacheRoot, entry);
    const stats = fs.statSync(entryPath, { throwIfNoEntry: false });
    if (stats && Date.now() - stats.mtimeMs > 24 * 3600_000) {
      fs.rmSync(entryPath, { recursive: true, force: true });
    }
  }
}

/** Path of the CLI's tarball, packed once per test run. */
export async function packedCli(): Promise<string> {
  fs.mkdirSync(cacheRoot, { recursive: true });
  const runDir = path.join(cacheRoot, String(process.ppid));
  const tarball = path.join(runDir, 'alpine-advisor-cli.tgz');
  const lock = `${runDir}.lock`;
  const deadline = Date.now() + PACK_TIMEOUT_MS;
  for (;;) {
    if (fs.existsSync(tarball)) return tarball;
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) {
        throw new Error(`waited too long for another suite to pack the CLI`);
      }
      await sleep(250);
    }
  }
  try {
    if (fs.existsSync(tarball)) return tarball;
    removeOldPacks();
    fs.mkdirSync(runDir, { recursive: true });
    const partial = path.join(runDir, 'partial.tgz');
    const pack = spawnSync('yarn', ['pack', '--out', partial], {
      cwd: CLI_DIR,
      encoding: 'utf8',
      timeout: PACK_TIMEOUT_MS,
    });
    if (pack.status !== 0) {
      throw new Error(
        `yarn pack of packages/cli failed (${pack.status}): ${pack.stdout}${pack.stderr}`,
      );
    }
    fs.renameSync(partial, tarball);
    return tarball;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** A temporary directory, removed by `cleanup`. */
export function tempDir(prefix: string): {
  root: string;
  cleanup: () => void;
} {
  // realpath: reports show resolved paths, and tmpdir may sit behind a symlink.
  const root = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), `alpine-advisor-${prefix}-`)),
  );
  return {
    root,
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Writes files (paths relative to `root`). */
export function writeFiles(root: string, files: Record<string, string>) {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
}

/**
 * The environment of a clean machine for npm: no registry reachable (offline,
 * an empty cache of its own), no user config, and `prefix` as the global
 * prefix. An install that needs anything from the registry fails with
 * ENOTCACHED instead of downloading it.
 */
export function offlineNpmEnv(
  scratch: string,
  prefix: string,
  pathDirs: string[] = [],
): NodeJS.ProcessEnv {
  const home = path.join(scratch, 'home');
  fs.mkdirSync(home, { recursive: true });
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm_|NPM_|YARN_|INIT_CWD$|NODE_OPTIONS$)/.test(key),
    ),
  );
  return {
    ...inherited,
    HOME: home,
    npm_config_userconfig: path.join(home, '.npmrc'),
    npm_config_cache: path.join(scratch, 'npm-cache'),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_prefix: prefix,
    PATH: [...pathDirs, path.join(prefix, 'bin'), process.env.PATH].join(
      path.delimiter,
    ),
  };
}

/** Runs a command with captured text output; never throws on a non-zero exit. */
export function run(
  command: string,
  args: string[],
  options: SpawnSyncOptions & { cwd: string },
) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: 120_000,
    ...options,
  });
  if (result.error) throw result.error;
  return {
    status: result.status,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
  };
}
