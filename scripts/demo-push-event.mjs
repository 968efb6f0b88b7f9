#!/usr/bin/env node
/*
 * Posts a signed GitHub-style push event for an example service to the
 * running demo (scripts/start-demo.sh) and shows the rescan it causes:
 *
 *   node scripts/demo-push-event.mjs [service] [--backend URL] [--secret S]
 *
 * The service (default payments-api) must carry the annotation
 * `github.com/project-slug: acme-outfitters/<service>` (examples/services/…
 * /catalog-info.yaml): the push names that repository and says its
 * Dockerfile changed. The script
 *  1. signs the payload with the demo's webhook secret (app-config.yaml,
 *     events.modules.github.webhookSecret) and POSTs it to the events
 *     backend's /api/events/http/github, as GitHub would;
 *  2. polls the service's report until its scan time moves, and prints how
 *     long the rescan took;
 *  3. delivers the very same event again and shows that nothing is
 *     rescanned (one rescan per entity and commit);
 *  4. sends it with a wrong signature: refused with 403.
 * Needs Node 18+ (fetch) and nothing else.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';

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
const secret = option(
  '--secret',
  process.env.GITHUB_WEBHOOK_SECRET ?? 'alpine-advisor-demo-webhook-secret',
);
const service = args[0] ?? 'payments-api';
const ORG = 'acme-outfitters';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

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

async function report(token) {
  const response = await fetch(
    `${backend}/api/alpine-advisor/entities/component/default/${service}`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  if (response.status === 404) return undefined;
  if (!response.ok) {
    throw new Error(`GET report of ${service}: ${response.status}`);
  }
  return response.json();
}

function pushPayload() {
  const repository = `https://github.com/${ORG}/${service}`;
  // A new commit each run: the same commit twice is one change.
  const after = createHash('sha1')
    .update(`${service} ${Date.now()} ${randomUUID()}`)
    .digest('hex');
  return {
    ref: 'refs/heads/main',
    before: '0123456789abcdef0123456789abcdef01234567',
    after,
    created: false,
    deleted: false,
    forced: false,
    compare: `${repository}/compare/0123456789ab...${after.slice(0, 12)}`,
    commits: [
      {
        id: after,
        message: 'Pin the Alpine base image',
        timestamp: new Date().toISOString(),
        added: [],
        removed: [],
        modified: ['Dockerfile'],
      },
    ],
    head_commit: { id: after, modified: ['Dockerfile'] },
    repository: {
      name: service,
      full_name: `${ORG}/${service}`,
      html_url: repository,
      url: repository,
      clone_url: `${repository}.git`,
      default_branch: 'main',
    },
    pusher: { name: 'demo', email: 'demo@acme-outfitters.example' },
    sender: { login: 'demo' },
  };
}

async function deliver(body, signature) {
  const response = await fetch(`${backend}/api/events/http/github`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'GitHub-Hookshot/demo',
      'X-GitHub-Event': 'push',
      'X-GitHub-Delivery': randomUUID(),
      'X-Hub-Signature-256': signature,
    },
    body,
  });
  const text = await response.text();
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text));
  } catch {
    // Not JSON: shown as it came.
  }
  return { status: response.status, text: shown };
}

async function waitForScanAfter(token, since, timeoutMs) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const current = await report(token);
    if (current && current.lastScannedAt !== since) {
      return current;
    }
    await sleep(100);
  }
  return undefined;
}

async function main() {
  const token = await guestToken();
  let before = await report(token);
  if (!before) {
    console.log(`${service} has not been scanned yet; waiting for the sweep…`);
    for (let i = 0; i < 120 && !before; i++) {
      await sleep(1000);
      before = await report(token);
    }
    if (!before) throw new Error(`${service} was never scanned`);
  }
  console.log(
    `${service}: grade ${before.grade}, last scanned ${before.lastScannedAt} (${before.scan?.trigger})`,
  );

  const body = JSON.stringify(pushPayload());
  const signature = `sha256=${createHmac('sha256', secret)
    .update(body)
    .digest('hex')}`;
  const { after } = JSON.parse(body);

  console.log(
    `\n1. POST ${backend}/api/events/http/github: push to ${ORG}/${service} main at ${after.slice(
      0,
      12,
    )}, Dockerfile modified, signed`,
  );
  const sentAt = Date.now();
  const first = await deliver(body, signature);
  console.log(`   → ${first.status} ${first.text}`);
  if (first.status !== 202) {
    throw new Error(
      'The events backend refused the event: is events.modules.github.webhookSecret the secret given here?',
    );
  }
  const rescanned = await waitForScanAfter(token, before.lastScannedAt, 30_000);
  if (!rescanned) {
    throw new Error(
      `${service} was not rescanned within 30 s: is alpineAdvisor.events.enabled true, and the service annotated github.com/project-slug: ${ORG}/${service}?`,
    );
  }
  console.log(
    `   rescanned ${Date.now() - sentAt} ms after the event: last scanned ${
      rescanned.lastScannedAt
    }, grade ${rescanned.grade}` +
      (rescanned.scan?.trigger === 'event'
        ? ' (scan trigger: event)'
        : ' (files unchanged: the stored result was confirmed)'),
  );

  console.log('\n2. The same delivery again (same commit, same signature)');
  const second = await deliver(body, signature);
  console.log(`   → ${second.status} ${second.text}`);
  const again = await waitForScanAfter(token, rescanned.lastScannedAt, 5_000);
  console.log(
    again
      ? `   rescanned again at ${again.lastScannedAt}: the event was not deduplicated!`
      : `   no rescan: last scanned still ${rescanned.lastScannedAt} after 5 s`,
  );

  console.log('\n3. The same event with a wrong signature');
  const forged = await deliver(
    body,
    `sha256=${createHmac('sha256', 'not-the-secret')
      .update(body)
      .digest('hex')}`,
  );
  console.log(`   → ${forged.status} ${forged.text}`);
  if (again || forged.status !== 403) {
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(String(error?.message ?? error));
  process.exit(1);
});
