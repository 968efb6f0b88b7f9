/*
 * pipefail-missing against the real tools at the end of a pipe: GNU tar,
 * gzip and bzip2 (Debian's) and BusyBox (Debian's busybox-static, the same
 * applets as Alpine's). A download that fails leaves the consumer nothing,
 * a truncated stream or an error page. The rule stays silent only for
 * consumers that then fail by themselves (the RUN fails either way), and
 * reports the ones that let one of those through.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeDockerfile } from '@alpine-advisor/analyzer';

const BUSYBOX = '/usr/bin/busybox';

type Archive = 'tgz' | 'tbz2' | 'txz' | 'tar' | 'gz' | 'bz2' | 'xz';

/** Consumers the rule accepts, with the archive each is fed. */
const REJECTING: Array<[consumer: string, archive: Archive]> = [
  ['tar -xz -C OUT', 'tgz'],
  ['busybox tar -xz -C OUT', 'tgz'],
  ['tar xjf - -C OUT', 'tbz2'],
  ['busybox tar -xj -C OUT', 'tbz2'],
  ['tar -C OUT -xJ', 'txz'],
  ['busybox tar -xJ -C OUT', 'txz'],
  ['tar --extract --gzip -C OUT', 'tgz'],
  ['gunzip', 'gz'],
  ['busybox gunzip', 'gz'],
  ['gzip -dc', 'gz'],
  ['busybox gzip -d', 'gz'],
  ['bunzip2', 'bz2'],
  ['busybox bunzip2', 'bz2'],
  ['bzip2 -d', 'bz2'],
];

/** Consumers still reported, and the broken input each lets through (exit 0). */
const LETTING_THROUGH: Array<[consumer: string, archive: Archive]> = [
  ['busybox unxz', 'xz'],
  ['busybox xz -d', 'xz'],
  ['busybox zcat', 'gz'],
  ['tar -x -C OUT', 'tar'],
];

let work: string;
const archives = new Map<Archive, Buffer>();

function run(command: string, input: Buffer) {
  const words = command.replaceAll('OUT', join(work, 'out')).split(' ');
  const [program, ...args] =
    words[0] === 'busybox' ? [BUSYBOX, ...words.slice(1)] : words;
  return spawnSync(program, args, { input, cwd: work, stdio: 'pipe' });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pipe-ends-'));
  const payload = join(work, 'payload');
  rmSync(payload, { recursive: true, force: true });
  spawnSync('mkdir', ['-p', payload, join(work, 'out')]);
  writeFileSync(join(payload, 'a'), randomBytes(200_000));
  writeFileSync(join(payload, 'b'), randomBytes(200_000));
  const tarFlags: Partial<Record<Archive, string>> = {
    tgz: '-czf',
    tbz2: '-cjf',
    txz: '-cJf',
    tar: '-cf',
  };
  for (const [archive, flags] of Object.entries(tarFlags)) {
    const file = join(work, `payload.${archive}`);
    const made = spawnSync('tar', [flags, file, 'payload'], { cwd: work });
    if (made.status !== 0) throw new Error(`tar ${flags}: ${made.stderr}`);
    archives.set(archive as Archive, readFileSync(file));
  }
  const compressors: Array<[Archive, string]> = [
    ['gz', 'gzip'],
    ['bz2', 'bzip2'],
    ['xz', 'xz'],
  ];
  for (const [archive, program] of compressors) {
    const made = spawnSync(program, ['-c', join(payload, 'a')]);
    if (made.status !== 0) throw new Error(`${program}: ${made.stderr}`);
    archives.set(archive, made.stdout);
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What a failed download leaves the consumer. */
function brokenInputs(archive: Archive): Record<string, Buffer> {
  const whole = archives.get(archive)!;
  return {
    empty: Buffer.alloc(0),
    'cut after 1000 bytes': whole.subarray(0, 1000),
    'cut halfway': whole.subarray(0, Math.floor(whole.length / 2)),
    'an error page': Buffer.from('<html><body>404 Not Found</body></html>\n'),
  };
}

function reportsPipefail(consumer: string): boolean {
  const line = consumer.replaceAll('OUT', '/opt/app');
  const report = analyzeDockerfile({
    path: 'Dockerfile',
    content: `FROM alpine:3.22\nRUN curl -fsSL https://example.org/app | ${line}\n`,
  });
  return report.findings.some(finding => finding.ruleId === 'pipefail-missing');
}

describe('pipefail-missing and the consumers at the end of a pipe', () => {
  it.each(REJECTING)(
    '%s fails by itself on broken input',
    (consumer, archive) => {
      expect(run(consumer, archives.get(archive)!).status).toBe(0);
      const statuses = Object.entries(brokenInputs(archive)).map(
        ([input, bytes]) => [
          input,
          run(consumer, bytes).status === 0 ? 'exit 0' : 'failed',
        ],
      );
      expect(Object.fromEntries(statuses)).toEqual({
        empty: 'failed',
        'cut after 1000 bytes': 'failed',
        'cut halfway': 'failed',
        'an error page': 'failed',
      });
      expect(reportsPipefail(consumer)).toBe(false);
    },
  );

  it.each(LETTING_THROUGH)(
    '%s lets some broken input through: reported',
    (consumer, archive) => {
      expect(run(consumer, archives.get(archive)!).status).toBe(0);
      const passed = Object.entries(brokenInputs(archive)).filter(
        ([, bytes]) => run(consumer, bytes).status === 0,
      );
      expect(passed.length).toBeGreaterThan(0);
      expect(reportsPipefail(consumer)).toBe(true);
    },
  );
});
