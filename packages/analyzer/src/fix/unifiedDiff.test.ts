import { unifiedDiff } from './unifiedDiff';

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    expect(unifiedDiff('Dockerfile', 'FROM alpine\n', 'FROM alpine\n')).toBe(
      '',
    );
  });

  it('prints a git-style diff with a/ and b/ paths and three lines of context', () => {
    const before = [
      'FROM alpine:3.20',
      'A',
      'B',
      'C',
      'RUN apk add curl',
      'D',
      'E',
      'F',
      'G',
      '',
    ].join('\n');
    const after = before.replace('apk add curl', 'apk add --no-cache curl');
    expect(unifiedDiff('services/api/Dockerfile', before, after)).toBe(
      [
        '--- a/services/api/Dockerfile',
        '+++ b/services/api/Dockerfile',
        '@@ -2,7 +2,7 @@',
        ' A',
        ' B',
        ' C',
        '-RUN apk add curl',
        '+RUN apk add --no-cache curl',
        ' D',
        ' E',
        ' F',
        '',
      ].join('\n'),
    );
  });

  it('normalizes ./ prefixes and Windows separators in the displayed path', () => {
    const patch = unifiedDiff('.\\web\\Dockerfile', 'a\n', 'b\n');
    expect(patch.split('\n').slice(0, 2)).toEqual([
      '--- a/web/Dockerfile',
      '+++ b/web/Dockerfile',
    ]);
  });
});
