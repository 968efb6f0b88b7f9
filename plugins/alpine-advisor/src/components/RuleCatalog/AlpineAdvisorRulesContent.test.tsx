import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockAlpineAdvisorApi } from '../../__testUtils__/mockApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { AlpineAdvisorRulesContent } from './AlpineAdvisorRulesContent';

describe('AlpineAdvisorRulesContent', () => {
  it('lists every rule by category and opens one onto its docs and bad/good examples', async () => {
    await renderWithApis(<AlpineAdvisorRulesContent />, {
      api: mockAlpineAdvisorApi(),
    });

    expect(await screen.findByText('musl libc (1)')).toBeInTheDocument();
    expect(screen.getByText('Alpine practice (1)')).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'apk add without --no-cache' }),
    ).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: /apk add without --no-cache/ }),
    );
    const docs = screen.getByRole('region', {
      name: 'apk add without --no-cache',
    });
    expect(docs).toHaveTextContent('also hadolint:DL3019');
    // The examples' code blocks render asynchronously, each on its own.
    await waitFor(() => {
      expect(docs).toHaveTextContent('Good');
      expect(docs).toHaveTextContent('RUN apk add --no-cache curl');
      expect(docs).toHaveTextContent('RUN apk add curl');
    });
  });

  it('opens the rule linked from a finding', async () => {
    await renderWithApis(<AlpineAdvisorRulesContent />, {
      api: mockAlpineAdvisorApi(),
      routeEntries: ['/#musl-cross-libc-copy'],
    });
    expect(
      await screen.findByRole('region', {
        name: 'Copy from a glibc stage into a musl stage',
      }),
    ).toHaveTextContent('Binaries linked against glibc fail to start on musl.');
    expect(
      screen.queryByRole('region', { name: 'apk add without --no-cache' }),
    ).not.toBeInTheDocument();
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
      screen.getByRole('button', { name: /apk add without --no-cache/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', {
        name: /Copy from a glibc stage into a musl stage/,
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
