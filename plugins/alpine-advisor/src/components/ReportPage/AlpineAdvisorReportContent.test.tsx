import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockAlpineAdvisorApi } from '../../__testUtils__/mockApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { AlpineAdvisorReportContent } from './AlpineAdvisorReportContent';

/** The mock's org report with `fields` added to its first service. */
async function reportWithFirstService(fields: object) {
  const orgReport = await mockAlpineAdvisorApi().getReport();
  return {
    ...orgReport,
    items: orgReport.items.map((item, index) =>
      index === 0 ? { ...item, ...fields } : item,
    ),
  };
}

describe('AlpineAdvisorReportContent', () => {
  it('shows waived counts per service and the waivers expiring soon', async () => {
    const summary = {
      activeCount: 3,
      pendingCount: 1,
      expiringSoonCount: 1,
      expiringSoonDays: 14,
      requireApproval: true,
      maxDays: 90,
    };
    const api = mockAlpineAdvisorApi({
      getReport: jest.fn(async () =>
        reportWithFirstService({
          waivedCount: 2,
          suppressions: { config: 3, comment: 1, enforcedAttempts: 2 },
        }),
      ),
      listWaivers: jest.fn(async (query?: { expiringWithinDays?: number }) => ({
        summary,
        items: query?.expiringWithinDays
          ? [
              {
                id: 'w1',
                entityRef: 'component:default/orders',
                ruleId: 'apk-no-cache',
                reason: 'pinned mirror',
                expiresAt: '2026-12-12T00:00:00.000Z',
                status: 'active' as const,
                createdBy: 'user:default/olivia',
                createdAt: '2026-12-01T00:00:00.000Z',
              },
            ]
          : [],
      })),
    });
    await renderWithApis(<AlpineAdvisorReportContent />, { api });
    const rows = within(
      await screen.findByRole('table', { name: 'Services' }),
    ).getAllByRole('row');
    // How the service silences findings: 3 by its config, 1 by a comment, 2 waived.
    expect(rows[1]).toHaveTextContent('6: 3 by config, 1 by comment, 2 waived');
    expect(rows[1]).toHaveTextContent('2 attempts on enforced rules');
    expect(rows[2]).not.toHaveTextContent('waived');
    expect(await screen.findByLabelText('Waiver counts')).toHaveTextContent(
      '3 active · 1 awaiting approval · 1 expiring within 14 days',
    );
    const soon = await screen.findByRole('table', {
      name: 'Waivers expiring soon',
    });
    expect(soon).toHaveTextContent('apk-no-cache');
    expect(soon).toHaveTextContent('2026-12-12');
    expect(api.listWaivers).toHaveBeenCalledWith({ expiringWithinDays: 14 });
  });

  it('says what the built image confirmed, beside the findings of a service with an image report', async () => {
    const api = mockAlpineAdvisorApi({
      getReport: jest.fn(async () =>
        reportWithFirstService({
          builtImage: {
            reportedAt: '2026-12-06T03:00:00.000Z',
            confirmedCount: 1,
            notSeenCount: 2,
          },
        }),
      ),
    });
    await renderWithApis(<AlpineAdvisorReportContent />, { api });
    const rows = within(
      await screen.findByRole('table', { name: 'Services' }),
    ).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Built image: 1 confirmed · 2 not seen');
    expect(rows[2]).not.toHaveTextContent('Built image');
  });

  it('shows the KPIs, the services, the musl risks, the top rules and the rollup', async () => {
    const api = mockAlpineAdvisorApi();
    await renderWithApis(<AlpineAdvisorReportContent />, { api });

    expect(
      await screen.findByLabelText('Services scanned: 2'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Compliant: 50%')).toBeInTheDocument();
    expect(
      screen.getByText(
        /^1 service meets the policy: grade B or better and no musl error/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Breaking musl risks: 1')).toBeInTheDocument();
    expect(screen.getByLabelText('Stale scans: 1')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Grade distribution: A: 1, B: 0, C: 0, D: 1, F: 0',
      }),
    ).toBeInTheDocument();

    const rows = within(
      screen.getByRole('table', { name: 'Services' }),
    ).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('orders');
    expect(rows[1]).toHaveTextContent('1 breaking musl');
    expect(rows[2]).toHaveTextContent('Catalogue service');
    expect(rows[2]).toHaveTextContent(
      'Stale: the repository could not be read',
    );

    expect(
      await screen.findByRole('link', {
        name: 'Copy from a glibc stage into a musl stage',
      }),
    ).toHaveAttribute('href', '/alpine-advisor/rules#musl-cross-libc-copy');
    expect(
      screen.getByRole('link', { name: 'apk add without --no-cache' }),
    ).toBeInTheDocument();
    const rollup = screen.getByRole('table', { name: 'Rollup by team' });
    expect(
      within(rollup).getByText('A: 0, B: 0, C: 0, D: 1, F: 0'),
    ).toBeInTheDocument();
  });

  it('loads the view kept in the URL', async () => {
    const api = mockAlpineAdvisorApi();
    await renderWithApis(<AlpineAdvisorReportContent />, {
      api,
      routeEntries: [
        '/?owner=group%3Adefault%2Fteam-payments&grade=D&sort=score&order=desc&page=2',
      ],
    });
    await waitFor(() =>
      expect(api.getReport).toHaveBeenCalledWith({
        owner: ['group:default/team-payments'],
        grade: ['D'],
        sort: 'score',
        order: 'desc',
        page: 2,
        pageSize: 20,
        groupBy: 'owner',
      }),
    );
  });

  it('filters by owner with options from the catalog, as full entity refs', async () => {
    const api = mockAlpineAdvisorApi();
    await renderWithApis(<AlpineAdvisorReportContent />, { api });
    await screen.findByLabelText('Services scanned: 2');

    await userEvent.click(screen.getByRole('textbox', { name: 'Owner' }));
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'group:default/team-payments',
      }),
    );
    await waitFor(() =>
      expect(api.getReport).toHaveBeenLastCalledWith(
        expect.objectContaining({
          owner: ['group:default/team-payments'],
          page: 1,
        }),
      ),
    );
  });

  it('sorts and pages on the server', async () => {
    const api = mockAlpineAdvisorApi();
    await renderWithApis(<AlpineAdvisorReportContent />, { api });
    await screen.findByLabelText('Services scanned: 2');

    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(api.getReport).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'score', order: 'asc' }),
      ),
    );
  });

  it('drills down from a rollup group to its services', async () => {
    const api = mockAlpineAdvisorApi();
    await renderWithApis(<AlpineAdvisorReportContent />, { api });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show the services of group:default/team-payments',
      }),
    );
    await waitFor(() =>
      expect(api.getReport).toHaveBeenLastCalledWith(
        expect.objectContaining({ owner: ['group:default/team-payments'] }),
      ),
    );
  });

  it('exports the current filter as CSV', async () => {
    const api = mockAlpineAdvisorApi();
    const createObjectURL = jest.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await renderWithApis(<AlpineAdvisorReportContent />, {
      api,
      routeEntries: ['/?stale=true&sort=name'],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(api.exportReport).toHaveBeenCalledWith('csv', { stale: true });
  });

  it('shows the org trend of the view in words and as a table', async () => {
    const api = mockAlpineAdvisorApi();
    await renderWithApis(<AlpineAdvisorReportContent />, {
      api,
      routeEntries: ['/?owner=group%3Adefault%2Fteam-payments&page=2'],
    });

    expect(
      await screen.findByText(
        /^Since 2026-11-20 the average score rose by 12.7 to 74 and the share compliant went from 33% to 67%\./,
      ),
    ).toBeInTheDocument();
    expect(api.getOrgHistory).toHaveBeenCalledWith({
      owner: ['group:default/team-payments'],
      days: 90,
    });
    await userEvent.click(screen.getByText('Show the figures as a table'));
    const table = screen.getByRole('table', {
      name: 'Services scanned per day, with their scores and grades',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows.map(row => row.textContent)).toEqual([
      'DayServicesAverage scoreCompliantGrade AGrade BGrade CGrade DGrade F',
      '2026-11-273742 (67%)11010',
      '2026-11-20361.31 (33%)10011',
    ]);
  });

  it('says so when the trend cannot be loaded, and still shows the report', async () => {
    const api = mockAlpineAdvisorApi({
      getOrgHistory: jest.fn(async () => {
        throw new Error('history unavailable');
      }),
    });
    await renderWithApis(<AlpineAdvisorReportContent />, { api });
    expect(
      await screen.findByText('Error: history unavailable'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Services scanned: 2')).toBeInTheDocument();
  });

  it('shows an API error in a panel', async () => {
    const api = mockAlpineAdvisorApi({
      getReport: jest.fn(async () => {
        throw new Error('report unavailable');
      }),
    });
    await renderWithApis(<AlpineAdvisorReportContent />, { api });
    expect(
      await screen.findByText('Error: report unavailable'),
    ).toBeInTheDocument();
  });
});
