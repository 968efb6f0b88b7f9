import { parseSuppressions } from './parseSuppressions';
import { normalizeRuleReference } from './ruleReference';

describe('parseSuppressions', () => {
  it('finds nothing in a file without suppression comments', () => {
    expect(
      parseSuppressions('FROM alpine:3.20\n# just a comment\nRUN true\n'),
    ).toEqual([]);
  });

  it('reads our inline syntax with several ids and a reason', () => {
    expect(
      parseSuppressions(
        '# alpine-advisor ignore=apk-no-cache,apk-upgrade vendor image\n',
      ),
    ).toEqual([
      {
        syntax: 'alpine-advisor',
        scope: 'next-instruction',
        ruleReferences: ['apk-no-cache', 'apk-upgrade'],
        line: 1,
        reason: 'vendor image',
      },
    ]);
  });

  it('reads our global syntax', () => {
    const [suppression] = parseSuppressions(
      'FROM alpine\n  #alpine-advisor global ignore=no-root-user\n',
    );
    expect(suppression).toMatchObject({
      syntax: 'alpine-advisor',
      scope: 'file',
      ruleReferences: ['no-root-user'],
      line: 2,
    });
    expect(suppression.reason).toBeUndefined();
  });

  it('accepts spaces around = and after commas, and aliases in our syntax', () => {
    const [suppression] = parseSuppressions(
      '# alpine-advisor ignore = apk-no-cache, hadolint:DL3018 , trivy:AVD-DS-0025\n',
    );
    expect(suppression.ruleReferences).toEqual([
      'apk-no-cache',
      'hadolint:DL3018',
      'trivy:DS-0025',
    ]);
  });

  it('reads hadolint inline and global pragmas as hadolint aliases', () => {
    const text = [
      '# hadolint global ignore=DL3006',
      'FROM alpine',
      '# hadolint ignore=DL3018,SC2086 pinning is handled by renovate',
      'RUN apk add curl',
    ].join('\n');
    expect(parseSuppressions(text)).toEqual([
      {
        syntax: 'hadolint',
        scope: 'file',
        ruleReferences: ['hadolint:DL3006'],
        line: 1,
      },
      {
        syntax: 'hadolint',
        scope: 'next-instruction',
        ruleReferences: ['hadolint:DL3018', 'hadolint:SC2086'],
        line: 3,
        reason: 'pinning is handled by renovate',
      },
    ]);
  });

  it.each([
    ['# trivy:ignore:DS-0025', 'trivy:DS-0025'],
    ['# trivy:ignore:AVD-DS-0025', 'trivy:DS-0025'],
    ['# trivy:ignore:DS025', 'trivy:DS-0025'],
    ['#trivy:ignore:ds-0002', 'trivy:DS-0002'],
  ])('reads Trivy comment %s', (comment, reference) => {
    expect(parseSuppressions(`${comment}\nRUN true\n`)).toEqual([
      {
        syntax: 'trivy',
        scope: 'next-instruction',
        ruleReferences: [reference],
        line: 1,
      },
    ]);
  });

  it('reads several Trivy ids in one comment, with an expiry date', () => {
    const [suppression] = parseSuppressions(
      '# trivy:ignore:DS-0002 trivy:ignore:AVD-DS-0026[exp:2026-01-31]\n',
    );
    expect(suppression.ruleReferences).toEqual([
      'trivy:DS-0002',
      'trivy:DS-0026',
    ]);
    expect(suppression.expiresAt?.toISOString()).toBe(
      '2026-01-31T23:59:59.999Z',
    );
  });

  it('ignores look-alikes that are not suppressions', () => {
    const text = [
      '# alpine-advisor ignore=',
      '# hadolint ignore DL3018',
      '# please ignore this comment',
      'RUN echo "# alpine-advisor ignore=apk-no-cache"',
      '# trivy:ignore:',
    ].join('\n');
    expect(parseSuppressions(text)).toEqual([]);
  });

  it('numbers lines across CRLF and CR line breaks', () => {
    const text = 'FROM alpine\r\n\r# alpine-advisor ignore=a\r\nRUN x\n';
    expect(parseSuppressions(text)[0].line).toBe(3);
  });
});

describe('normalizeRuleReference', () => {
  it.each([
    ['DL3019', 'hadolint:DL3019'],
    ['hadolint:dl3019', 'hadolint:DL3019'],
    ['SC2086', 'hadolint:SC2086'],
    ['DS025', 'trivy:DS-0025'],
    ['AVD-DS-0025', 'trivy:DS-0025'],
    ['trivy:DS-0025', 'trivy:DS-0025'],
    ['Apk-No-Cache', 'apk-no-cache'],
    ['checkov:CKV_DOCKER_2', 'checkov:ckv_docker_2'],
  ])('%s → %s', (reference, normalized) => {
    expect(normalizeRuleReference(reference)).toBe(normalized);
  });
});
