import { analyzeDockerfile, analyzeFiles } from './index';

describe('analyzeDockerfile', () => {
  it('reports stages and Alpine use', () => {
    const report = analyzeDockerfile({
      path: 'Dockerfile',
      content: 'FROM golang:1.22-alpine AS build\nFROM alpine:3.20\n',
    });
    expect(report.usesAlpine).toBe(true);
    expect(report.stages.map(stage => stage.image)).toEqual([
      'golang:1.22-alpine',
      'alpine:3.20',
    ]);
    expect(report.stages[1].isFinal).toBe(true);
  });

  it('wraps several files in a versioned report', () => {
    const report = analyzeFiles([{ path: 'a', content: 'FROM debian:12\n' }]);
    expect(report.version).toBe(1);
    expect(report.files[0].usesAlpine).toBe(false);
  });
});
