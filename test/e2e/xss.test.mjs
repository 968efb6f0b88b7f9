// Hostile text in a Dockerfile is shown, never run: partner-widget's Dockerfile
// carries HTML and script payloads in comments, an ARG value, a LABEL, a build
// path and a stage name (quoted by a finding's message). In Chromium, its card
// and tab must fire no dialog, create no element from the payloads, and show
// the payloads as literal text.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import {
  launchBrowser,
  openGradedEntityPage,
  openPortalPage,
  signInAsGuest,
} from './browser.mjs';
import { ensurePortal } from './portal.mjs';

const SERVICE = 'partner-widget';
const SCAN_TIMEOUT_MS = Number(process.env.E2E_SCAN_TIMEOUT_MS ?? 4 * 60_000);
/** Quoted by the cgo finding's message ("in stage `…`"). */
const STAGE_PAYLOAD = "<svg/onload=alert('stage')>";
/** In the file's comments, shown with the file's text. */
const COMMENT_PAYLOAD = "<script>alert('comment')</script>";

/** Elements the payloads would create if any reached the DOM as HTML. */
function injectedElements() {
  const suspicious = [
    ...document.querySelectorAll(
      'img[src="x"], svg[onload], [onerror], [onload]',
    ),
    ...[...document.querySelectorAll('script')].filter(script =>
      script.textContent.includes('alert('),
    ),
  ];
  return suspicious.map(element => element.outerHTML.slice(0, 200));
}

describe('hostile Dockerfile text in the browser', () => {
  let stopPortal;
  let browser;
  let page;
  const dialogs = [];

  before(async () => {
    stopPortal = await ensurePortal();
    browser = await launchBrowser();
    page = await signInAsGuest(browser);
    page.on('dialog', async dialog => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
  });

  after(async () => {
    await browser?.close();
    await stopPortal?.();
  });

  it('shows the payloads on the card as text', async () => {
    await openGradedEntityPage(page, SERVICE, SCAN_TIMEOUT_MS);
    const card = page.locator('.MuiCard-root', {
      hasText: 'Dockerfile health',
    });
    await card.waitFor();
    await card.getByText(STAGE_PAYLOAD, { exact: false }).first().waitFor();
    assert.deepEqual(await page.evaluate(injectedElements), []);
    assert.deepEqual(dialogs, []);
  });

  it('shows the payloads in the tab as text', async () => {
    await openPortalPage(
      page,
      `/catalog/default/component/${SERVICE}/alpine-advisor`,
    );
    await page
      .getByText(STAGE_PAYLOAD, { exact: false })
      .first()
      .waitFor({ timeout: 60_000 });
    const text = await page.locator('main').innerText();
    assert.ok(
      text.includes(STAGE_PAYLOAD),
      'the finding quotes the stage name literally',
    );
    assert.ok(
      text.includes(COMMENT_PAYLOAD),
      "the file's comment shows literally",
    );
    // Leave time for any image error or load handler to fire.
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await page.evaluate(injectedElements), []);
    assert.deepEqual(dialogs, []);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/xss-tab.png', fullPage: true });
  });
});
