import { screen } from '@testing-library/react';
import { mockAlpineAdvisorApi } from '../../__testUtils__/mockApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { AlpineAdvisorPage } from './AlpineAdvisorPage';

describe('AlpineAdvisorPage (legacy frontend system)', () => {
  it('shows the report under a header with Report and Rules tabs', async () => {
    await renderWithApis(<AlpineAdvisorPage />, {
      api: mockAlpineAdvisorApi(),
    });
    expect(
      await screen.findByLabelText('Services scanned: 2'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Report' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Rules' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Campaigns' })).toBeInTheDocument();
  });

  it('shows the campaigns on the campaigns tab', async () => {
    await renderWithApis(<AlpineAdvisorPage />, {
      api: mockAlpineAdvisorApi(),
      routeEntries: ['/campaigns'],
    });
    expect(
      await screen.findByText('Retire end-of-life Alpine'),
    ).toBeInTheDocument();
  });

  it('shows the rule catalog on the rules tab', async () => {
    await renderWithApis(<AlpineAdvisorPage />, {
      api: mockAlpineAdvisorApi(),
      routeEntries: ['/rules'],
    });
    expect(await screen.findByText('musl libc (1)')).toBeInTheDocument();
  });
});
