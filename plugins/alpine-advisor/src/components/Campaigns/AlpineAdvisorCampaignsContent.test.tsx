import { screen, within } from '@testing-library/react';
import { eolCampaign, eolCampaignProgress } from '../../__testUtils__/fixtures';
import { mockAlpineAdvisorApi } from '../../__testUtils__/mockApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { AlpineAdvisorCampaignsContent } from './AlpineAdvisorCampaignsContent';
import { burnDownGeometry } from './BurnDownChart';

describe('AlpineAdvisorCampaignsContent', () => {
  it("shows each campaign with its deadline, burn-down and owners' progress", async () => {
    const api = mockAlpineAdvisorApi();
    await renderWithApis(<AlpineAdvisorCampaignsContent />, { api });

    expect(
      await screen.findByText('Retire end-of-life Alpine'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('In progress · Deadline 2026-12-31, 26 days left'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /No end-of-life Alpine release, for owner group:default\/team-payments\./,
      ),
    ).toBeInTheDocument();
    // The affected services link into the report, filtered to them.
    const affected = screen.getByRole('link', { name: '2 services' });
    expect(affected.getAttribute('href')).toContain('rule=alpine-eol');
    expect(affected.getAttribute('href')).toContain(
      'owner=group%3Adefault%2Fteam-payments',
    );

    const chart = await screen.findByRole('img', { name: /Burn-down/ });
    expect(chart).toHaveAttribute(
      'aria-label',
      'Burn-down: 4 services affected on 2026-11-01, 2 on 2026-12-05; deadline 2026-12-31',
    );
    expect(api.getCampaign).toHaveBeenCalledWith('retire-eol');

    const figures = within(
      screen.getByRole('table', {
        name: 'Burn-down: Retire end-of-life Alpine',
      }),
    ).getAllByRole('row');
    expect(figures.map(row => row.textContent)).toEqual([
      'DayAffectedScanned',
      '2026-12-0525',
      '2026-11-1535',
      '2026-11-0145',
    ]);

    const owners = within(
      screen.getByRole('table', {
        name: "Owners' progress: Retire end-of-life Alpine",
      }),
    ).getAllByRole('row');
    expect(owners[1]).toHaveTextContent('team-payments');
    expect(owners[1]).toHaveTextContent('2450%');
    expect(owners[2]).toHaveTextContent('No owner01100%');
  });

  it('says when there is no campaign', async () => {
    const api = mockAlpineAdvisorApi({
      listCampaigns: jest.fn(async () => ({ items: [] })),
    });
    await renderWithApis(<AlpineAdvisorCampaignsContent />, { api });
    expect(await screen.findByText(/No campaign yet/)).toBeInTheDocument();
    expect(api.getCampaign).not.toHaveBeenCalled();
  });

  it('says when a campaign has no recorded day yet', async () => {
    const api = mockAlpineAdvisorApi({
      getCampaign: jest.fn(async () => ({
        ...eolCampaignProgress,
        burnDown: [],
      })),
    });
    await renderWithApis(<AlpineAdvisorCampaignsContent />, { api });
    expect(
      await screen.findByText('No scan recorded since 2026-11-01 yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Burn-down: no recorded day yet; deadline 2026-12-31',
      }),
    ).toBeInTheDocument();
  });
});

describe('burnDownGeometry', () => {
  it('places days from the start to the deadline and counts from the top down to none', () => {
    const { top, coordinates, target } = burnDownGeometry(
      eolCampaignProgress.burnDown,
      eolCampaign.startsOn,
      eolCampaign.deadline,
    );
    expect(top).toBe(4);
    // The first day at the left edge, at the top (the most affected).
    expect(coordinates[0]).toEqual({ day: '2026-11-01', x: 28, y: 8 });
    // Later days further right and lower as fewer services are affected.
    expect(coordinates[1].x).toBeGreaterThan(coordinates[0].x);
    expect(coordinates[2].y).toBeGreaterThan(coordinates[1].y);
    // The target line ends at none on the deadline, the right edge.
    expect(target).toMatchObject({ x2: 312, y2: 102 });
  });
});
