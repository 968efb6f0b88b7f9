import { signalApiRef, SignalApi } from '@backstage/plugin-signals-react';
import { act, screen, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import type { JsonObject } from '@backstage/types';
import { ordersReport } from '../__testUtils__/fixtures';
import { mockAlpineAdvisorApi } from '../__testUtils__/mockApi';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import { EntityAlpineAdvisorCard } from '../components/EntityAlpineAdvisorCard';
import { EntityAlpineAdvisorContent } from '../components/EntityAlpineAdvisorContent';

/** A signals API whose channels the test publishes on. */
function fakeSignals() {
  const subscribers = new Map<string, Set<(message: JsonObject) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = subscribers.get(channel) ?? new Set();
      set.add(onMessage as (message: JsonObject) => void);
      subscribers.set(channel, set);
      return {
        unsubscribe: () => {
          set.delete(onMessage as (message: JsonObject) => void);
        },
      };
    },
  };
  const publish = (channel: string, message: JsonObject) =>
    act(() => {
      for (const onMessage of subscribers.get(channel) ?? []) {
        onMessage(message);
      }
    });
  return { api, subscribers, publish };
}

const CHANNEL = `alpine-advisor:entity:${ordersReport.entityRef}`;

describe.each([
  ['card', <EntityAlpineAdvisorCard />],
  ['tab', <EntityAlpineAdvisorContent />],
])('the entity %s with signals', (_name, element) => {
  it('fetches the report again when the backend stores a new result', async () => {
    const signals = fakeSignals();
    const api = mockAlpineAdvisorApi();
    api.getEntityReport
      .mockResolvedValueOnce(ordersReport)
      .mockResolvedValue({ ...ordersReport, score: 91, grade: 'A' });
    await renderWithApis(
      <TestApiProvider apis={[[signalApiRef, signals.api]]}>
        {element}
      </TestApiProvider>,
      { api },
    );
    expect(
      (await screen.findAllByRole('img', { name: /Grade D/ })).length,
    ).toBeGreaterThan(0);
    expect(api.getEntityReport).toHaveBeenCalledTimes(1);
    expect(signals.subscribers.get(CHANNEL)?.size).toBe(1);

    // Another entity's signal changes nothing.
    signals.publish('alpine-advisor:entity:component:default/other', {
      type: 'results-stored',
      entityRef: 'component:default/other',
    });
    signals.publish(CHANNEL, {
      type: 'results-stored',
      entityRef: ordersReport.entityRef,
    });
    await waitFor(() => expect(api.getEntityReport).toHaveBeenCalledTimes(2));
    // The service's badge shows the new result, without a reload.
    expect(
      await screen.findByRole('img', {
        name: 'Grade A (excellent), score 91 of 100',
      }),
    ).toBeInTheDocument();
  });
});

describe('the entity card without the signals plugin', () => {
  it('loads once and works', async () => {
    const api = mockAlpineAdvisorApi();
    await renderWithApis(<EntityAlpineAdvisorCard />, { api });
    expect(
      await screen.findByRole('img', { name: /Grade D/ }),
    ).toBeInTheDocument();
    expect(api.getEntityReport).toHaveBeenCalledTimes(1);
  });
});
