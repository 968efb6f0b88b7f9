// Runs every Jest project of the monorepo once (backstage-cli repo test) and
// ends with a plain "N passed, N failed" line that CI systems can read.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const resultFile = 'test-results/jest.json';
mkdirSync('test-results', { recursive: true });

const run = spawnSync(
  'yarn',
  [
    'backstage-cli',
    'repo',
    'test',
    '--ci',
    '--json',
    `--outputFile=${resultFile}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, CI: 'true' } },
);

if (existsSync(resultFile)) {
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  const skipped = result.numPendingTests + result.numTodoTests;
  console.log(
    `\ntests: ${result.numPassedTests} passed, ${result.numFailedTests} failed, ${skipped} skipped`,
  );
  if (skipped > 0) {
    console.error('Skipped tests are not allowed: every test must run.');
    process.exit(1);
  }
}
process.exit(run.status ?? 1);
