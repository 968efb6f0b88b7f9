// The Alpine Advisor plugin in the running demo portal, as a service owner and
// a platform lead would use it: entity card, remediation tab, org report with
// an owner filter and a CSV export, and an on-demand rescan.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { launchBrowser, signInAsGuest } from './browser.mjs';
import { exampleComponents } from './catalog.mjs';
import { ensurePortal } from './portal.mjs';

// cart-service holds the seed article's Alpine mistakes, several with mechanical fixes.
const SERVICE = 'cart-service';
const OWNER_REF = 'group:default/team-payments';
const SCAN_TIMEOUT_MS = 4 * 60_000;
const SCREENSHOT_DIRS = ['docs/screenshots', 'test-results'];

async function screenshot(locator, name) {
  for (const dir of SCREENSHOT_DIRS) {
    mkdirSync(dir, { recursive: true });
    await locator.screenshot({ path: `${dir}/${name}.png` });
  }
}

/** Opens the entity page until the backend's first sweep has graded the service. */
async function openGradedEntityPage(page, name) {
  const url = new URL(`/catalog/default/component/${name}`, page.url()).href;
  const deadline = Date.now() + SCAN_TIMEOUT_MS;
  for (;;) {
    await page.goto(url);
    const grade = page.getByRole('img', { name: /^Grade [A-F] \(/ }).first();
    try {
      await grade.waitFor({ timeout: 20_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
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
    await openGradedEntityPage(page, SERVICE);
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
    await page.waitForURL(/\/alpine-advisor$/);

    const diff = page.getByTestId('fix-diff').first();
    await diff.waitFor({ timeout: 30_000 });
    const finding = page.locator('article', { has: diff });
    assert.match(await finding.innerText(), /How to fix/);
    assert.match(
      await diff.innerText(),
      /^\+ /m,
      'the diff adds at least one line',
    );
    await page
      .getByRole('table', { name: 'Build stages and their C library' })
      .first()
      .waitFor();
    await page.getByLabel('Dockerfile content').first().waitFor();
    await screenshot(page.locator('main').first(), 'entity-tab');
  });

  it('filters the org report by owner and exports the filtered rows as CSV', async () => {
    await page.getByRole('link', { name: 'Alpine Advisor' }).first().click();
    await page.waitForURL(/\/alpine-advisor\/report/);
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
    for (const owner of await rows.locator('td:nth-child(2)').allInnerTexts()) {
      assert.match(owner, /team-payments/);
    }
    await screenshot(page.locator('main').first(), 'report-page');

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
    await openGradedEntityPage(page, SERVICE);
    const card = page.locator('.MuiCard-root', {
      hasText: 'Dockerfile health',
    });
    await card.getByRole('button', { name: 'Rescan' }).click();
    await assert.doesNotReject(
      card
        .getByRole('status')
        .filter({ hasText: /^Rescan/ })
        .waitFor({ timeout: 60_000 }),
    );
    assert.match(await card.getByRole('status').innerText(), /^Rescanned/);
  });
});
