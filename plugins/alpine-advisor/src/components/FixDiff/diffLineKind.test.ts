import { diffLineKinds } from './diffLineKind';

describe('diffLineKinds', () => {
  it('tells file headers, hunks and notes from changed lines', () => {
    expect(
      diffLineKinds([
        '--- a/Dockerfile',
        '+++ b/Dockerfile',
        '@@ -1,3 +1,3 @@',
        ' FROM alpine:3.22',
        '-RUN apk add curl',
        '+RUN apk add --no-cache curl',
        '--- a removed line that began with two dashes',
        '+++ an added line that began with two pluses',
        '\\ No newline at end of file',
      ]),
    ).toEqual([
      'header',
      'header',
      'header',
      'context',
      'removed',
      'added',
      'removed',
      'added',
      'header',
    ]);
  });
});
