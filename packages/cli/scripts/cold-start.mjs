#!/usr/bin/env node
/*
 * Cold start of the CLI on one Dockerfile against `node -e 0`, the floor
 * every Node CLI pays. Each run is a fresh process; the runs of the two
 * commands are interleaved so that machine load affects both alike. Prints
 * median and minimum wall time in milliseconds.
 *
 *   node packages/cli/scripts/cold-start.mjs [runs] [dockerfile]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const bin = path.join(packageDir, 'bin', 'alpine-advisor');
const devBin = path.join(packageDir, 'scripts', 'dev-bin.cjs');
const runs = Number(process.argv[2] ?? 40);
const dockerfile = process.argv[3] ?? writeSample();

function writeSample() {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'aa-cold-')),
    'Dockerfile',
  );
  fs.writeFileSync(
    file,
    [
      'FROM python:3.12-alpine3.20 AS build',
      'RUN apk add --virtual .build-deps gcc musl-dev libffi-dev',
      'COPY requirements.txt .',
      'RUN pip install -r requirements.txt',
      'FROM python:3.12-alpine3.20',
      'COPY --from=build /usr/local/lib/python3.12 /usr/local/lib/python3.12',
      'COPY . /app',
      'CMD python /app/main.py',
      '',
    ].join('\n'),
  );
  return file;
}

const commands = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'alpine-advisor (bin)': [process.execPath, [bin, '--no-color', dockerfile]],
};

function timeOnce([command, args]) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`,
    );
  }
  return elapsed;
}

// The published bin runs the prebuilt bundle: build it if the sources are newer.
timeOnce([process.execPath, [devBin, '--version']]);
// Warm-up: fills the OS file cache and Node's compile cache.
for (let i = 0; i < 5; i++) Object.values(commands).forEach(timeOnce);

const samples = Object.fromEntries(
  Object.keys(commands).map(name => [name, []]),
);
for (let i = 0; i < runs; i++) {
  for (const [name, command] of Object.entries(commands))
    samples[name].push(timeOnce(command));
}

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};
const floor = median(samples['node -e 0']);
console.log(
  `cold start, ${runs} runs each, load average ${os.loadavg()[0].toFixed(2)}`,
);
for (const [name, values] of Object.entries(samples)) {
  const med = median(values);
  console.log(
    `${name.padEnd(22)} median ${med.toFixed(1).padStart(6)} ms  min ${Math.min(
      ...values,
    )
      .toFixed(1)
      .padStart(6)} ms  (+${(med - floor).toFixed(1)} ms over node -e 0)`,
  );
}
