import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeDockerfile, joinImageFindings } from '@alpine-advisor/analyzer';
import { inspectImage } from '@alpine-advisor/image-inspector';
import { finalStageInstructions, writeServiceImage } from './serviceImage';

/*
 * The demo's image (scripts/demo-image-report.mjs): built from ledger-sync's
 * Dockerfile, it must confirm the Dockerfile's musl finding, or the demo
 * shows nothing.
 */
const DOCKERFILE = path.resolve(
  __dirname,
  '../../examples/services/ledger-sync/Dockerfile',
);

describe('the demo image of an example service', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-image-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes the final stage, continuation lines joined', () => {
    expect(
      finalStageInstructions(
        'FROM golang AS build\nRUN go build\nFROM alpine\nRUN apk add a \\\n && adduser x\nCOPY --from=build /a /b\nUSER x\n',
      ),
    ).toEqual([
      { keyword: 'RUN', args: 'apk add a   && adduser x' },
      { keyword: 'COPY', args: '--from=build /a /b' },
    ]);
  });

  it("confirms ledger-sync's cgo finding with a real glibc binary in the built image", async () => {
    const archive = path.join(dir, 'ledger-sync.tar');
    await writeServiceImage(DOCKERFILE, archive);
    const image = await inspectImage(archive);
    expect(image.libc.libc).toBe('musl');
    expect(image.findings.map(finding => finding.ruleId)).toEqual([
      'image-glibc-binary-on-musl',
    ]);

    const text = fs.readFileSync(DOCKERFILE, 'utf8');
    const { findings } = analyzeDockerfile({
      path: 'Dockerfile',
      content: text,
    });
    const join = joinImageFindings(findings, text, image);
    const confirmed = findings.filter(
      (_, index) => join.evidence[index]?.verdict === 'confirmed',
    );
    expect(confirmed.map(finding => [finding.ruleId, finding.line])).toEqual([
      ['go-cgo-glibc-into-alpine', 11],
    ]);
  });
});
