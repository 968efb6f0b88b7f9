import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { isDockerfileName } from '@alpine-advisor/repository-layout';
import {
  offlineNpmEnv,
  packedCli,
  REPO_ROOT,
  run,
  tempDir,
  writeFiles,
} from './support/packedCli';
import { INTEGRATION_DOCKERFILES } from './dockerfiles';

/*
 * .pre-commit-hooks.yaml through Debian's pre-commit on a throwaway git
 * repository, with no network: the hooks file is served from a local git
 * repository (file://, as pre-commit clones any hook repository), and its
 * system hook runs the CLI installed from the packed tarball with npm,
 * offline. Commits are made with `git commit`, through the hook
 * `pre-commit install` writes.
 * scripts/test-services.sh (ensure_pre_commit) installs pre-commit in CI.
 */
const HOOKS_FILE = path.join(REPO_ROOT, '.pre-commit-hooks.yaml');

interface HookDefinition {
  id: string;
  language: string;
  entry: string;
  files: string;
  exclude?: string;
}

const hooks = parse(fs.readFileSync(HOOKS_FILE, 'utf8')) as HookDefinition[];

let tarball: string;
beforeAll(async () => {
  tarball = await packedCli();
}, 180_000);

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.splice(0).forEach(cleanup => cleanup()));

function preCommitVersion(): string {
  try {
    return run('pre-commit', ['--version'], { cwd: REPO_ROOT }).stdout.trim();
  } catch {
    throw new Error(
      'pre-commit is not installed: run `source scripts/test-services.sh && ensure_pre_commit` (Debian package pre-commit)',
    );
  }
}

/** A git repository at `dir` with one commit of `files`; returns its commit id. */
function commitAll(
  dir: string,
  files: Record<string, string>,
  env: NodeJS.ProcessEnv,
) {
  writeFiles(dir, files);
  run('git', ['init', '-q', '-b', 'main'], { cwd: dir, env });
  run('git', ['add', '-A'], { cwd: dir, env });
  const commit = run('git', ['commit', '-q', '-m', 'hooks'], { cwd: dir, env });
  if (commit.status !== 0) throw new Error(commit.stderr);
  return run('git', ['rev-parse', 'HEAD'], { cwd: dir, env }).stdout.trim();
}

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  it('is a system hook running the CLI on Dockerfiles and Containerfiles only', () => {
    expect(hooks.map(hook => hook.id)).toEqual(['alpine-advisor']);
    const [hook] = hooks;
    expect(hook.language).toBe('system');
    expect(hook.entry).toBe('alpine-advisor');
    // pre-commit matches with Python's re.search; these patterns mean the same in JavaScript once (?i) is a flag.
    const matches = (file: string) =>
      new RegExp(hook.files.replace('(?i)', ''), 'i').test(file) &&
      !new RegExp((hook.exclude ?? '$^').replace('(?i)', ''), 'i').test(file);
    for (const file of [
      'Dockerfile',
      'services/api/Dockerfile',
      'Dockerfile.prod',
      'build/worker.Dockerfile',
      'deploy/app.dockerfile',
      'Containerfile',
      'dockerfile',
    ]) {
      expect([file, matches(file)]).toEqual([file, true]);
    }
    for (const file of [
      'README.md',
      'Dockerfile.dockerignore',
      'docs/Dockerfiles.md.txt/x',
      'dockerfile-guide.md',
      '.dockerignore',
    ]) {
      expect([file, matches(file)]).toEqual([file, false]);
    }
    // The same names as the CLI's and the portal's directory search.
    for (const name of [
      'Dockerfile',
      'DockerFile',
      'Dockerfile.prod',
      'Dockerfile-dev',
      'api.Dockerfile',
      'worker.dockerfile',
      'Containerfile',
      'Containerfile.musl',
      'Containerfile-edge',
      'api.containerfile',
      'Dockerfile.dockerignore',
      'api.Dockerfile.dockerignore',
      'Dockerfile.template',
      'Dockerfile.j2',
      'Dockerfile.in',
      'Dockerfile-notes.txt',
      'Containerfile.bak',
      'Dockerfile~',
      'Dockerfile.',
      '.dockerfile',
      'Dockerfiles',
      'docker-compose.yml',
    ]) {
      expect([name, matches(`apps/${name}`)]).toEqual([
        name,
        isDockerfileName(name),
      ]);
    }
  });

  it('blocks a commit with a bad Dockerfile and lets a clean one through', () => {
    preCommitVersion();
    const scratch = tempDir('pre-commit');
    cleanups.push(scratch.cleanup);
    const prefix = path.join(scratch.root, 'npm-global');
    const env: NodeJS.ProcessEnv = {
      ...offlineNpmEnv(scratch.root, prefix),
      PRE_COMMIT_HOME: path.join(scratch.root, 'pre-commit-home'),
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
      GIT_CONFIG_NOSYSTEM: '1',
    };

    // The CLI, as the hook's docs say: installed globally from the tarball.
    const install = run('npm', ['install', '--global', tarball], {
      cwd: scratch.root,
      env,
    });
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.status).toBe(0);

    const hooksRepo = path.join(scratch.root, 'alpine-advisor');
    const rev = commitAll(
      hooksRepo,
      { '.pre-commit-hooks.yaml': fs.readFileSync(HOOKS_FILE, 'utf8') },
      env,
    );

    const project = path.join(scratch.root, 'project');
    commitAll(
      project,
      {
        '.pre-commit-config.yaml': [
          'repos:',
          `  - repo: file://${hooksRepo}`,
          `    rev: ${rev}`,
          '    hooks:',
          '      - id: alpine-advisor',
          '',
        ].join('\n'),
        'README.md': '# a project\n',
      },
      env,
    );
    const installHook = run('pre-commit', ['install'], { cwd: project, env });
    expect(installHook.status).toBe(0);
    // git hands a hook's output to stderr; both are read together.
    const commit = (message: string) => {
      run('git', ['add', '-A'], { cwd: project, env });
      const result = run('git', ['commit', '-m', message], {
        cwd: project,
        env,
      });
      return { status: result.status, output: result.stdout + result.stderr };
    };
    const head = () =>
      run('git', ['rev-parse', 'HEAD'], { cwd: project, env }).stdout.trim();

    // An error-level finding: the commit is refused and HEAD stays.
    const before = head();
    writeFiles(project, {
      'services/api/Dockerfile': INTEGRATION_DOCKERFILES.muslError,
    });
    const refused = commit('add the api image');
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(
      /Alpine Advisor \(Dockerfile lint\)\.+Failed/,
    );
    expect(refused.output).toMatch(/services\/api\/Dockerfile/);
    expect(refused.output).toMatch(/go-cgo-glibc-into-alpine/);
    expect(head()).toBe(before);

    // Fixed (a warning stays below the default threshold): the commit goes in.
    writeFiles(project, {
      'services/api/Dockerfile': INTEGRATION_DOCKERFILES.warningOnly,
    });
    const accepted = commit('add the api image');
    expect(accepted.output).toMatch(
      /Alpine Advisor \(Dockerfile lint\)\.+Passed/,
    );
    expect(accepted.status).toBe(0);
    expect(head()).not.toBe(before);

    // A commit without Dockerfiles does not run the CLI.
    writeFiles(project, { 'README.md': '# a project\n\nMore.\n' });
    const docsOnly = commit('docs');
    expect(docsOnly.status).toBe(0);
    expect(docsOnly.output).toMatch(
      /Alpine Advisor \(Dockerfile lint\)\.+\(no files to check\)Skipped/,
    );
  });
});
