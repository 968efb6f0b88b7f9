import { evidenceText } from './evidenceText';

describe('evidenceText', () => {
  it('names the file that confirmed or refuted, and the built image', () => {
    expect(
      evidenceText({
        source: 'package-lock.json',
        verdict: 'confirmed',
        detail: 'locks @img/sharp-linux-x64 but not @img/sharp-linuxmusl-x64',
      }),
    ).toBe(
      'Confirmed by package-lock.json: locks @img/sharp-linux-x64 but not @img/sharp-linuxmusl-x64',
    );
    expect(
      evidenceText({
        source: 'prisma/schema.prisma',
        verdict: 'refuted',
        detail: 'binaryTargets lists linux-musl-openssl-3.0.x',
      }),
    ).toBe(
      'Refuted by prisma/schema.prisma: binaryTargets lists linux-musl-openssl-3.0.x',
    );
    expect(
      evidenceText({
        source: 'image',
        verdict: 'not-seen',
        detail: 'no glibc binary, library or addon from line 6 in sha256:abc',
      }),
    ).toBe(
      'Not seen in the built image: no glibc binary, library or addon from line 6 in sha256:abc',
    );
  });
});
