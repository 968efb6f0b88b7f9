// The Campaigns tab in the running demo portal (issue 14), as a platform lead
// reads it: each campaign the demo declares in app-config.yaml shows its
// burn-down (chart and figures per day) and its owners' progress, with the
// figures the API gives the same guest, and consistent with each other.
//
// The test starts its own portal on free ports (see portal.mjs). The demo's
// campaigns have fixed dates, and a burn-down stops at its deadline, so their
// windows are moved around the test's own day (same ids, titles, conditions
// and scopes): the test never depends on today's date.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { launchBrowser, openPortalPage, signInAsGuest } from './browser.mjs';
import { exampleEntities } from './catalog.mjs';
import { startOwnPortal } from './portal.mjs';

const SCAN_TIMEOUT_MS = Number(process.env.E2E_SCAN_TIMEOUT_MS ?? 4 * 60_000);
const DAY_MS = 24 * 60 * 60 * 1000;

const utcDay = offsetDays =>
  new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

/** The demo's campaigns, from app-config.yaml itself, active around today. */
function demoCampaigns() {
  const config = parse(
    readFileSync(new URL('../../app-config.yaml', import.meta.url), 'utf8'),
  );
  return config.alpineAdvisor.campaigns.map(campaign => ({
    ...campaign,
    startsOn: utcDay(-14),
    deadline: utcDay(30),
  }));
}

/** The guest's view of the API, as the page asks it. */
async function apiAsGuest(backendUrl) {
  const refresh = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  assert.ok(refresh.ok, `guest sign-in: HTTP ${refresh.status}`);
  const { token } = (await refresh.json()).backstageIdentity;
  return async path => {
    const response = await fetch(`${backendUrl}/api/alpine-advisor${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 200, path);
    return response.json();
  };
}

/** The rows of a table's body as text cells. */
async function tableRows(table) {
  return table
    .locator('tbody tr')
    .evaluateAll(rows =>
      rows.map(row =>
        [...row.querySelectorAll('th, td')].map(cell => cell.innerText.trim()),
      ),
    );
}

/**
 * Waits until the backend has scanned every campaign's services: each has
 * services in scope, and today's burn-down point counts them all (the demo's
 * first sweep may run before the catalog has read examples/; the next one,
 * a minute later, scans them). Past the deadline it fails with what the API
 * says.
 */
async function waitForScannedCampaigns(api, campaigns) {
  const deadline = Date.now() + SCAN_TIMEOUT_MS;
  let last;
  for (;;) {
    last = await Promise.all(
      campaigns.map(campaign => api(`/campaigns/${campaign.id}`)),
    );
    const scanned = last.every(progress => {
      const today = progress.burnDown[progress.burnDown.length - 1];
      return (
        progress.totalCount > 0 &&
        today?.day === utcDay(0) &&
        today.scannedCount === progress.totalCount
      );
    });
    if (scanned) return;
    if (Date.now() > deadline) {
      throw new Error(
        `The campaigns' services were not scanned in time: ${JSON.stringify(
          last,
        ).slice(0, 1500)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 5_000));
  }
}

/**
 * Opens the Campaigns tab, and each campaign's "Figures per day" (folded
 * under the chart), until every burn-down table shows.
 */
async function openCampaignsTab(page, titles) {
  try {
    await openPortalPage(page, '/alpine-advisor/campaigns');
    for (const title of titles) {
      const card = page.locator('.MuiCard-root', {
        has: page.getByText(title, { exact: true }),
      });
      await card.getByText('Figures per day').click({ timeout: 60_000 });
      await card
        .getByRole('table', { name: `Burn-down: ${title}` })
        .waitFor({ timeout: 20_000 });
    }
  } catch (error) {
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({
      path: 'test-results/campaigns-no-burn-down.png',
      fullPage: true,
    });
    const text = await page.locator('body').innerText();
    throw new Error(
      `${error.message}\nPage ${page.url()} shows:\n${text.slice(0, 1500)}`,
    );
  }
}

