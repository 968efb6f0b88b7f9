import { screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ordersDockerfile, orgReport } from '../../__testUtils__/fixtures';
import { mockAlpineAdvisorApi } from '../../__testUtils__/mockApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import type { OrgReport, ReportSummary } from '../../api/types';
import { DockerfileReport } from '../EntityAlpineAdvisorContent/DockerfileReport';
import { ReportKpis } from './ReportKpis';
import { RollupTable } from './RollupTable';
import { ServicesTable } from './ServicesTable';

/*
 * jsdom lays nothing out, so a header breaking mid-word cannot be seen here;
 * what makes it break can: Backstage's theme gives table cells
 * `word-break: break-word`. These tests render in the test app's Backstage
 * theme and check that the report's tables take that back.
 */

const render = (element: ReactElement) =>
  renderWithApis(element, { api: mockAlpineAdvisorApi() });

function expectWholeWords(element: HTMLElement) {
  expect(element).not.toHaveStyle({ wordBreak: 'break-word' });
  expect(element).not.toHaveStyle({ overflowWrap: 'anywhere' });
}

describe('report tables at narrow widths', () => {
  it('keeps every services table header on one line, never split mid-word', async () => {
    await render(
      <ServicesTable report={orgReport} query={{}} onChange={() => {}} />,
    );
    const table = screen.getByRole('table', { name: 'Services' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map(header => header.textContent)).toEqual([
      'Service',
      'Owner',
      'System',
      'Grade',
      'Score',
      'Findings',
      'Suppressed',
      'Status',
      'Last scanned',
    ]);
    for (const header of headers) {
      expect(header).toHaveStyle({ whiteSpace: 'nowrap' });
      expectWholeWords(header);
    }
    // Cells wrap between words only; grades and scores not at all.
    for (const cell of within(table).getAllByRole('cell')) {
      expectWholeWords(cell);
    }
    const [, firstRow] = within(table).getAllByRole('row');
    const cells = within(firstRow).getAllByRole('cell');
    expect(cells[3]).toHaveStyle({ whiteSpace: 'nowrap' });
    expect(cells[4]).toHaveStyle({ whiteSpace: 'nowrap' });
  });

  it('keeps rollup headers and team names whole', async () => {
    await render(
      <RollupTable
        rollups={orgReport.rollups!}
        onGroupByChange={() => {}}
        onDrillDown={() => {}}
      />,
    );
    const table = screen.getByRole('table', { name: 'Rollup by team' });
    for (const header of within(table).getAllByRole('columnheader')) {
      expect(header).toHaveStyle({ whiteSpace: 'nowrap' });
      expectWholeWords(header);
    }
    for (const cell of within(table).getAllByRole('cell')) {
      expectWholeWords(cell);
    }
  });
});

describe('counts in words', () => {
  const summaryWith = (
    compliantCount: number,
    failingCount: number,
  ): ReportSummary => ({ ...orgReport.summary, compliantCount, failingCount });

  it.each([
    [1, 1, '1 service meets the policy', '1 service whose latest scan failed'],
    [2, 0, '2 services meet the policy', '0 services whose latest scan failed'],
  ])(
    'reads naturally with %i compliant and %i failing',
    async (compliant, failing, meets, failed) => {
      await render(<ReportKpis summary={summaryWith(compliant, failing)} />);
      expect(screen.getByText(new RegExp(`^${meets}:`))).toBeInTheDocument();
      expect(screen.getByText(failed)).toBeInTheDocument();
    },
  );

  it('counts findings per service in the singular when there is one', async () => {
    const report: OrgReport = {
      ...orgReport,
      items: [
        {
          ...orgReport.items[0],
          findingCounts: { error: 1, warning: 1, info: 1 },
        },
      ],
    };
    await render(
      <ServicesTable report={report} query={{}} onChange={() => {}} />,
    );
    expect(
      screen.getByText(/^1 error · 1 warning · 1 info/),
    ).toBeInTheDocument();
  });

  it('counts the findings of a Dockerfile in the singular when there is one', async () => {
    const file = {
      ...ordersDockerfile,
      findings: ordersDockerfile.findings.slice(0, 1),
    };
    await render(
      <DockerfileReport
        file={file}
        findings={[]}
        anchor="dockerfile-0"
        ruleById={() => undefined}
      />,
    );
    expect(screen.getByText('Alpine 3.20 · 1 finding')).toBeInTheDocument();
  });
});
