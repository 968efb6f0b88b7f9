// Starts the demo portal for the browser tests, and stops it afterwards. The
// portal is the README's `yarn start`: either the shared one on 3000/7007
// (ensurePortal: reused when one answers, except under CI; run under
// `flock /tmp/portal.lock`) or a test's own on free ports (startOwnPortal).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FRONTEND_URL =
  process.env.E2E_FRONTEND_URL ?? 'http://localhost:3000';
export const BACKEND_URL =
  process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
const START_TIMEOUT_MS = 6 * 60_000;
/** A portal of its own also compiles the frontend anew: allow for a busy machine. */
const OWN_START_TIMEOUT_MS = 8 * 60_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function portalIsUp(
  frontendUrl = FRONTEND_URL,
  backendUrl = BACKEND_URL,
) {
  return (
    (await answers(`${backendUrl}/.backstage/health/v1/readiness`)) &&
    (await answers(frontendUrl))
  );
}

async function waitFor(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise(resolve => setTimeout(resolve, 1_000));
  }
  throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

/**
 * `yarn start` with `env` added, in its own process group, until both URLs
 * answer (or it exits, or `timeoutMs` passes: then it is killed and the
 * error carries the end of its log). Resolves to a function that stops it.
 */
async function spawnPortal({ env, frontendUrl, backendUrl, timeoutMs, what }) {
  const child = spawn('yarn', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', ...env },
  });
  const log = [];
  const keep = chunk => {
    log.push(chunk.toString());
    if (log.length > 300) log.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const stop = async () => {
    if (exited) return;
    process.kill(-child.pid, 'SIGTERM');
    await waitFor(async () => exited, 20_000, 'the portal to stop').catch(() =>
      process.kill(-child.pid, 'SIGKILL'),
    );
  };
  try {
    await waitFor(
      async () => {
        if (exited) throw new Error('The portal exited early');
        return portalIsUp(frontendUrl, backendUrl);
      },
      timeoutMs,
      what,
    );
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${log.join('').slice(-4000)}`);
  }
  return { stop, pid: child.pid };
}

/**
 * Returns a function that stops the portal if this call started it. Under CI
 * a portal that already answers is not ours (another checkout's, another
 * run's): the tests would check its code, not this one's, so they stop there.
 */
export async function ensurePortal() {
  if (await portalIsUp()) {
    if (process.env.CI)
      throw new Error(
        `A portal already answers on ${FRONTEND_URL} and ${BACKEND_URL}, and CI tests only the portal it starts from this checkout: stop the other one (or run without CI=true to reuse it)`,
      );
    return async () => {};
  }

  const portal = await spawnPortal({
    env: {},
    frontendUrl: FRONTEND_URL,
    backendUrl: BACKEND_URL,
    timeoutMs: START_TIMEOUT_MS,
    what: 'the demo portal (yarn start)',
  });
  return async () => {
    await portal.stop();
    // Its children may outlive yarn for a moment: the next test file must
    // find the ports free, not this portal on its way out.
    await waitFor(
      async () =>
        !(await answers(`${BACKEND_URL}/.backstage/health/v1/liveness`)) &&
        !(await answers(FRONTEND_URL)),
      30_000,
      'the ports to be free',
    ).catch(() => {
      try {
        process.kill(-portal.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    });
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The demo portal on free ports, whatever else is running, with its own
 * SQLite folder and its own copy of examples/ (so that a test may edit a
 * Dockerfile without touching the repository's). `appConfig` adds
 * `APP_CONFIG_*` overrides, e.g. `{ alpineAdvisor_campaigns: '[…]' }`.
 * Resolves to its URLs, the examples copy and a stop function.
 */
export async function startOwnPortal({ appConfig = {} } = {}) {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'alpine-advisor-e2e-'));
  const examples = path.join(workDir, 'examples');
  cpSync(path.join(ROOT, 'examples'), examples, { recursive: true });
  mkdirSync(path.join(workDir, 'data'));
  const [frontendPort, backendPort] = [await freePort(), await freePort()];
  const frontendUrl = `http://localhost:${frontendPort}`;
  const backendUrl = `http://localhost:${backendPort}`;
  const overrides = Object.fromEntries(
    Object.entries(appConfig).map(([key, value]) => [
      `APP_CONFIG_${key}`,
      value,
    ]),
  );
  let portal;
  try {
    portal = await spawnPortal({
      env: {
        ALPINE_ADVISOR_DATA_DIR: path.join(workDir, 'data'),
        APP_CONFIG_app_baseUrl: frontendUrl,
        APP_CONFIG_backend_baseUrl: backendUrl,
        APP_CONFIG_backend_listen_port: String(backendPort),
        APP_CONFIG_backend_cors_origin: frontendUrl,
        APP_CONFIG_catalog_locations: JSON.stringify([
          { type: 'file', target: path.join(examples, 'all.yaml') },
        ]),
        APP_CONFIG_alpineAdvisor_localSources_allowedDirectories:
          JSON.stringify([examples]),
        ...overrides,
      },
      frontendUrl,
      backendUrl,
      timeoutMs: OWN_START_TIMEOUT_MS,
      what: 'the demo portal on free ports',
    });
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    await portal.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  return { frontendUrl, backendUrl, examples, stop };
}
