import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

describe('openapi.yaml', () => {
  it('matches the generated router module', () => {
    // Throws with the script's message when someone edited the YAML only.
    expect(() =>
      execFileSync(
        process.execPath,
        [
          resolve(__dirname, '../../scripts/generate-openapi-router.js'),
          '--check',
        ],
        { stdio: 'pipe' },
      ),
    ).not.toThrow();
  });
});
