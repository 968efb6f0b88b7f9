// Notifications in the running demo portal (issue 14): payments-api's
// Dockerfile gains a breaking musl risk and is rescanned (the scripted
// regression, scripts/demo-musl-regression.mjs), and the guest — Amara Okafor
// of team-payments, the owning group — sees exactly one Alpine Advisor
// notification on the Notifications page; a second rescan of the same outcome
// adds none.
//
// The test starts its own portal (`yarn start`) on free ports, with its own
// SQLite folder and its own copy of examples/ (so the Dockerfile it edits is
// never the repository's), and stops it afterwards.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 8 * 60_000;
const GRADE_TIMEOUT_MS = Number(process.env.E2E_SCAN_TIMEOUT_MS ?? 4 * 60_000);

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

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** The demo portal on free ports over a copy of examples/; resolves to its URLs and a stop function. */
async function startOwnPortal() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'alpine-advisor-e2e-'));
  const examples = path.join(workDir, 'examples');
  cpSync(path.join(ROOT, 'examples'), examples, { recursive: true });
  mkdirSync(path.join(workDir, 'data'));
  const [frontendPort, backendPort] = [await freePort(), await freePort()];
  const frontendUrl = `http://localhost:${frontendPort}`;
  const backendUrl = `http://localhost:${backendPort}`;
  const child = spawn('yarn', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      BROWSER: 'none',
      ALPINE_ADVISOR_DATA_DIR: path.join(workDir, 'data'),
      APP_CONFIG_app_baseUrl: frontendUrl,
      APP_CONFIG_backend_baseUrl: backendUrl,
      APP_CONFIG_backend_listen_port: String(backendPort),
      APP_CONFIG_backend_cors_origin: frontendUrl,
      APP_CONFIG_catalog_locations: JSON.stringify([
        { type: 'file', target: path.join(examples, 'all.yaml') },
      ]),
      APP_CONFIG_alpineAdvisor_localSources_allowedDirectories: JSON.stringify([
        examples,
      ]),
    },
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
    if (!exited) {
      process.kill(-child.pid, 'SIGTERM');
      const deadline = Date.now() + 20_000;
      while (!exited && Date.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 500));
      }
      if (!exited) process.kill(-child.pid, 'SIGKILL');
    }
    rmSync(workDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`The portal exited early:\n${log.join('')}`);
    }
    if (
      (await answers(`${backendUrl}/.backstage/health/v1/readiness`)) &&
      (await answers(frontendUrl))
    ) {
      break;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `The portal did not start:\n${log.join('').slice(-4000)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1_000));
  }
  return { frontendUrl, backendUrl, examples, stop };
}

describe('Alpine Advisor notifications in the demo portal', () => {
  let portal;
  let browser;
  let page;
  let browserModule;
  let regression;

  before(async () => {
    portal = await startOwnPortal();
    // browser.mjs reads the portal's address when it is loaded.
    process.env.E2E_FRONTEND_URL = portal.frontendUrl;
    process.env.E2E_BACKEND_URL = portal.backendUrl;
    browserModule = await import('./browser.mjs');
    regression = await import('../../scripts/demo-musl-regression.mjs');
    browser = await browserModule.launchBrowser();
    page = await browserModule.signInAsGuest(browser);
  });

  after(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('shows exactly one notification for the owning group after a musl regression, and none for a second rescan', async () => {
    const lines = [];
    const result = await regression.runMuslRegression({
      backendUrl: portal.backendUrl,
      examplesDir: portal.examples,
      gradeTimeoutMs: GRADE_TIMEOUT_MS,
      log: line => lines.push(line),
    });
    assert.equal(result.user, 'user:default/amara-okafor');
    assert.equal(
      result.notification.payload.title,
      'New breaking musl risk in component:default/payments-api',
    );

    await browserModule.openPortalPage(page, '/notifications');
    const title = page.getByText(
      'New breaking musl risk in component:default/payments-api',
    );
    await title.first().waitFor({ timeout: 60_000 });
    assert.equal(await title.count(), 1, lines.join('\n'));
    assert.match(
      await page.locator('body').innerText(),
      /glibc-download-in-alpine/,
    );
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({
      path: 'test-results/notifications.png',
      fullPage: true,
    });

    // The notification links to the service's Alpine Advisor tab.
    await title.first().click();
    await page.waitForURL(
      /\/catalog\/default\/component\/payments-api\/alpine-advisor/,
    );
  });
});