describe('Alpine Advisor campaigns in the demo portal', () => {
  const campaigns = demoCampaigns();
  let portal;
  let browser;
  let page;
  let api;

  before(async () => {
    assert.ok(campaigns.length > 0, 'the demo declares campaigns');
    portal = await startOwnPortal({
      appConfig: { alpineAdvisor_campaigns: JSON.stringify(campaigns) },
    });
    browser = await launchBrowser();
    page = await signInAsGuest(browser, portal.frontendUrl);
    api = await apiAsGuest(portal.backendUrl);
    await waitForScannedCampaigns(api, campaigns);
    await openCampaignsTab(
      page,
      campaigns.map(campaign => campaign.title),
    );
  });

  after(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it("shows each demo campaign's burn-down as the API has it, ending on today's standing", async () => {
    for (const campaign of campaigns) {
      const progress = await api(`/campaigns/${campaign.id}`);
      assert.ok(progress.burnDown.length > 0, `${campaign.id} has a day`);

      const table = page.getByRole('table', {
        name: `Burn-down: ${campaign.title}`,
      });
      const card = page.locator('.MuiCard-root', { has: table });
      const first = progress.burnDown[0];
      const last = progress.burnDown[progress.burnDown.length - 1];
      await card
        .getByRole('img', {
          name: `Burn-down: ${first.affectedCount} services affected on ${first.day}, ${last.affectedCount} on ${last.day}; deadline ${campaign.deadline}`,
        })
        .waitFor();

      // Newest day first, as the table lists them.
      const expected = [...progress.burnDown]
        .reverse()
        .map(point => [
          point.day,
          String(point.affectedCount),
          String(point.scannedCount),
        ]);
      assert.deepEqual(await tableRows(table), expected, campaign.id);

      // Today's point is the campaign's standing: every service in scope
      // was scanned today, by the portal's first sweep.
      assert.equal(last.day, utcDay(0));
      assert.equal(last.affectedCount, progress.affectedCount);
      assert.equal(last.scannedCount, progress.totalCount);
      assert.match(
        await card.innerText(),
        new RegExp(
          `${progress.affectedCount} services? of ${progress.totalCount} still affected`,
        ),
      );
    }
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({
      path: 'test-results/campaigns.png',
      fullPage: true,
    });
  });

  it("shows each owner's progress, adding up to the campaign and within its scope", async () => {
    const groupsOwningServices = new Set(
      exampleEntities()
        .filter(entity => entity.kind === 'Component')
        .map(
          entity =>
            `group:default/${entity.spec.owner.replace(
              /^group:(default\/)?/,
              '',
            )}`,
        ),
    );
    for (const campaign of campaigns) {
      const progress = await api(`/campaigns/${campaign.id}`);
      const table = page.getByRole('table', {
        name: `Owners' progress: ${campaign.title}`,
      });
      const rows = await tableRows(table);
      assert.equal(rows.length, progress.owners.length, campaign.id);
      const totals = rows.reduce(
        (sum, [, affected, services]) => ({
          affected: sum.affected + Number(affected),
          services: sum.services + Number(services),
        }),
        { affected: 0, services: 0 },
      );
      assert.deepEqual(totals, {
        affected: progress.affectedCount,
        services: progress.totalCount,
      });
      const owners = await table
        .locator('tbody th a')
        .evaluateAll(links => links.map(link => link.getAttribute('href')));
      assert.equal(owners.length, rows.length);
      for (const href of owners) {
        const name = href.split('/').pop();
        assert.ok(
          groupsOwningServices.has(`group:default/${name}`),
          `${href} owns example services`,
        );
      }
      if (campaign.scope?.owner) {
        // A team's campaign lists that team alone.
        assert.deepEqual(
          owners.map(href => `group:default/${href.split('/').pop()}`),
          campaign.scope.owner,
        );
      }
    }
  });
});
