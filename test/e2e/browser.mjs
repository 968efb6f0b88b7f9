// Debian's Chromium driven by playwright-core: no browser is ever downloaded.
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

/** Opens the portal and signs in as the guest user. */
export async function signInAsGuest(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // The dev server compiles the app on first request: allow for a slow, busy machine.
  context.setDefaultNavigationTimeout(300_000);
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  await page.goto(FRONTEND_URL, { waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: /enter/i }).click();
  await page.waitForURL(url => !url.pathname.includes('sign-in'));
  return page;
}
