import type { AnalyzerConfig } from '../types';
import { effectiveConfig } from './effectiveConfig';

const config: AnalyzerConfig = {
  ignore: ['apk-unpinned'],
  severity: { 'no-root-user': 'info' },
  failOn: 'warning',
  overrides: [
    { files: ['legacy/**'], ignore: ['apk-no-cache', 'no-root-user'] },
    { files: ['legacy/keep/**'], severity: { 'apk-no-cache': 'error' } },
    { files: ['Dockerfile.dev'], severity: { 'apk-unpinned': 'warning' } },
    { files: ['tools/'], severity: { 'apk-upgrade': 'off' } },
  ],
};

describe('effectiveConfig', () => {
  it('applies only the top-level settings when no override matches', () => {
    expect(effectiveConfig(config, 'services/api/Dockerfile')).toEqual({
      ignore: ['apk-unpinned'],
      severity: { 'no-root-user': 'info' },
      failOn: 'warning',
    });
  });

  it('adds a matching override', () => {
    expect(effectiveConfig(config, 'legacy/app/Dockerfile')).toEqual({
      ignore: ['apk-no-cache', 'apk-unpinned', 'no-root-user'],
      failOn: 'warning',
    });
  });

  it('lets a later override win, re-enabling a rule ignored earlier', () => {
    expect(effectiveConfig(config, 'legacy/keep/Dockerfile')).toEqual({
      ignore: ['apk-unpinned', 'no-root-user'],
      severity: { 'apk-no-cache': 'error' },
      failOn: 'warning',
    });
  });

  it('matches a glob without a slash at any depth', () => {
    expect(
      effectiveConfig(config, 'services/web/Dockerfile.dev').severity,
    ).toEqual({
      'no-root-user': 'info',
      'apk-unpinned': 'warning',
    });
    expect(
      effectiveConfig(config, 'services/web/Dockerfile.dev').ignore,
    ).toBeUndefined();
  });

  it('treats a trailing slash as everything below', () => {
    expect(effectiveConfig(config, 'tools/ci/Dockerfile').ignore).toContain(
      'apk-upgrade',
    );
  });

  it('normalizes ./ prefixes and Windows separators in the path', () => {
    expect(
      effectiveConfig(config, '.\\legacy\\app\\Dockerfile').ignore,
    ).toContain('apk-no-cache');
    expect(effectiveConfig(config, './legacy/app/Dockerfile').ignore).toContain(
      'apk-no-cache',
    );
  });

  it('matches dot-directories', () => {
    const dotConfig: AnalyzerConfig = {
      overrides: [{ files: ['**/Dockerfile'], ignore: ['x'] }],
    };
    expect(
      effectiveConfig(dotConfig, '.devcontainer/Dockerfile').ignore,
    ).toEqual(['x']);
  });

  it('is empty for an empty config', () => {
    expect(effectiveConfig({}, 'Dockerfile')).toEqual({});
  });
});
