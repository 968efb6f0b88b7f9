// Starts the demo portal for the browser tests (unless one already answers),
// and stops it afterwards. The portal is the README's `yarn start`.
import { spawn } from 'node:child_process';

export const FRONTEND_URL =
  process.env.E2E_FRONTEND_URL ?? 'http://localhost:3000';
export const BACKEND_URL =
  process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
const START_TIMEOUT_MS = 6 * 60_000;

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function portalIsUp() {
  return (
    (await answers(`${BACKEND_URL}/.backstage/health/v1/readiness`)) &&
    (await answers(FRONTEND_URL))
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

/** Returns a function that stops the portal if this call started it. */
export async function ensurePortal() {
  if (await portalIsUp()) return async () => {};

  const child = spawn('yarn', ['start'], {
    cwd: new URL('../..', import.meta.url).pathname,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none' },
  });
  const log = [];
  const keep = chunk => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  try {
    await waitFor(
      async () => {
        if (exited)
          throw new Error(`The portal exited early:\n${log.join('')}`);
        return portalIsUp();
      },
      START_TIMEOUT_MS,
      'the demo portal (yarn start)',
    );
  } catch (error) {
    process.kill(-child.pid, 'SIGKILL');
    throw error;
  }

  return async () => {
    if (exited) return;
    process.kill(-child.pid, 'SIGTERM');
    await waitFor(async () => exited, 20_000, 'the portal to stop').catch(() =>
      process.kill(-child.pid, 'SIGKILL'),
    );
  };
}
