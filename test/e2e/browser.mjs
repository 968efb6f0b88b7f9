// Debian's Chromium driven by playwright-core: no browser is ever downloaded.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { FRONTEND_URL } from './portal.mjs';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens the portal (the shared one unless `frontendUrl` says another) and
 * signs in as the guest user, returning once the app is shown. The sign-in
 * page is drawn at whatever address was asked for (there is no /sign-in URL
 * to wait to leave), so completion is the app's sidebar appearing. Waiting for it matters: a page load that starts while the
 * guest token is still being fetched aborts that fetch, and the sign-in page
 * then forgets the chosen provider, so every later full load shows it again.
 */
export async function signInAsGuest(browser, frontendUrl = FRONTEND_URL) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
  });
  // The dev server compiles the app on first request: allow for a slow, busy machine.
  context.setDefaultNavigationTimeout(300_000);
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  await page.goto(frontendUrl, { waitUntil: 'domcontentloaded' });
  const enter = page.getByRole('button', { name: /enter/i });
  await enter.click();
  await appShell(page).waitFor();
  await enter.waitFor({ state: 'detached' });
  return page;
}

/** A full page load of a portal address, kept signed in by the guest session. */
export async function openPortalPage(page, path) {
  await page.goto(new URL(path, page.url()).href);
  await appShell(page).waitFor();
}

/**
 * Opens a component's entity page until the backend's sweep has graded it,
 * retrying while the backend is still starting or scanning; past the deadline
 * it saves a screenshot and fails with what the page shows.
 */
export async function openGradedEntityPage(page, name, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await openPortalPage(page, `/catalog/default/component/${name}`);
      await page
        .getByRole('img', { name: /^Grade [A-F] \(/ })
        .first()
        .waitFor({ timeout: 20_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        mkdirSync('test-results', { recursive: true });
        await page.screenshot({ path: `test-results/${name}-not-graded.png` });
        const text = await page.locator('body').innerText();
        throw new Error(
          `${error.message}\nPage ${page.url()} shows:\n${text.slice(0, 1500)}`,
        );
      }
    }
  }
}

/** The app's sidebar: drawn once signed in, never on the sign-in page. */
function appShell(page) {
  return page.locator('nav:visible').first();
}
