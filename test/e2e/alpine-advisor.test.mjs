// The Alpine Advisor plugin in the running demo portal, as a service owner and
// a platform lead would use it: entity card, remediation tab, org report with
// an owner filter and a CSV export, and an on-demand rescan.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  launchBrowser,
  openGradedEntityPage,
  signInAsGuest,
} from './browser.mjs';
import { exampleComponents } from './catalog.mjs';
import { ensurePortal } from './portal.mjs';

// cart-service holds the seed article's Alpine mistakes, several with mechanical fixes.
const SERVICE = 'cart-service';
const OWNER_REF = 'group:default/team-payments';
const SCAN_TIMEOUT_MS = Number(process.env.E2E_SCAN_TIMEOUT_MS ?? 4 * 60_000);
// Test runs write their screenshots as artefacts only, so they never dirty the
// work tree; `yarn docs:screenshots` runs this file to refresh the README's
// pictures in docs/screenshots.
const SCREENSHOT_DIRS = process.env.E2E_REFRESH_DOCS_SCREENSHOTS
  ? ['docs/screenshots', 'test-results']
  : ['test-results'];

/** Saves a screenshot of an element, or of the page's viewport, as a test artefact (and, when refreshing, for the docs). */
async function screenshot(target, name) {
  for (const dir of SCREENSHOT_DIRS) {
    mkdirSync(dir, { recursive: true });
    await target.screenshot({ path: `${dir}/${name}.png` });
  }
}

