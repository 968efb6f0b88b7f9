import fs from 'node:fs';
import path from 'node:path';
import type { Report } from '@alpine-advisor/analyzer';
import { makeTree, runCli } from '../__testUtils__/runCli';

const cleanups: Array<() => void> = [];
function tree(files: Record<string, string | Uint8Array>): string {
  const { root, cleanup } = makeTree(files);
  cleanups.push(cleanup);
  return root;
}
afterEach(() => cleanups.splice(0).forEach(cleanup => cleanup()));

const NODE =
  'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nUSER node\nCMD ["node", "server.js"]\n';
const GLIBC_ONLY_LOCK = JSON.stringify({
  lockfileVersion: 3,
  packages: {
    '': { dependencies: { sharp: '^0.33.5' } },
    'node_modules/sharp': { version: '0.33.5', hasInstallScript: true },
    'node_modules/@img/sharp-linux-x64': { version: '0.33.5', libc: ['glibc'] },
  },
});

async function findingsOf(cwd: string, file = 'Dockerfile') {
  const run = await runCli(['--format', 'json', '--fail-on', 'none', file], {
    cwd,
  });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as Report;
  return report.files[0].findings;
}

describe('the build context in the CLI', () => {
  it('reads the lockfile beside the Dockerfile and confirms the missing musl package', async () => {
    const cwd = tree({
      'svc/Dockerfile': NODE,
      'svc/package-lock.json': GLIBC_ONLY_LOCK,
      'svc/.dockerignore': 'node_modules\n',
    });
    const findings = await findingsOf(cwd, 'svc/Dockerfile');
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'node-musl-platform-package-missing',
        message: expect.stringContaining('confirmed by package-lock.json'),
      }),
    );
  });

  it('sees the host node_modules and .env that COPY . . carries, as .dockerignore decides', async () => {
    const cwd = tree({
      Dockerfile: NODE,
      'node_modules/sharp/package.json': '{}',
      '.env': 'SECRET=1\n',
      '.dockerignore': '.env*\n!.env\n',
    });
    const carried = (await findingsOf(cwd))
      .filter(finding => finding.ruleId === 'copy-context-unignored')
      .map(finding => finding.message);
    expect(carried).toEqual([
      expect.stringContaining('`.env` into an image layer'),
      expect.stringContaining("host's `node_modules`"),
    ]);
    fs.writeFileSync(path.join(cwd, '.dockerignore'), 'node_modules/\n.env*\n');
    expect(
      (await findingsOf(cwd)).filter(
        f => f.ruleId === 'copy-context-unignored',
      ),
    ).toEqual([]);
  });

  it('notes a huge or binary lockfile and still analyses the Dockerfile', async () => {
    const cwd = tree({
      Dockerfile: NODE,
      'yarn.lock': new Uint8Array([0, 1, 2, 0xff]),
      // Not read at all: nothing in this Dockerfile runs go.
      'go.mod': new Uint8Array([0, 1, 2, 0xff]),
    });
    // A sparse 20 MB file: over the cap, so it is never read.
    fs.writeFileSync(path.join(cwd, 'package-lock.json'), '');
    fs.truncateSync(path.join(cwd, 'package-lock.json'), 20 * 1024 * 1024);
    const findings = await findingsOf(cwd);
    const notes = findings.filter(f => f.ruleId === 'context-file-unreadable');
    expect(notes.map(note => note.message)).toEqual([
      expect.stringMatching(
        /^`package-lock.json` .*too large to read \(20\.0 MB\)/,
      ),
      expect.stringMatching(/^`yarn.lock` .*binary content/),
    ]);
    // The Dockerfile itself was analysed all the same.
    expect(findings.map(f => f.ruleId)).toContain('copy-all-before-install');
  });
});
