/*
 * yarn bench:image — scanning a synthetic ~500 MB docker save archive with
 * the image inspector versus reading the same archive with `tar -t`
 * (`--no-seek`, so tar reads every byte as the scanner must), in the same
 * run. Prints the ratio (goal ≤ 1.5×) and the scan's peak resident memory.
 * The archive is generated into a temporary folder and removed afterwards.
 * Usage: yarn bench:image [sizeMiB] [rounds]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectImage } from '@alpine-advisor/image-inspector';
import { writeSyntheticImage } from './syntheticImage';

async function main() {
  const sizeMiB = Number(process.argv[2] ?? 500);
  const rounds = Number(process.argv[3] ?? 3);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-image-'));
  try {
    const archive = await writeSyntheticImage(dir, sizeMiB);
    const bytes = fs.statSync(archive).size;
    console.log(
      `synthetic archive: ${(bytes / 1024 / 1024).toFixed(
        0,
      )} MiB at ${archive}`,
    );
    const tarTimes: number[] = [];
    const scanTimes: number[] = [];
    const rssBefore = process.memoryUsage().rss;
    let entries = 0;
    for (let round = 0; round < rounds; round++) {
      let started = process.hrtime.bigint();
      const listing = spawnSync('tar', ['-t', '--no-seek', '-f', archive], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (listing.status !== 0) throw new Error('tar -t failed');
      tarTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
      started = process.hrtime.bigint();
      const report = await inspectImage(archive);
      scanTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
      entries = report.stats.files;
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const tarMs = median(tarTimes);
    const scanMs = median(scanTimes);
    const peakRss = process.resourceUsage().maxRSS * 1024;
    console.log(`layer entries scanned: ${entries}`);
    console.log(
      `tar -t --no-seek: ${tarTimes
        .map(ms => ms.toFixed(0))
        .join(', ')} ms (median ${tarMs.toFixed(0)})`,
    );
    console.log(
      `image scan:       ${scanTimes
        .map(ms => ms.toFixed(0))
        .join(', ')} ms (median ${scanMs.toFixed(0)})`,
    );
    console.log(
      `ratio scan / tar -t: ${(scanMs / tarMs).toFixed(2)}x (goal <= 1.5x)`,
    );
    console.log(
      `peak RSS of this process: ${(peakRss / 1024 / 1024).toFixed(
        0,
      )} MiB (RSS before scanning ${(rssBefore / 1024 / 1024).toFixed(
        0,
      )} MiB; archive ${(bytes / 1024 / 1024).toFixed(0)} MiB)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
