import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockAlpineAdvisorApi } from '../../__testUtils__/mockApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { AlpineAdvisorRulesContent } from './AlpineAdvisorRulesContent';

describe('AlpineAdvisorRulesContent', () => {
  it('lists every rule by category with its docs and bad/good examples', async () => {
    await renderWithApis(<AlpineAdvisorRulesContent />, {
      api: mockAlpineAdvisorApi(),
    });

    expect(await screen.findByText('musl libc (1)')).toBeInTheDocument();
    expect(screen.getByText('Alpine practice (1)')).toBeInTheDocument();
    const rule = screen.getByRole('region', {
      name: 'apk add without --no-cache',
    });
    expect(rule).toHaveAttribute('id', 'apk-no-cache');
    expect(rule).toHaveTextContent('also hadolint:DL3019');
    await waitFor(() => expect(rule).toHaveTextContent('Good'));
    expect(rule).toHaveTextContent('RUN apk add --no-cache curl');
    expect(rule).toHaveTextContent('RUN apk add curl');
  });

  it('finds a rule by a peer tool alias', async () => {
    await renderWithApis(<AlpineAdvisorRulesContent />, {
      api: mockAlpineAdvisorApi(),
    });
    await userEvent.type(
      await screen.findByRole('textbox', { name: /Find a rule/ }),
      'dl3019',
    );
    expect(
      screen.getByRole('region', { name: 'apk add without --no-cache' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', {
        name: 'Copy from a glibc stage into a musl stage',
      }),
    ).not.toBeInTheDocument();
  });

  it('shows an API error in a panel', async () => {
    const api = mockAlpineAdvisorApi({
      listRules: jest.fn(async () => {
        throw new Error('rules unavailable');
      }),
    });
    await renderWithApis(<AlpineAdvisorRulesContent />, { api });
    expect(
      await screen.findByText('Error: rules unavailable'),
    ).toBeInTheDocument();
  });
});
