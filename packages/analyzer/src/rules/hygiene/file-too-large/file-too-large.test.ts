import { analyzeDockerfile } from '../../../analyze';

describe('rule file-too-large', () => {
  it('reports a file over 1 MB and analyses nothing else', () => {
    const content = `FROM alpine\nRUN apk add curl\n${'# padding\n'.repeat(
      110_000,
    )}`;
    const report = analyzeDockerfile({ path: 'Dockerfile', content });
    expect(report.findings.map(f => f.ruleId)).toEqual(['file-too-large']);
    expect(report.stages).toEqual([]);
  });

  it('accepts a large but reasonable file', () => {
    const content = `FROM alpine:3.22\n${'RUN true\n'.repeat(10_000)}`;
    const report = analyzeDockerfile({ path: 'Dockerfile', content });
    expect(report.findings.map(f => f.ruleId)).not.toContain('file-too-large');
  });
});
