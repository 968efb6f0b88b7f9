import fs from 'node:fs';
import path from 'node:path';
import type { Log } from 'sarif';
// The image fixture builders are test code; sharing them beats copying them.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { alpineBase } from '@alpine-advisor/image-inspector/src/__testUtils__/baseLayers';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import {
  compileC,
  HELLO_C,
} from '@alpine-advisor/image-inspector/src/__testUtils__/compile';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { dockerSaveArchive } from '@alpine-advisor/image-inspector/src/__testUtils__/imageArchives';
import { makeTree, runCli } from '../__testUtils__/runCli';

/*
 * `alpine-advisor image`: a real glibc binary (compiled here with gcc)
 * copied into an Alpine image, the archive assembled with tar-stream.
 */
const DOCKERFILE = [
  'FROM alpine:3.22',
  'COPY --from=debian:bookworm /usr/bin/hello /usr/local/bin/hello',
  'USER 65534',
  'CMD ["/usr/local/bin/hello"]',
  '',
].join('\n');

let project: { root: string; cleanup: () => void };
beforeAll(async () => {
  const archive = await dockerSaveArchive({
    layers: [
      alpineBase(),
      {
        createdBy:
          'COPY --from=debian:bookworm /usr/bin/hello /usr/local/bin/hello # buildkit',
        entries: [
          { path: 'usr/local/bin/hello', content: compileC('gcc', HELLO_C) },
        ],
      },
    ],
  });
  const clean = await dockerSaveArchive({ layers: [alpineBase()] });
  project = makeTree({
    'app.tar': archive,
    'clean.tar': clean,
    Dockerfile: DOCKERFILE,
  });
});
afterAll(() => project.cleanup());

describe('alpine-advisor image', () => {
  it('reports a glibc binary in a musl image with the exit-code policy of Dockerfiles', async () => {
    const run = await runCli(['image', 'app.tar', '--format', 'json'], {
      cwd: project.root,
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.files[0].path).toBe('app.tar');
    expect(report.files[0].findings[0]).toMatchObject({
      ruleId: 'image-glibc-binary-on-musl',
      severity: 'error',
    });
    expect(report.files[0].findings[0].message).toContain(
      'created by "COPY --from=debian:bookworm',
    );
    expect(report.image.libc.libc).toBe('musl');
    const clean = await runCli(['image', 'clean.tar'], { cwd: project.root });
    expect(clean.code).toBe(0);
    const notFailing = await runCli(['image', 'app.tar', '--fail-on', 'none'], {
      cwd: project.root,
    });
    expect(notFailing.code).toBe(0);
  });

  it('joins the Dockerfile: image findings point at its lines, its musl findings say they are confirmed', async () => {
    const run = await runCli(
      ['image', 'app.tar', '--dockerfile', 'Dockerfile', '--format', 'json'],
      {
        cwd: project.root,
      },
    );
    const report = JSON.parse(run.stdout);
    expect(report.files.map((file: { path: string }) => file.path)).toEqual([
      'app.tar',
      'Dockerfile',
    ]);
    expect(report.files[0].findings[0].message).toContain(
      'from Dockerfile:2 COPY',
    );
    const confirmed = report.files[1].findings.filter(
      (finding: { message: string }) =>
        finding.message.includes(
          `confirmed in image ${report.image.imageId}: /usr/local/bin/hello`,
        ),
    );
    expect(confirmed.length).toBeGreaterThan(0);
    expect(confirmed[0].line).toBe(2);
    expect(confirmed[0].evidence).toEqual([
      {
        source: 'image',
        verdict: 'confirmed',
        detail: `${report.image.imageId}: /usr/local/bin/hello (image-glibc-binary-on-musl)`,
      },
    ]);
  });

  it('prints SARIF and the other formats, reads stdin, and exits 2 on an unreadable archive', async () => {
    const sarif: Log = JSON.parse(
      (await runCli(['image', 'app.tar', '-f', 'sarif'], { cwd: project.root }))
        .stdout,
    );
    expect(sarif.runs[0].results?.[0].ruleId).toBe(
      'image-glibc-binary-on-musl',
    );
    for (const format of [
      'tty',
      'markdown',
      'checkstyle',
      'codeclimate',
      'junit',
      'gnu',
    ]) {
      const run = await runCli(['image', 'app.tar', '-f', format], {
        cwd: project.root,
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('image-glibc-binary-on-musl');
    }
    const stdin = await runCli(['image', '-', '-f', 'json'], {
      cwd: project.root,
      stdin: fs.readFileSync(path.join(project.root, 'app.tar')),
    });
    expect(JSON.parse(stdin.stdout).files[0].findings).toHaveLength(1);
    const broken = await runCli(['image', 'Dockerfile'], { cwd: project.root });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      /alpine-advisor: Dockerfile: not a readable image archive/,
    );
  });
});
