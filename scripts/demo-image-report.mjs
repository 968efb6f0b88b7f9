#!/usr/bin/env node
/*
 * Posts a built-image report for an example service to the running demo
 * (scripts/start-demo.sh or the README's `yarn start`), as CI would, and
 * shows the Dockerfile finding the image confirms:
 *
 *   node scripts/demo-image-report.mjs [service] [--backend URL] [--token T] [--keep DIR]
 *
 * 1. builds the image the service's Dockerfile (examples/services/<service>)
 *    would produce, offline, from the image inspector's test fixtures
 *    (test/examples/serviceImage.ts: Alpine's base layer, one layer per
 *    instruction with BuildKit's history line, the copied binary compiled
 *    here with gcc, so linked against glibc) into a `docker save` archive;
 * 2. runs `alpine-advisor image ARCHIVE --dockerfile … --format json`, the
 *    command CI runs, and prints what it confirms;
 * 3. POSTs that JSON as is to /api/alpine-advisor/entities/…/image-reports
 *    with the demo's static service token (app-config.yaml,
 *    backend.auth.externalAccess; ALPINE_ADVISOR_CI_TOKEN overrides it);
 * 4. reads the service's report as the demo's guest (the CI token may only
 *    post reports) and prints each finding's image verdict.
 *
 * The default service, ledger-sync, copies a Go binary built with cgo on
 * (golang:1.22, glibc) into Alpine: the image shows the glibc executable,
 * so go-cgo-glibc-into-alpine is "confirmed in the built image". Needs gcc
 * (and Node 22 with the repository's dependencies installed).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  if (index === -1) return fallback;
  const [value] = args.splice(index, 2).slice(1);
  return value;
};
const backend = option(
  '--backend',
  process.env.DEMO_BACKEND_URL ?? 'http://localhost:7007',
).replace(/\/+$/, '');
const token = option(
  '--token',
  process.env.ALPINE_ADVISOR_CI_TOKEN ?? 'alpine-advisor-demo-ci-token',
);
const keep = option('--keep', undefined);
const service = args[0] ?? 'ledger-sync';
const entityPath = `component/default/${service}`;

/** Step 1: the service's image as a docker save archive. */
function buildArchive(dockerfile, dir) {
  const archive = path.join(dir, `${service}.tar`);
  execFileSync(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      path.join(root, 'test/examples/serviceImage.ts'),
      dockerfile,
      archive,
    ],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return archive;
}

/** Step 2: what CI runs; exit code 1 only means findings. */
function imageReport(archive, dockerfile) {
  const output = execFileSync(
    process.execPath,
    [
      path.join(root, 'packages/cli/scripts/dev-bin.cjs'),
      'image',
      archive,
      '--dockerfile',
      dockerfile,
      '--format',
      'json',
      '--fail-on',
      'none',
    ],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(output.toString('utf8'));
}

async function guestToken() {
  const response = await fetch(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(
      `Signing in as guest failed (${response.status}): is the demo running at ${backend}?`,
    );
  }
  return (await response.json()).backstageIdentity.token;
}

async function call(method, url, bearer, body) {
  const response = await fetch(`${backend}/api/alpine-advisor${url}`, {
    method,
    headers: {
      Authorization: `Bearer ${bearer}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new Error(
      `${method} ${url}: HTTP ${response.status} ${
        parsed?.error?.message ?? text
      }`,
    );
  }
  return parsed;
}

/** The image verdicts of a Dockerfile's findings, one line each. */
function imageVerdicts(file) {
  return file.findings.flatMap(finding =>
    (finding.evidence ?? [])
      .filter(fact => fact.source === 'image')
      .map(
        fact =>
          `${file.path}:${finding.line} ${finding.ruleId}: ${
            fact.verdict === 'confirmed'
              ? 'confirmed in the built image'
              : 'not seen in the built image'
          } (${fact.detail})`,
      ),
  );
}

async function main() {
  const folder = path.join(root, 'examples/services', service);
  const dockerfile = path.join(folder, 'Dockerfile');
  if (!fs.existsSync(dockerfile)) {
    throw new Error(`No examples/services/${service}/Dockerfile`);
  }
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'demo-image-'));
  fs.mkdirSync(dir, { recursive: true });
  try {
    const archive = buildArchive(dockerfile, dir);
    console.log(`1. built ${archive}`);

    const report = imageReport(archive, dockerfile);
    console.log(
      `2. alpine-advisor image: ${report.image.libc.libc} image ${report.image.imageId}, ${report.image.findings.length} image finding(s)`,
    );
    for (const file of report.files.slice(1)) {
      for (const line of imageVerdicts(file)) console.log(`   ${line}`);
    }

    const receipt = await call(
      'POST',
      `/entities/${entityPath}/image-reports?dockerfile=Dockerfile`,
      token,
      report,
    );
    console.log(
      `3. posted to ${backend}: ${receipt.confirmedCount} finding(s) confirmed, ${receipt.notSeenCount} not seen`,
    );

    const entity = await call(
      'GET',
      `/entities/${entityPath}`,
      await guestToken(),
    );
    console.log(`4. ${entity.entityRef} now reports:`);
    for (const file of entity.dockerfiles) {
      for (const line of imageVerdicts(file)) console.log(`   ${line}`);
    }
    console.log(
      `   open http://localhost:3000/catalog/default/component/${service}/alpine-advisor`,
    );
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(`demo-image-report: ${error.message}`);
  process.exit(1);
});
