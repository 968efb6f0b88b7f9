import { analyzeDockerfile } from '../../../analyze';

describe('rule binary-content', () => {
  it.each([
    ['NUL bytes', new Uint8Array([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01])],
    [
      'invalid UTF-8',
      new Uint8Array([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe]),
    ],
    ['UTF-16 text', new Uint8Array([0xff, 0xfe, 0x46, 0x00, 0x52, 0x00])],
  ])('reports %s', (_name, content) => {
    const report = analyzeDockerfile({ path: 'Dockerfile', content });
    expect(report.findings.map(f => f.ruleId)).toEqual(['binary-content']);
  });

  it('reads UTF-8 bytes, with or without a byte order mark', () => {
    const text = 'FROM alpine:3.22\nLABEL maintainer="José"\n';
    for (const bytes of [
      new TextEncoder().encode(text),
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
    ]) {
      const report = analyzeDockerfile({ path: 'Dockerfile', content: bytes });
      expect(report.findings.map(f => f.ruleId)).not.toContain(
        'binary-content',
      );
      expect(report.stages).toHaveLength(1);
    }
  });
});
