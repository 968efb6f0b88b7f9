import { modelOf } from '../../__testUtils__/testModel';
import { downloadUrls, isUrl, mentions, urlArguments, wordsOf } from './words';

describe('RUN words', () => {
  const run = modelOf(
    'FROM alpine:3.22\nRUN wget -qO /tmp/x.tgz https://example.org/x.tgz && LD_PRELOAD=/lib/x.so app > /etc/resolv.conf\n',
  ).stages[0].runs[0];

  it('lists command words, assignment values and redirect targets', () => {
    expect(wordsOf(run).map(word => word.value)).toEqual([
      'wget',
      '-qO',
      '/tmp/x.tgz',
      'https://example.org/x.tgz',
      'app',
      '/lib/x.so',
      '/etc/resolv.conf',
    ]);
  });

  it('finds URL arguments', () => {
    expect(urlArguments(run).map(word => word.value)).toEqual([
      'https://example.org/x.tgz',
    ]);
    expect(isUrl('ftp://example.org/a')).toBe(true);
    expect(isUrl('/usr/local/bin')).toBe(false);
  });

  it('expands ARG, ENV and shell variables in download URLs', () => {
    const stage = modelOf(
      'FROM alpine:3.22\nARG V=22.16.0\nARG URL=https://example.org/jre.tgz\nRUN curl -fsSLO "https://nodejs.org/dist/v${V}/node-v${V}-linux-x64.tar.xz" && curl -o /x "${URL}" && X=https://example.org/a; wget "$X"\n',
    ).stages[0];
    expect(downloadUrls(stage, stage.runs[0]).map(({ url }) => url)).toEqual([
      'https://nodejs.org/dist/v22.16.0/node-v22.16.0-linux-x64.tar.xz',
      'https://example.org/jre.tgz',
      'https://example.org/a',
    ]);
  });

  it('looks at the source text of an instruction, continuation lines included', () => {
    const text =
      'FROM alpine:3.22\nRUN echo a \\\n && ln -s /x /lib64/ld-linux-x86-64.so.2\n';
    const [runInstruction] = modelOf(text).stages[0].runs;
    expect(mentions(text, runInstruction, /ld-linux/)).toBe(true);
    expect(mentions(text, runInstruction, /FROM/)).toBe(false);
    expect(wordsOf(runInstruction)).toBe(wordsOf(runInstruction));
  });
});
