#!/usr/bin/env node
// The demo's scripted musl regression (issue 14, Notifications): payments-api's
// Dockerfile gains a breaking musl risk (a glibc build of Node.js downloaded
// into its Alpine stage), the service is rescanned, and exactly one
// notification reaches its owning group (team-payments, whose member Amara
// Okafor is the demo's guest); the same Dockerfile written again and rescanned
// produces none. The Dockerfile is always restored (and, when the script
// changed the demo's own examples/, the service rescanned once more).
//
//   node scripts/demo-musl-regression.mjs [--backend http://localhost:7007] [--examples DIR]
//
// The running demo portal must be the README's `yarn start` (or the same with
// other ports: --backend). --examples names the examples folder the backend
// reads (default: this repository's examples/).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ENTITY = 'component:default/payments-api';
const ENTITY_PATH = 'component/default/payments-api';
const TOPIC = 'alpine-advisor:new-musl-risk';
/** An error-level musl finding: a glibc build of Node.js unpacked on Alpine. */
const RISK =
  'RUN wget -qO- https://nodejs.org/dist/v22.17.0/node-v22.17.0-linux-x64.tar.xz | tar -xJ -C /opt';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** The Dockerfile with the risk added to its final (Alpine) stage. */
export function withMuslRisk(dockerfile) {
  const lines = dockerfile.split('\n');
  const user = lines.findIndex(line => line.startsWith('USER '));
  if (user < 0) throw new Error('payments-api Dockerfile has no USER line');
  lines.splice(user, 0, RISK);
  return lines.join('\n');
}

async function guestToken(backendUrl) {
  const response = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(`Guest sign-in failed: HTTP ${response.status}`);
  }
  const body = await response.json();
  return {
    token: body.backstageIdentity.token,
    user: body.backstageIdentity.identity?.userEntityRef,
  };
}

function client(backendUrl, token) {
  const call = async (method, url) => {
    const response = await fetch(`${backendUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    return {
      status: response.status,
      retryAfter: Number(response.headers.get('retry-after')),
      body: text ? JSON.parse(text) : undefined,
    };
  };
  return {
    get: url => call('GET', url),
    post: url => call('POST', url),
  };
}

/** Waits until the sweep graded the entity (its first result records the notification baseline). */
async function waitForGrade(api, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await api
      .get(`/api/alpine-advisor/entities/${ENTITY_PATH}`)
      .catch(error => ({ status: 0, body: String(error) }));
    if (status === 200 && body.grade) return body;
    if (Date.now() > deadline) {
      throw new Error(
        `${ENTITY} was not graded within ${
          timeoutMs / 1000
        }s (last answer: ${status})`,
      );
    }
    await sleep(2_000);
  }
}

/** Rescans, waiting out the minimum interval between rescans when asked to. */
async function rescan(api) {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const { status, body, retryAfter } = await api.post(
      `/api/alpine-advisor/entities/${ENTITY_PATH}/rescan`,
    );
    if (status === 200) return body;
    if (status !== 429) {
      throw new Error(`Rescan failed: HTTP ${status} ${JSON.stringify(body)}`);
    }
    await sleep(
      (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 5) * 1000 +
        500,
    );
  }
  throw new Error('Rescan kept being refused as too soon');
}

/** The signed-in user's Alpine Advisor notifications about payments-api. */
async function notifications(api) {
  const { status, body } = await api.get(
    '/api/notifications/notifications?limit=100',
  );
  if (status !== 200) {
    throw new Error(`Listing notifications failed: HTTP ${status}`);
  }
  return body.notifications.filter(
    notification =>
      notification.payload.topic?.startsWith('alpine-advisor:') &&
      notification.payload.scope?.includes(ENTITY),
  );
}

/**
 * Runs the regression against a running demo backend. Resolves to what it
 * saw; throws when the outcome is not exactly one notification, then none.
 */
export async function runMuslRegression({
  backendUrl = 'http://localhost:7007',
  examplesDir = fileURLToPath(new URL('../examples', import.meta.url)),
  gradeTimeoutMs = 5 * 60_000,
  rescanAfterRestore = false,
  log = console.log,
} = {}) {
  const dockerfilePath = path.join(
    examplesDir,
    'services/payments-api/Dockerfile',
  );
  const original = readFileSync(dockerfilePath, 'utf8');
  const { token, user } = await guestToken(backendUrl);
  const api = client(backendUrl, token);
  const before = await waitForGrade(api, gradeTimeoutMs);
  log(
    `${ENTITY}: grade ${before.grade} (${before.score}); notifications go to ${user}`,
  );
  const known = new Set((await notifications(api)).map(n => n.id));

  let restored = false;
  const restore = () => {
    if (!restored) {
      writeFileSync(dockerfilePath, original);
      restored = true;
    }
  };
  process.once('SIGINT', () => {
    restore();
    process.exit(130);
  });
  try {
    writeFileSync(dockerfilePath, withMuslRisk(original));
    const first = await rescan(api);
    log(
      `Rescanned with the risk: grade ${first.report?.grade} (${first.report?.score}), changed: ${first.changed}`,
    );
    const fresh = (await notifications(api)).filter(n => !known.has(n.id));
    if (fresh.length !== 1 || fresh[0].payload.topic !== TOPIC) {
      throw new Error(
        `Expected exactly one ${TOPIC} notification, got ${JSON.stringify(
          fresh.map(n => n.payload),
        )}`,
      );
    }
    const [notification] = fresh;
    log(
      `Notified: "${notification.payload.title}" — ${notification.payload.description}`,
    );

    // The same Dockerfile stored again (a new revision, the same outcome).
    writeFileSync(dockerfilePath, `${withMuslRisk(original)}\n`);
    const second = await rescan(api);
    log(`Rescanned again: changed: ${second.changed}`);
    const after = await notifications(api);
    const again = after.filter(n => !known.has(n.id));
    const same = again.find(n => n.id === notification.id);
    if (again.length !== 1 || !same || same.updated) {
      throw new Error(
        `Expected no further notification, got ${JSON.stringify(
          again.map(n => ({ ...n.payload, updated: n.updated })),
        )}`,
      );
    }
    log('No further notification: one per change, not per scan.');
    return { notification, user, first, second };
  } finally {
    restore();
    log(`Restored ${path.relative(process.cwd(), dockerfilePath)}`);
    if (rescanAfterRestore) {
      await rescan(api).then(
        result =>
          log(
            `Rescanned the restored Dockerfile: grade ${result.report?.grade}`,
          ),
        error =>
          log(`Could not rescan the restored Dockerfile: ${error.message}`),
      );
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = name => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  runMuslRegression({
    backendUrl: option('--backend') ?? process.env.ALPINE_ADVISOR_BACKEND_URL,
    examplesDir: option('--examples'),
    rescanAfterRestore: true,
  }).then(
    () => process.exit(0),
    error => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
