import { screen, within } from '@testing-library/react';
import { teamEntity, teamSummary } from '../../__testUtils__/fixtures';
import { mockAlpineAdvisorApi } from '../../__testUtils__/mockApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityAlpineAdvisorScopeContent } from '../EntityAlpineAdvisorScopeContent';
import { EntityAlpineAdvisorScopeCard } from './EntityAlpineAdvisorScopeCard';
import { scopeTrendSentence } from './ScopeParts';

describe('EntityAlpineAdvisorScopeCard', () => {
  it("shows a team's grade distribution, standing, worst services and top rules", async () => {
    const api = mockAlpineAdvisorApi();
    await renderWithApis(<EntityAlpineAdvisorScopeCard />, {
      api,
      entity: teamEntity,
    });

    expect(
      await screen.findByRole('img', {
        name: 'Grade distribution: A: 1, B: 0, C: 0, D: 1, F: 0',
      }),
    ).toBeInTheDocument();
    expect(api.getScopeSummary).toHaveBeenCalledWith(
      'group:default/team-payments',
      { days: 30 },
    );
    expect(
      screen.getByText("Dockerfile health of the team's 2 services"),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Average score: 77')).toBeInTheDocument();

    const worst = screen.getByRole('list', { name: 'Worst services' });
    const items = within(worst).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('58 / 100');
    expect(within(items[0]).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/orders',
    );

    // Links into the org report, filtered to the team with its child group.
    const owners =
      'owner=group%3Adefault%2Fteam-payments&owner=group%3Adefault%2Fteam-payments-risk';
    expect(
      screen.getByRole('link', { name: /View in the org report/ }),
    ).toHaveAttribute('href', `/alpine-advisor?${owners}`);
    expect(
      screen.getByRole('link', { name: '1 service with breaking musl risks' }),
    ).toHaveAttribute(
      'href',
      `/alpine-advisor?${owners}&category=musl&severity=error`,
    );
    expect(screen.getByRole('link', { name: '1 below' })).toHaveAttribute(
      'href',
      `/alpine-advisor?${owners}&compliant=false`,
    );
    expect(screen.getByRole('link', { name: 'Details' })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-payments/alpine-advisor',
    );
    expect(
      screen.getByRole('img', { name: scopeTrendSentence(teamSummary.trend) }),
    ).toBeInTheDocument();
    expect(screen.getByText('Most violated rules')).toBeInTheDocument();
  });

  it('says so when the scope has no scanned service the user may see', async () => {
    const api = mockAlpineAdvisorApi({
      getScopeSummary: jest.fn(async () => undefined),
    });
    await renderWithApis(<EntityAlpineAdvisorScopeCard />, {
      api,
      entity: teamEntity,
    });
    expect(await screen.findByText('No scanned services')).toBeInTheDocument();
  });

  it('states the trend in words', () => {
    expect(scopeTrendSentence(teamSummary.trend)).toBe(
      'Average score up 13 since 2026-11-20 (61 → 74); compliant 33% → 67%.',
    );
    expect(scopeTrendSentence(teamSummary.trend.slice(0, 1))).toMatch(
      /No trend yet/,
    );
  });
});

describe('EntityAlpineAdvisorScopeContent', () => {
  it("shows the scope's figures, worst services, rules, musl risks and trend", async () => {
    const api = mockAlpineAdvisorApi();
    await renderWithApis(<EntityAlpineAdvisorScopeContent />, {
      api,
      entity: teamEntity,
    });
    expect(
      await screen.findByRole('list', { name: 'Worst services' }),
    ).toBeInTheDocument();
    expect(api.getScopeSummary).toHaveBeenCalledWith(
      'group:default/team-payments',
      { days: 90 },
    );
    expect(screen.getAllByText('Breaking musl risks').length).toBeGreaterThan(
      0,
    );
    expect(
      screen.getByRole('link', { name: 'Open in the org report' }),
    ).toHaveAttribute(
      'href',
      '/alpine-advisor?owner=group%3Adefault%2Fteam-payments&owner=group%3Adefault%2Fteam-payments-risk',
    );
    // The trend of the same services, from the org trend endpoint.
    expect(api.getOrgHistory).toHaveBeenCalledWith(
      expect.objectContaining({ owner: teamSummary.filter.owner }),
    );
  });
});
