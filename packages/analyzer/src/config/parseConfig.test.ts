import { ConfigError } from './ConfigError';
import { parseConfig } from './parseConfig';

const SOURCE = '.alpine-advisor.yaml';

const catalog: Record<string, string> = {
  'apk-no-cache': 'apk-no-cache',
  'hadolint:DL3019': 'apk-no-cache',
  'apk-unpinned': 'apk-unpinned',
  'hadolint:DL3018': 'apk-unpinned',
  'no-root-user': 'no-root-user',
};
const resolveRuleId = (idOrAlias: string) => catalog[idOrAlias];

/** The ConfigError thrown for `yaml`, or a failure when none is. */
function configError(yaml: string, resolve = resolveRuleId): ConfigError {
  try {
    parseConfig(yaml, SOURCE, resolve);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for:\n${yaml}`);
}

describe('parseConfig', () => {
  it('reads every documented key', () => {
    const yaml = `
ignore: [no-root-user]
severity:
  apk-unpinned: warning
  apk-no-cache: off
failOn: warning
overrides:
  - files: ["legacy/**", "Dockerfile.dev"]
    ignore: [apk-no-cache]
    severity:
      no-root-user: info
`;
    expect(parseConfig(yaml, SOURCE, resolveRuleId)).toEqual({
      ignore: ['no-root-user'],
      severity: { 'apk-unpinned': 'warning', 'apk-no-cache': 'off' },
      failOn: 'warning',
      overrides: [
        {
          files: ['legacy/**', 'Dockerfile.dev'],
          ignore: ['apk-no-cache'],
          severity: { 'no-root-user': 'info' },
        },
      ],
    });
  });

  it.each(['', '# only a comment\n', '---\n', '~\n'])(
    'reads an empty document %j as an empty config',
    yaml => {
      expect(parseConfig(yaml, SOURCE, resolveRuleId)).toEqual({});
    },
  );

  it('rewrites aliases to our rule ids and merges duplicates', () => {
    expect(
      parseConfig(
        'ignore: [hadolint:DL3019, apk-no-cache]\nseverity: {hadolint:DL3018: info}\n',
        SOURCE,
        resolveRuleId,
      ),
    ).toEqual({
      ignore: ['apk-no-cache'],
      severity: { 'apk-unpinned': 'info' },
    });
  });

  it('keeps unchecked ids in normalized form without a resolver', () => {
    expect(parseConfig('ignore: [DL3019, Some-Rule]\n', SOURCE)).toEqual({
      ignore: ['hadolint:DL3019', 'some-rule'],
    });
  });

  describe('errors name the file, the key and the problem', () => {
    it('for a severity outside the allowed set', () => {
      expect(configError('severity:\n  apk-no-cache: loud\n').message).toBe(
        '.alpine-advisor.yaml: severity.apk-no-cache: expected one of error, warning, info, off, got "loud"',
      );
    });

    it('for a bad failOn', () => {
      expect(configError('failOn: critical\n').message).toBe(
        '.alpine-advisor.yaml: failOn: expected one of error, warning, info, none, got "critical"',
      );
    });

    it('for an unknown top-level key, suggesting the likely one', () => {
      expect(configError('fail-on: error\n').message).toBe(
        '.alpine-advisor.yaml: fail-on: unknown key (did you mean "failOn"? allowed: ignore, severity, failOn, overrides, knowledge)',
      );
    });

    it('for an unknown key in an override', () => {
      expect(
        configError('overrides:\n  - files: [a]\n    failOn: error\n').message,
      ).toBe(
        '.alpine-advisor.yaml: overrides[0].failOn: unknown key (allowed: files, ignore, severity)',
      );
    });

    it('for a wrong type', () => {
      expect(configError('ignore: apk-no-cache\n').message).toBe(
        '.alpine-advisor.yaml: ignore: expected a list, got a string',
      );
      expect(configError('severity: [apk-no-cache]\n').message).toBe(
        '.alpine-advisor.yaml: severity: expected a mapping, got a list',
      );
      expect(configError('ignore: [42]\n').message).toBe(
        '.alpine-advisor.yaml: ignore[0]: expected a string, got a number',
      );
    });

    it('for an override without files', () => {
      expect(
        configError('overrides:\n  - ignore: [apk-no-cache]\n').message,
      ).toBe('.alpine-advisor.yaml: overrides[0].files: is required (a list)');
      expect(configError('overrides:\n  - files: []\n').message).toBe(
        '.alpine-advisor.yaml: overrides[0].files: must list at least one entry',
      );
      expect(configError('overrides:\n  - files: [""]\n').message).toBe(
        '.alpine-advisor.yaml: overrides[0].files[0]: must not be empty',
      );
    });

    it('for globs that can never match', () => {
      expect(
        configError(
          'overrides:\n  - files: [/srv/Dockerfile, ../other/Dockerfile]\n',
        ).message,
      ).toBe(
        [
          `.alpine-advisor.yaml: overrides[0].files[0]: "/srv/Dockerfile" is absolute; globs are relative to the config file's directory`,
          `.alpine-advisor.yaml: overrides[0].files[1]: "../other/Dockerfile" leaves the config file's directory; it can never match`,
        ].join('\n'),
      );
    });

    it('for an unknown rule id, anywhere', () => {
      const error = configError(
        [
          'ignore: [apk-nocache]',
          'severity: {DL9999: error}',
          'overrides:',
          '  - files: [a]',
          '    ignore: [nope]',
        ].join('\n'),
      );
      expect(error.problems).toEqual([
        { keyPath: 'ignore[0]', message: 'unknown rule "apk-nocache"' },
        { keyPath: 'severity.DL9999', message: 'unknown rule "DL9999"' },
        { keyPath: 'overrides[0].ignore[0]', message: 'unknown rule "nope"' },
      ]);
    });

    it('for a rule both ignored and rated in the same place', () => {
      expect(
        configError(
          'ignore: [apk-no-cache]\nseverity: {hadolint:DL3019: error}\n',
        ).message,
      ).toBe(
        '.alpine-advisor.yaml: severity.hadolint:DL3019: the rule is also listed in ignore; keep one of the two',
      );
    });

    it('for two keys naming one rule with different severities', () => {
      expect(
        configError('severity: {apk-no-cache: error, hadolint:DL3019: info}\n')
          .message,
      ).toBe(
        '.alpine-advisor.yaml: severity.hadolint:DL3019: conflicts with another key naming the same rule (apk-no-cache)',
      );
    });

    it('for a top level that is not a mapping', () => {
      expect(configError('- apk-no-cache\n').message).toBe(
        '.alpine-advisor.yaml: expected a mapping of settings at the top level, got a list',
      );
      expect(configError('just words\n').message).toBe(
        '.alpine-advisor.yaml: expected a mapping of settings at the top level, got string "just words"',
      );
    });

    it('for invalid YAML, with its position', () => {
      expect(
        configError('ignore: [apk-no-cache\nfailOn: error\n').message,
      ).toMatch(
        /^\.alpine-advisor\.yaml: invalid YAML at line \d+, column \d+: /,
      );
    });

    it('for a duplicated key', () => {
      expect(configError('failOn: error\nfailOn: info\n').message).toMatch(
        /^\.alpine-advisor\.yaml: invalid YAML at line 2, column 1: Map keys must be unique$/,
      );
    });

    it('for several documents in one file', () => {
      expect(configError('failOn: error\n---\nfailOn: info\n').message).toBe(
        '.alpine-advisor.yaml: invalid YAML at line 2, column 1: a config file holds a single YAML document',
      );
    });

    it('for an alias bomb, without exhausting memory', () => {
      const bomb = [
        'a: &a [x, x, x, x, x, x, x, x, x, x]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
        'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      ].join('\n');
      expect(configError(bomb).message).toMatch(
        /^\.alpine-advisor\.yaml: invalid YAML: /,
      );
    });

    it('listing every problem, one per line', () => {
      const error = configError(
        'failOn: loud\nseverity: {apk-no-cache: loud}\nextra: 1\n',
      );
      expect(error.message.split('\n')).toHaveLength(3);
      expect(error.sourceName).toBe(SOURCE);
    });
  });

  it('is not a way to pollute object prototypes', () => {
    parseConfig('severity: {__proto__: error}\nignore: [__proto__]\n', SOURCE);
    expect(({} as Record<string, unknown>).error).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('error');
  });
});
