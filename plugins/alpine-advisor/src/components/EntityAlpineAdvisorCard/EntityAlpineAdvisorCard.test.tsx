import { ResponseError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EntityReport } from '../../api/types';
import { ordersReport, serviceEntity } from '../../__testUtils__/fixtures';
import { mockAlpineAdvisorApi } from '../../__testUtils__/mockApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityAlpineAdvisorCard } from './EntityAlpineAdvisorCard';

function withReport(overrides: Partial<EntityReport> | undefined) {
  return mockAlpineAdvisorApi({
    getEntityReport: jest.fn(async () =>
      overrides === undefined ? undefined : { ...ordersReport, ...overrides },
    ),
  });
}

describe('EntityAlpineAdvisorCard', () => {
  it('shows waived findings and waivers expiring soon', async () => {
    const api = withReport({ waivedCount: 2 });
    api.listEntityWaivers.mockResolvedValue({
      items: [],
      summary: {
        activeCount: 2,
        pendingCount: 0,
        expiringSoonCount: 1,
        expiringSoonDays: 14,
        requireApproval: false,
        maxDays: 90,
      },
    });
    await renderWithApis(<EntityAlpineAdvisorCard />, { api });
    const waived = await screen.findByLabelText('Waived findings');
    await waitFor(() =>
      expect(waived).toHaveTextContent(
        '2 findings waived · 1 waiver expiring within 14 days',
      ),
    );
  });

  it('asks for waivers only when findings are waived', async () => {
    const api = mockAlpineAdvisorApi();
    await renderWithApis(<EntityAlpineAdvisorCard />, { api });
    await screen.findByText('Below the compliance policy');
    expect(screen.queryByLabelText('Waived findings')).not.toBeInTheDocument();
    expect(api.listEntityWaivers).not.toHaveBeenCalled();
  });

  it('shows grade, score, counts, trend, freshness and the worst findings first', async () => {
    const api = mockAlpineAdvisorApi();
    await renderWithApis(<EntityAlpineAdvisorCard />, { api });

    expect(
      await screen.findByRole('img', {
        name: /Grade D \(poor\), score 58 of 100/,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Below the compliance policy')).toBeInTheDocument();
    expect(screen.getByLabelText('Findings by severity')).toHaveTextContent(
      '1 error · 1 warning · 0 info',
    );
    expect(screen.getByLabelText('Findings by category')).toHaveTextContent(
      'musl libc: 1 · Alpine practice: 1 · Dockerfile hygiene: 0',
    );
    expect(screen.getByText('1 breaking musl risk')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /Score up 8 since 2026-11-20/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Last scanned/)).toHaveTextContent(
      'Last scanned 3 hours ago',
    );

    const findings = within(
      screen.getByRole('list', { name: 'Worst findings' }),
    ).getAllByRole('listitem');
    expect(findings[0]).toHaveTextContent(
      'Python packages built against glibc',
    );
    expect(findings[0]).toHaveTextContent(
      'Dockerfile:5 · Fix: Build the packages in an Alpine stage.',
    );
    expect(findings[1]).toHaveTextContent('apk add keeps the package index');
    expect(
      screen.getByRole('link', { name: /View findings and fixes/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/orders/alpine-advisor',
    );
  });

  it('shows a progress bar while loading', async () => {
    const api = mockAlpineAdvisorApi({
      getEntityReport: jest.fn(() => new Promise(() => {})),
    });
    await renderWithApis(<EntityAlpineAdvisorCard />, { api });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the API error in a response error panel', async () => {
    const response = new Response(
      JSON.stringify({ error: { name: 'Error', message: 'backend down' } }),
      {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'Content-Type': 'application/json' },
      },
    );
    const error = await ResponseError.fromResponse(response);
    const api = mockAlpineAdvisorApi({
      getEntityReport: jest.fn(async () => {
        throw error;
      }),
    });
    await renderWithApis(<EntityAlpineAdvisorCard />, { api });
    expect(
      await screen.findByText(
        'Error: Request failed with 503 Service Unavailable',
      ),
    ).toBeInTheDocument();
  });

  it('says when the entity has never been scanned', async () => {
    await renderWithApis(<EntityAlpineAdvisorCard />, {
      api: withReport(undefined),
    });
    expect(await screen.findByText('Not scanned yet')).toBeInTheDocument();
  });

  it.each([
    ['no-source', 'No source location', /source-location annotation/],
    ['no-dockerfile', 'No Dockerfile found', /alpine-advisor.io\/dockerfiles/],
    [
      'disabled',
      'Scanning is turned off for this entity',
      /alpine-advisor.io\/disabled/,
    ],
    ['pending', 'Not scanned yet', /next sweep/],
  ] as const)(
    'shows the %s state with advice',
    async (status, title, advice) => {
      const api = withReport({
        status,
        score: null,
        grade: null,
        dockerfiles: [],
      });
      await renderWithApis(<EntityAlpineAdvisorCard />, { api });
      expect(await screen.findByText(title)).toBeInTheDocument();
      expect(screen.getByText(advice)).toBeInTheDocument();
    },
  );

  it('shows a source refused by policy as its own state, not as a scan error', async () => {
    const api = withReport({
      status: 'refused',
      error:
        'Local source /srv/orders refused: it is not under the allowed directories',
      score: null,
      grade: null,
      stale: false,
      dockerfiles: [],
    });
    await renderWithApis(<EntityAlpineAdvisorCard />, { api });
    expect(
      await screen.findByText('Not scanned: the source is refused by policy'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Refused: Local source /srv/orders refused: it is not under the allowed directories',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/localSources\.allowedDirectories/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Error:/)).not.toBeInTheDocument();
    expect(screen.queryByText(/^Stale/)).not.toBeInTheDocument();
  });

  it('shows a scan error with its message when there is no earlier score', async () => {
    const api = withReport({
      status: 'unreadable',
      error: 'HTTP 401 from github.com',
      score: null,
      grade: null,
      dockerfiles: [],
    });
    await renderWithApis(<EntityAlpineAdvisorCard />, { api });
    expect(
      await screen.findByText('The repository could not be read'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Error: HTTP 401 from github.com'),
    ).toBeInTheDocument();
  });

  it('marks a stale score with the scan error', async () => {
    const api = withReport({
      status: 'timeout',
      stale: true,
      error: 'read took over 60 s',
    });
    await renderWithApis(<EntityAlpineAdvisorCard />, { api });
    const notice = await screen.findByText(/^Stale:/);
    expect(notice).toHaveTextContent('the scan timed out');
    expect(notice).toHaveTextContent('read took over 60 s');
    expect(screen.getByRole('img', { name: /Grade D/ })).toBeInTheDocument();
  });

  it('says when no stage is Alpine-based and only hygiene is scored', async () => {
    const api = withReport({
      dockerfiles: [
        { ...ordersReport.dockerfiles[0], usesAlpine: false, findings: [] },
      ],
    });
    await renderWithApis(<EntityAlpineAdvisorCard />, { api });
    expect(await screen.findByText(/Not Alpine-based/)).toHaveTextContent(
      'only Dockerfile hygiene rules were applied',
    );
    expect(
      screen.getByText('No findings: nothing to fix.'),
    ).toBeInTheDocument();
  });

  it('rescans on demand and reloads the report', async () => {
    const api = mockAlpineAdvisorApi();
    await renderWithApis(<EntityAlpineAdvisorCard />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Rescan' }),
    );
    expect(api.rescanEntity).toHaveBeenCalledWith('component:default/orders');
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Rescanned: the report is up to date.',
    );
    await waitFor(() => expect(api.getEntityReport).toHaveBeenCalledTimes(2));
  });

  it("announces a refused rescan with the server's reason", async () => {
    const tooSoon = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'RescanTooSoonError',
            message: 'Rescanned too recently; retry in 30 s',
          },
          request: {
            method: 'POST',
            url: '/entities/component/default/orders/rescan',
          },
          response: { statusCode: 429 },
        }),
        {
          status: 429,
          statusText: 'Too Many Requests',
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );
    const api = mockAlpineAdvisorApi({
      rescanEntity: jest.fn(async () => {
        throw tooSoon;
      }),
    });
    await renderWithApis(<EntityAlpineAdvisorCard />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Rescan' }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Rescan failed: Rescanned too recently; retry in 30 s (HTTP 429)',
    );
  });

  it('hides the rescan button from users who may not trigger scans', async () => {
    // Another entity: permission decisions are cached per resource across renders.
    await renderWithApis(<EntityAlpineAdvisorCard />, {
      api: mockAlpineAdvisorApi(),
      entity: {
        ...serviceEntity,
        metadata: { name: 'locked', namespace: 'default' },
      },
      canRescan: false,
    });
    await screen.findByRole('img', { name: /Grade D/ });
    expect(
      screen.queryByRole('button', { name: 'Rescan' }),
    ).not.toBeInTheDocument();
  });
});
