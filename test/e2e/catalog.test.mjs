import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPortalPage, signInAsGuest } from './browser.mjs';
import { exampleComponents } from './catalog.mjs';
import { ensurePortal } from './portal.mjs';

describe('demo portal', () => {
  let stopPortal;
  let browser;

  before(async () => {
    stopPortal = await ensurePortal();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await stopPortal?.();
  });

  it('shows the example catalog to a guest', async () => {
    const components = exampleComponents();
    assert.ok(
      components.length >= 10,
      'the example catalog has at least 10 components',
    );

    const page = await signInAsGuest(browser);
    await openPortalPage(page, '/?filters[kind]=component&filters[user]=all');
    // The catalog counts every example, and shows 20 a page: each is then
    // looked up through the table's search box, as a user would.
    await page
      .getByRole('heading', {
        name: new RegExp(`^all components \\(${components.length}\\)$`, 'i'),
      })
      .first()
      .waitFor({ timeout: 60_000 });
    const table = page.getByRole('table');
    const filterBox = page.getByPlaceholder('Search');
    for (const component of components) {
      const title = component.metadata.title ?? component.metadata.name;
      await filterBox.fill(title);
      await table
        .getByText(title, { exact: true })
        .first()
        .waitFor({ timeout: 60_000 });
    }
    await filterBox.fill('');
    await page.screenshot({ path: 'test-results/catalog.png', fullPage: true });
  });
});
