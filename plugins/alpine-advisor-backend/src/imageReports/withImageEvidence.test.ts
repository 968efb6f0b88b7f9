import { joinImageFindings } from '@alpine-advisor/analyzer';
import type { DockerfileResult } from '@alpine-advisor/backstage-plugin-common';
import type { StoredImageReport } from '../database/ImageReportStore';
import { withImageEvidence } from './withImageEvidence';

const file = (path: string): DockerfileResult => ({
  path,
  score: 70,
  grade: 'C',
  usesAlpine: true,
  stages: [],
  explanation: { summary: '', deductions: [] },
  content: 'FROM alpine:3.22\nCOPY --from=debian:bookworm /hello /hello\n',
  findings: [
    {
      ruleId: 'glibc-binary-into-alpine',
      category: 'musl',
      severity: 'error',
      line: 2,
      endLine: 2,
      column: 1,
      message: 'glibc binary',
      remediation: '',
      aliases: [],
    },
  ],
});

const report = (dockerfilePath?: string): StoredImageReport => ({
  entityRef: 'component:default/a',
  dockerfilePath,
  report: { imageId: `sha256:${dockerfilePath ?? 'any'}`, findings: [] },
  receivedAt: new Date(0),
});

const imageIdOf = (result: DockerfileResult) =>
  result.findings[0].evidence?.[0].detail.split(':').slice(0, 2).join(':');

describe('withImageEvidence', () => {
  it('judges each Dockerfile by the report posted for its path', () => {
    const [api, worker] = withImageEvidence(
      [file('api/Dockerfile'), file('worker/Dockerfile')],
      [report('worker/Dockerfile'), report()],
      joinImageFindings,
    );
    // A report without a path cannot say which of two Dockerfiles it is.
    expect(api.findings[0].evidence).toBeUndefined();
    expect(imageIdOf(worker)).toBe('sha256:worker/Dockerfile');
  });

  it('lets a report without a path speak for an only Dockerfile', () => {
    const [only] = withImageEvidence(
      [file('Dockerfile')],
      [report()],
      joinImageFindings,
    );
    expect(only.findings[0].evidence).toEqual([
      expect.objectContaining({ source: 'image', verdict: 'not-seen' }),
    ]);
  });
});
