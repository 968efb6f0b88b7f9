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
import { mkdirSync } from 'node:fs';
import { launchBrowser, openPortalPage, signInAsGuest } from './browser.mjs';
import { startOwnPortal } from './portal.mjs';
import { runMuslRegression } from '../../scripts/demo-musl-regression.mjs';

const GRADE_TIMEOUT_MS = Number(process.env.E2E_SCAN_TIMEOUT_MS ?? 4 * 60_000);

describe('Alpine Advisor notifications in the demo portal', () => {
  let portal;
  let browser;
  let page;

  before(async () => {
    portal = await startOwnPortal();
    browser = await launchBrowser();
    page = await signInAsGuest(browser, portal.frontendUrl);
  });

  after(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('shows exactly one notification for the owning group after a musl regression, and none for a second rescan', async () => {
    const lines = [];
    const result = await runMuslRegression({
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

    await openPortalPage(page, '/notifications');
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
