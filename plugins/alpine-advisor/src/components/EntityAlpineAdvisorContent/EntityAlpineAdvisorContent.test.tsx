import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EntityReport } from '../../api/types';
import { ordersDockerfile, ordersReport } from '../../__testUtils__/fixtures';
import { mockAlpineAdvisorApi } from '../../__testUtils__/mockApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityAlpineAdvisorContent } from './EntityAlpineAdvisorContent';

function apiWith(report: EntityReport | undefined) {
  return mockAlpineAdvisorApi({ getEntityReport: jest.fn(async () => report) });
}

describe('EntityAlpineAdvisorContent', () => {
  it('explains each finding with why, how to fix, the fix as a diff and links', async () => {
    await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: mockAlpineAdvisorApi(),
    });

    const finding = await screen.findByRole('article', {
      name: 'apk add without --no-cache',
    });
    expect(within(finding).getByText('Warning')).toBeInTheDocument();
    expect(within(finding).getByText('Alpine practice')).toBeInTheDocument();
    expect(
      within(finding).getByText('apk add keeps the package index in the layer'),
    ).toBeInTheDocument();
    expect(
      await within(finding).findByText('The package index stays in the layer.'),
    ).toBeInTheDocument();
    expect(
      within(finding).getByText('Use apk add --no-cache.'),
    ).toBeInTheDocument();
    const diff = within(finding).getByTestId('fix-diff');
    expect(diff).toHaveTextContent('--- a/Dockerfile');
    expect(diff).toHaveTextContent('-RUN apk add python3');
    expect(diff).toHaveTextContent('+RUN apk add --no-cache python3');
    expect(
      within(finding).getByRole('button', { name: 'Copy the diff' }),
    ).toBeInTheDocument();
    expect(
      within(finding).getByRole('link', { name: /Rule docs/ }),
    ).toHaveAttribute('href', '/alpine-advisor/rules#apk-no-cache');
    expect(
      within(finding).getByRole('link', { name: /wiki.alpinelinux.org/ }),
    ).toBeInTheDocument();
    expect(
      within(finding).getByRole('link', { name: 'line 4' }),
    ).toHaveAttribute('href', '#dockerfile-Dockerfile-L4');
  });

  it('says which knowledge produced the findings and how current the release data is', async () => {
    await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: mockAlpineAdvisorApi(),
    });
    expect(
      await screen.findByText('Findings from knowledge 2026-12-05+bundled'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        /Alpine release data as of 2026-12-05 \(bundled\); last refresh failed: fetch failed/,
      ),
    ).toBeInTheDocument();
  });

  it('names a re-score after a knowledge refresh and a newer knowledge version', async () => {
    const report: EntityReport = {
      ...ordersReport,
      scan: {
        startedAt: '2026-12-06T00:00:00Z',
        durationMs: 3,
        trigger: 'knowledge',
      },
    };
    await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: mockAlpineAdvisorApi({
        getEntityReport: jest.fn(async () => report),
        getKnowledge: jest.fn(async () => ({
          ...(await mockAlpineAdvisorApi().getKnowledge()),
          version: '2026-12-06+overrides.0a1b2c3d',
          releaseData: {
            origin: 'refreshed' as const,
            asOf: '2026-12-06',
            sourceUrl: 'https://alpinelinux.org/releases.json',
          },
        })),
      }),
    });
    expect(
      await screen.findByText(/Re-scored after a knowledge refresh/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Findings from knowledge 2026-12-05+bundled (current: 2026-12-06+overrides.0a1b2c3d)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Alpine release data as of 2026-12-06 (refreshed from https://alpinelinux.org/releases.json)',
      ),
    ).toBeInTheDocument();
  });

  it('shows the facts behind a finding beside it: a lockfile, the built image', async () => {
    const [practice, musl] = ordersDockerfile.findings;
    await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: apiWith({
        ...ordersReport,
        dockerfiles: [
          {
            ...ordersDockerfile,
            findings: [
              practice,
              {
                ...musl,
                evidence: [
                  {
                    source: 'requirements.txt',
                    verdict: 'confirmed',
                    detail: 'pins numpy==1.24.4: no musllinux wheel',
                  },
                  {
                    source: 'image',
                    verdict: 'confirmed',
                    detail:
                      'sha256:abc: /usr/local/lib/libfoo.so (image-glibc-library-on-musl)',
                  },
                ],
              },
            ],
          },
        ],
      }),
    });
    const facts = await screen.findByRole('list', { name: 'Evidence' });
    expect(
      within(facts).getByText(
        'Confirmed by requirements.txt: pins numpy==1.24.4: no musllinux wheel',
      ),
    ).toBeInTheDocument();
    expect(
      within(facts).getByText(
        'Confirmed in the built image: sha256:abc: /usr/local/lib/libfoo.so (image-glibc-library-on-musl)',
      ),
    ).toBeInTheDocument();
    // Only the finding with facts lists them.
    expect(screen.getAllByRole('list', { name: 'Evidence' })).toHaveLength(1);
  });

  it('shows the file with line numbers and the finding lines highlighted', async () => {
    await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: mockAlpineAdvisorApi(),
    });
    const file = await screen.findByLabelText('Dockerfile content');
    expect(within(file).getByText('RUN apk add python3')).toBeInTheDocument();
    const highlighted = within(file).getAllByTestId('highlighted-line');
    expect(highlighted.map(line => line.id)).toEqual([
      'dockerfile-Dockerfile-L4',
      'dockerfile-Dockerfile-L5',
    ]);
    expect(
      within(highlighted[1]).getByLabelText('error on this line'),
    ).toBeInTheDocument();
  });

  it('describes the fix in words when the backend kept no file text', async () => {
    const { content, ...withoutContent } = ordersDockerfile;
    await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: apiWith({
        ...ordersReport,
        dockerfiles: [
          {
            ...withoutContent,
            contentOmitted: true,
            findings: withoutContent.findings.map(
              ({ fixDiff, ...finding }) => finding,
            ),
          },
        ],
      }),
    });
    const diff = await screen.findByTestId('fix-diff');
    expect(diff).toHaveTextContent(
      'On line 4, insert at column 12: --no-cache',
    );
    expect(
      screen.queryByLabelText('Dockerfile content'),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(
        'Not shown: the file is larger than 1 MiB or is not text.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Copy the diff' }),
    ).not.toBeInTheDocument();
    expect(content).toContain('apk add python3');
  });

  it('shows which stage is musl or glibc and which copies cross the boundary', async () => {
    await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: mockAlpineAdvisorApi(),
    });
    expect(
      await screen.findByText(
        /The final stage #1 runs on musl. 1 copy crosses a libc boundary/,
      ),
    ).toBeInTheDocument();
    const stages = screen.getByRole('table', {
      name: 'Build stages and their C library',
    });
    expect(within(stages).getByText('glibc')).toBeInTheDocument();
    expect(within(stages).getByText('musl')).toBeInTheDocument();
    expect(
      within(stages).getByText(/crosses libc: from build \(glibc → musl\)/),
    ).toBeInTheDocument();
  });

  it('explains the score and shows its history', async () => {
    await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: mockAlpineAdvisorApi(),
    });
    expect(
      await screen.findAllByText('100 − 30 (errors) − 12 (warnings) = 58'),
    ).toHaveLength(2);
    expect(
      screen.getAllByText('Cap: a breaking musl risk caps the grade at D'),
    ).toHaveLength(2);
    expect(
      screen.getByText(/Score up 8 since 2026-11-20 \(50 → 58\)/),
    ).toBeInTheDocument();
  });

  it('filters findings by category and severity', async () => {
    await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: mockAlpineAdvisorApi(),
    });
    await screen.findByRole('article', { name: 'apk add without --no-cache' });

    await userEvent.click(screen.getByRole('button', { name: /Category/ }));
    await userEvent.click(screen.getByRole('option', { name: 'musl libc' }));
    expect(
      screen.queryByRole('article', { name: 'apk add without --no-cache' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('article', {
        name: 'Copy from a glibc stage into a musl stage',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Findings (1 of 2)')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /Severity/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Info' }));
    expect(
      screen.getByText('No findings match the filters.'),
    ).toBeInTheDocument();
  });

  it('renders Dockerfile text and messages with HTML literally', async () => {
    const hostile =
      '<script>window.hacked = true</script><img src=x onerror=alert(1)>';
    const report: EntityReport = {
      ...ordersReport,
      dockerfiles: [
        {
          ...ordersDockerfile,
          content: `FROM alpine:3.20\nLABEL note="${hostile}"\n`,
          findings: [
            {
              ...ordersDockerfile.findings[0],
              line: 2,
              endLine: 2,
              message: hostile,
              remediation: `<b>${hostile}</b>`,
              fix: undefined,
            },
          ],
        } as EntityReport['dockerfiles'][number],
      ],
    };
    const { container } = await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: apiWith(report),
    });
    expect(
      await screen.findByText(`LABEL note="${hostile}"`),
    ).toBeInTheDocument();
    expect(screen.getByText(hostile)).toBeInTheDocument();
    expect(screen.getByText(`<b>${hostile}</b>`)).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it('shows the no-score state with a rescan button', async () => {
    await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: apiWith({
        ...ordersReport,
        status: 'no-dockerfile',
        grade: null,
        score: null,
        dockerfiles: [],
      }),
    });
    expect(await screen.findByText('No Dockerfile found')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rescan' })).toBeInTheDocument();
  });

  it('shows a progress bar, then API errors in a panel', async () => {
    await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: mockAlpineAdvisorApi({
        getEntityReport: jest.fn(async () => {
          throw new Error('network down');
        }),
      }),
    });
    expect(await screen.findByText('Error: network down')).toBeInTheDocument();
  });
});
