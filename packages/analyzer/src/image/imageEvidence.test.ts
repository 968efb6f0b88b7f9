import { analyzeDockerfile } from '../analyze';
import { joinImageFindings } from './imageEvidence';

const DOCKERFILE = [
  'FROM debian:bookworm AS build',
  'RUN gcc -o /hello hello.c',
  'FROM alpine:3.22',
  'COPY --from=build /hello /usr/local/bin/hello',
  'COPY --from=build /hello /usr/local/bin/hello2',
  'RUN apk add --no-cache curl',
  '',
].join('\n');

const glibcBinary = (path: string, createdBy?: string) => ({
  ruleId: 'image-glibc-binary-on-musl',
  location: { path, createdBy },
});

function muslFindings() {
  const findings = analyzeDockerfile({
    path: 'Dockerfile',
    content: DOCKERFILE,
  }).findings.filter(finding => finding.ruleId === 'glibc-binary-into-alpine');
  expect(findings.map(finding => finding.line)).toEqual([4, 5]);
  return findings;
}

describe('joinImageFindings', () => {
  it('confirms the finding whose line wrote the glibc file, and clears the other', () => {
    const shown = glibcBinary(
      '/usr/local/bin/hello',
      'COPY --from=build /hello /usr/local/bin/hello # buildkit',
    );
    const join = joinImageFindings(muslFindings(), DOCKERFILE, {
      imageId: 'sha256:abc',
      findings: [shown],
    });
    expect(join.instructions.get(shown)?.line).toBe(4);
    expect(join.evidence).toEqual([
      {
        source: 'image',
        verdict: 'confirmed',
        detail: 'sha256:abc: /usr/local/bin/hello (image-glibc-binary-on-musl)',
      },
      {
        source: 'image',
        verdict: 'not-seen',
        detail: expect.stringContaining('from line 5'),
      },
    ]);
  });

  it('says nothing of a finding an unmapped image finding may belong to', () => {
    const join = joinImageFindings(muslFindings(), DOCKERFILE, {
      findings: [glibcBinary('/usr/local/bin/hello', '#(nop) COPY file:1a2b')],
    });
    expect(join.evidence).toEqual([undefined, undefined]);
  });

  it('clears every finding of an image without such findings, even with no Dockerfile text', () => {
    const join = joinImageFindings(muslFindings(), undefined, {
      imageId: 'sha256:abc',
      findings: [],
    });
    expect(join.evidence.map(evidence => evidence?.verdict)).toEqual([
      'not-seen',
      'not-seen',
    ]);
  });

  it('leaves rules no image check can show, and non-musl findings, alone', () => {
    const join = joinImageFindings(
      [
        { ruleId: 'alpine-dns-tcp-fallback', category: 'musl', line: 3 },
        { ruleId: 'glibc-binary-into-alpine', category: 'alpine', line: 4 },
      ],
      DOCKERFILE,
      { findings: [] },
    );
    expect(join.evidence).toEqual([undefined, undefined]);
  });
});
