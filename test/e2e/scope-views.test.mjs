// Team, system and domain views in the running demo portal, as a lead would
// use them: the Payments team's Group page, the Checkout System page and the
// Commerce Domain page each show the Alpine Advisor card with the grade
// distribution and the worst services of that scope, the team's tab shows the
// full summary, and the card links into the org report filtered to the team.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openPortalPage, signInAsGuest } from './browser.mjs';
import { exampleComponents } from './catalog.mjs';
import { ensurePortal } from './portal.mjs';

const SCAN_TIMEOUT_MS = Number(process.env.E2E_SCAN_TIMEOUT_MS ?? 4 * 60_000);

/** The example services in a scope, by name, from examples/ itself. */
function servicesWhere(predicate) {
  return new Set(
    exampleComponents()
      .filter(predicate)
      .map(c => c.metadata.name),
  );
}

/**
 * Opens an entity page until its Alpine Advisor card shows a grade
 * distribution (the backend's first sweep may still be running); past the
 * deadline it saves a screenshot and fails with what the page shows.
 */
async function openScopeCard(page, path) {
  const deadline = Date.now() + SCAN_TIMEOUT_MS;
  for (;;) {
    try {
      await openPortalPage(page, path);
      const card = page.locator('.MuiCard-root', {
        has: page.getByRole('img', { name: /^Grade distribution: / }),
      });
      await card.first().waitFor({ timeout: 20_000 });
      return card.first();
    } catch (error) {
      if (Date.now() > deadline) {
        mkdirSync('test-results', { recursive: true });
        const name = path.split('/').slice(-2).join('-');
        await page.screenshot({ path: `test-results/${name}-no-card.png` });
        const text = await page.locator('body').innerText();
        throw new Error(
          `${error.message}\nPage ${page.url()} shows:\n${text.slice(0, 1500)}`,
        );
      }
    }
  }
}

/** The grade counts the card's chart states, e.g. { A: 2, B: 1, … }. */
async function gradeCounts(card) {
  const label = await card
    .getByRole('img', { name: /^Grade distribution: / })
    .getAttribute('aria-label');
  return Object.fromEntries(
    [...label.matchAll(/([A-F]): (\d+)/g)].map(([, grade, n]) => [
      grade,
      Number(n),
    ]),
  );
}

/** The names of the services the card lists as worst, from their links. */
async function worstServiceNames(card) {
  const list = card.getByRole('list', { name: 'Worst services' });
  await list.waitFor();
  const hrefs = await list
    .getByRole('link')
    .evaluateAll(links => links.map(link => link.getAttribute('href')));
  return hrefs.map(href => href.split('/').pop());
}

describe('Alpine Advisor team, system and domain views', () => {
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

  it("shows the Payments team's card with its grade distribution and worst services", async () => {
    const card = await openScopeCard(
      page,
      '/catalog/default/group/team-payments',
    );
    const payments = servicesWhere(c => c.spec.owner === 'team-payments');
    const counts = await gradeCounts(card);
    const graded = Object.values(counts).reduce((a, b) => a + b, 0);
    assert.ok(graded > 0, 'the team has graded services');
    assert.ok(
      graded <= payments.size,
      `${graded} graded of the team's ${payments.size} services`,
    );
    const worst = await worstServiceNames(card);
    assert.ok(worst.length > 0 && worst.length <= 5);
    for (const name of worst) {
      assert.ok(payments.has(name), `${name} is a Payments service`);
    }
    assert.match(
      await card.innerText(),
      /Dockerfile health of the team's \d+ services/,
    );
    assert.match(await card.innerText(), /meet the policy/);
    mkdirSync('test-results', { recursive: true });
    await card.screenshot({ path: 'test-results/team-card.png' });
  });

  it('links the team card into the org report filtered to the team', async () => {
    const card = await openScopeCard(
      page,
      '/catalog/default/group/team-payments',
    );
    await card.getByRole('link', { name: /View in the org report/ }).click();
    await page.waitForURL(url =>
      url.searchParams.getAll('owner').includes('group:default/team-payments'),
    );
    const table = page.getByRole('table', { name: 'Services' });
    await table.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    const ownerLinks = await table
      .locator('tbody tr td:nth-child(2) a')
      .evaluateAll(links => links.map(link => link.getAttribute('href')));
    assert.ok(ownerLinks.length > 0);
    for (const href of ownerLinks) {
      assert.match(href, /\/group\/team-payments$/);
    }
  });

  it("opens the team's tab with the full summary", async () => {
    await openScopeCard(page, '/catalog/default/group/team-payments');
    await openPortalPage(
      page,
      '/catalog/default/group/team-payments/alpine-advisor',
    );
    await page
      .getByRole('list', { name: 'Worst services' })
      .waitFor({ timeout: 30_000 });
    await page.getByLabel(/^Services scanned: \d+/).waitFor();
  });

  it('shows the Checkout system’s card with its services', async () => {
    const card = await openScopeCard(page, '/catalog/default/system/checkout');
    const checkout = servicesWhere(c => c.spec.system === 'checkout');
    const worst = await worstServiceNames(card);
    assert.ok(worst.length > 0);
    for (const name of worst) {
      assert.ok(checkout.has(name), `${name} is part of Checkout`);
    }
    assert.match(
      await card.innerText(),
      /Dockerfile health of the system's \d+ services/,
    );
  });

  it('shows the Commerce domain’s card with its systems’ services', async () => {
    const card = await openScopeCard(page, '/catalog/default/domain/commerce');
    // Commerce holds the Checkout system only.
    const commerce = servicesWhere(c => c.spec.system === 'checkout');
    const worst = await worstServiceNames(card);
    assert.ok(worst.length > 0);
    for (const name of worst) {
      assert.ok(commerce.has(name), `${name} is in Commerce`);
    }
    assert.match(
      await card.innerText(),
      /Dockerfile health of the domain's \d+ services/,
    );
  });
});
