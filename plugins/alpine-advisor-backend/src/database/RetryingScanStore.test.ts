import { mockServices } from '@backstage/backend-test-utils';
import { RetryingScanStore } from './RetryingScanStore';
import { TransientRetry } from './TransientRetry';
import type { ScanStore } from './ScanStore';

function refused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
    code: 'ECONNREFUSED',
  });
}

/** A store whose recordSuccesses and claimRescan throw the given errors, then succeed. */
function failingStore(errors: Error[]) {
  const calls: string[] = [];
  const next = async (method: string) => {
    calls.push(method);
    const error = errors.shift();
    if (error) {
      throw error;
    }
  };
  const store = {
    recordSuccesses: () => next('recordSuccesses'),
    claimRescan: async () => {
      await next('claimRescan');
      return { claimed: true };
    },
  } as unknown as ScanStore;
  return { store, calls };
}

function retrying(store: ScanStore) {
  const waits: number[] = [];
  const logger = mockServices.logger.mock();
  const retryingStore = new RetryingScanStore(
    store,
    new TransientRetry(logger, {
      delaysMs: [10, 20, 40],
      sleep: async ms => {
        waits.push(ms);
      },
    }),
  );
  return { retryingStore, waits, logger };
}

describe('RetryingScanStore', () => {
  it('tries a write again while the database is unreachable, and says so', async () => {
    const { store, calls } = failingStore([refused(), refused()]);
    const { retryingStore, waits, logger } = retrying(store);

    await retryingStore.recordSuccesses([]);

    expect(calls).toEqual([
      'recordSuccesses',
      'recordSuccesses',
      'recordSuccesses',
    ]);
    expect(waits).toEqual([10, 20]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /could not store 0 scan results, the database is unreachable \(Error: connect ECONNREFUSED.*\); trying again in 0 s \(attempt 2 of 4\)/,
      ),
    );
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/reached the database again.*attempt 3/),
    );
  });

  it('gives up after its last wait with the database’s error', async () => {
    const { store, calls } = failingStore([
      refused(),
      refused(),
      refused(),
      refused(),
    ]);
    const { retryingStore, waits } = retrying(store);

    await expect(retryingStore.recordSuccesses([])).rejects.toThrow(
      /ECONNREFUSED/,
    );
    expect(calls).toHaveLength(4);
    expect(waits).toEqual([10, 20, 40]);
  });

  it('does not retry a statement the database refuses', async () => {
    const { store, calls } = failingStore([
      Object.assign(new Error('null value in column "message"'), {
        code: '23502',
      }),
    ]);
    const { retryingStore, waits } = retrying(store);

    await expect(retryingStore.recordSuccesses([])).rejects.toThrow(
      /null value/,
    );
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('lets rescan claims fail at once: an API caller does not wait', async () => {
    const { store, calls } = failingStore([refused()]);
    const { retryingStore } = retrying(store);

    await expect(
      retryingStore.claimRescan('component:default/a', new Date(), 0),
    ).rejects.toThrow(/ECONNREFUSED/);
    expect(calls).toEqual(['claimRescan']);
  });
});