describe('Alpine Advisor plugin', () => {
  let stopPortal;
  let browser;
  let page;

  before(async () => {
    stopPortal = await ensurePortal();
    browser = await launchBrowser();
    page = await signInAsGuest(browser);
  });

  after(async () => {
    await browser?.close();
    await stopPortal?.();
  });

  it('shows the score card on the overview of a service with findings', async () => {
    await openGradedEntityPage(page, SERVICE, SCAN_TIMEOUT_MS);
    const card = page.locator('.MuiCard-root', {
      hasText: 'Dockerfile health',
    });
    await card.waitFor();
    const severities = await card
      .getByLabel('Findings by severity')
      .innerText();
    assert.match(severities, /\d+ errors? · \d+ warnings? · \d+ info/);
    assert.doesNotMatch(
      severities,
      /^0 errors · 0 warnings/,
      'the service has findings',
    );
    await card.getByRole('list', { name: 'Worst findings' }).waitFor();
    assert.match(await card.innerText(), /Last scanned/);
    await screenshot(card, 'entity-card');
  });

  it('opens the tab and shows a finding with its remediation and fix diff', async () => {
    const card = page.locator('.MuiCard-root', {
      hasText: 'Dockerfile health',
    });
    await card.getByRole('link', { name: /View findings and fixes/ }).click();
    await page.waitForURL(/\/alpine-advisor$/, { waitUntil: 'commit' });

    const finding = page
      .locator('article')
      .filter({ has: page.getByTestId('fix-diff') })
      .first();
    await finding.waitFor({ timeout: 30_000 });
    const diff = finding.getByTestId('fix-diff');
    assert.match(await finding.innerText(), /How to fix/);
    const diffText = await diff.innerText();
    assert.match(
      diffText,
      /^--- a\/.*Dockerfile\n\+\+\+ b\/.*Dockerfile\n@@ -\d+/,
    );
    assert.match(diffText, /^-.+$/m, 'the diff removes a line');
    assert.match(diffText, /^\+(?!\+\+ ).+$/m, 'the diff adds a line');
    assert.ok(
      await finding.getByRole('button', { name: 'Copy the diff' }).isVisible(),
    );

    // The Dockerfile itself, numbered, with the finding's line highlighted.
    const file = page.getByLabel('Dockerfile content').first();
    await file.waitFor();
    const lines = await file.locator('code > span').allInnerTexts();
    assert.ok(lines.length > 3, 'the file is shown line by line');
    assert.match(lines[0], /^1\s*\S*\s*FROM /i, 'line 1 is numbered');
    const findingLine = Number(
      (
        await finding.getByRole('link', { name: /^lines? \d+/ }).innerText()
      ).match(/\d+/)[0],
    );
    const highlighted = file.getByTestId('highlighted-line');
    const highlightedIds = await highlighted.evaluateAll(spans =>
      spans.map(span => span.id),
    );
    assert.ok(
      highlightedIds.some(id => id.endsWith(`-L${findingLine}`)),
      `line ${findingLine} of the finding is highlighted (${highlightedIds.join(
        ', ',
      )})`,
    );
    await page
      .getByRole('table', { name: 'Build stages and their C library' })
      .first()
      .waitFor();
    // Which knowledge produced the findings, and how current the Alpine
    // release data is: offline, the bundled table with its date.
    await page
      .getByText(/^Findings from knowledge \S+/)
      .first()
      .waitFor();
    await page
      .getByText(
        /^Alpine release data as of \d{4}-\d{2}-\d{2} \((bundled|refreshed)/,
      )
      .first()
      .waitFor();
    // The screenshot shows the numbered file and, below it, the first
    // finding with its remediation and fix diff.
    await file.evaluate(element => element.scrollIntoView({ block: 'start' }));
    await page.mouse.wheel(0, -60);
    await screenshot(page, 'entity-tab');
  });

  it('filters the org report by owner and exports the filtered rows as CSV', async () => {
    await page
      .getByLabel('sidebar nav')
      .getByRole('link', { name: 'Alpine Advisor' })
      .click();
    await page.waitForURL(/\/alpine-advisor\/report/, { waitUntil: 'commit' });
    await page
      .getByLabel(/^Services scanned: \d+/)
      .waitFor({ timeout: 30_000 });

    await page.getByRole('textbox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: OWNER_REF }).click();
    await page.waitForURL(url =>
      url.searchParams.getAll('owner').includes(OWNER_REF),
    );
    await page.keyboard.press('Escape');

    const table = page.getByRole('table', { name: 'Services' });
    const expected = exampleComponents()
      .filter(component => component.spec.owner === 'team-payments')
      .map(component => component.metadata.title ?? component.metadata.name);
    await table
      .getByText(expected[0], { exact: true })
      .waitFor({ timeout: 30_000 });
    const rows = table.locator('tbody tr');
    const ownerLinks = await rows
      .locator('td:nth-child(2) a')
      .evaluateAll(links => links.map(link => link.getAttribute('href')));
    assert.equal(ownerLinks.length, await rows.count());
    for (const href of ownerLinks) {
      assert.match(href, /\/group\/team-payments$/);
    }
    await screenshot(page, 'report-page');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8')).filter(
      row => row.some(Boolean),
    );
    const [header, ...records] = csv;
    const ownerColumn = header.findIndex(name => /owner/i.test(name));
    assert.ok(
      ownerColumn >= 0,
      `the CSV has an owner column: ${header.join(',')}`,
    );
    assert.ok(records.length > 0, 'the CSV has rows');
    for (const record of records) {
      assert.match(record[ownerColumn], /team-payments/);
    }
    const title = await page.getByText(/^Services \(\d+\)$/).innerText();
    assert.equal(records.length, Number(title.match(/\d+/)[0]));
  });

  it('rescans the service on demand', async () => {
    await openGradedEntityPage(page, SERVICE, SCAN_TIMEOUT_MS);
    const card = page.locator('.MuiCard-root', {
      hasText: 'Dockerfile health',
    });
    const status = card.getByRole('status');
    // The backend refuses rescans of one entity in quick succession (429);
    // wait out that interval rather than fail on it.
    for (let attempt = 1; ; attempt++) {
      await card.getByRole('button', { name: 'Rescan' }).click();
      await status.filter({ hasText: /^Rescan/ }).waitFor({ timeout: 60_000 });
      const outcome = await status.innerText();
      if (/^Rescanned/.test(outcome) || attempt === 3) {
        assert.match(outcome, /^Rescanned/);
        return;
      }
      assert.match(outcome, /429|too (many|recent|soon)|rate/i);
      await page.waitForTimeout(30_000);
    }
  });
});
