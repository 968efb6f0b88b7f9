import { modelOf } from './testModel';
import { isUrl, urlArguments, wordsOf } from './words';

describe('RUN words', () => {
  const run = modelOf(
    'FROM alpine:3.22\nRUN wget -qO /tmp/x.tgz https://example.org/x.tgz && LD_PRELOAD=/lib/x.so app > /etc/resolv.conf\n',
  ).stages[0].runs[0];

  it('lists command words, assignment values and redirect targets', () => {
    expect(wordsOf(run).map(word => word.value)).toEqual([
      'wget', '-qO', '/tmp/x.tgz', 'https://example.org/x.tgz', 'app', '/lib/x.so', '/etc/resolv.conf',
    ]);
  });

  it('finds URL arguments', () => {
    expect(urlArguments(run).map(word => word.value)).toEqual(['https://example.org/x.tgz']);
    expect(isUrl('ftp://example.org/a')).toBe(true);
    expect(isUrl('/usr/local/bin')).toBe(false);
  });
});
