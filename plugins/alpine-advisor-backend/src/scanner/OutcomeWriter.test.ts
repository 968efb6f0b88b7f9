import { mockServices } from '@backstage/backend-test-utils';
import { fileReport, scanSuccess } from '../__testUtils__/fixtures';
import type { ScanStore } from '../database/ScanStore';
import type { ScanSuccess } from './types';
import { OutcomeWriter } from './OutcomeWriter';
import type { ScanOutcome } from './ScanOutcome';

/** A store whose writes of successes finish only when the test says so. */
function slowStore() {
  const written: ScanSuccess[][] = [];
  const releases: Array<() => void> = [];
  const store = {
    recordSuccesses: (scans: ScanSuccess[]) =>
      new Promise<void>(resolve => {
        releases.push(() => {
          written.push(scans);
          resolve();
        });
      }),
    recordFailures: async () => {},
    recordUnchanged: async () => {},
    recordDisabled: async () => {},
  } as unknown as ScanStore;
  return {
    store,
    written,
    /** Finishes the oldest write once it has started. */
    async releaseNext() {
      while (releases.length === 0) {
        await new Promise(resolve => setImmediate(resolve));
      }
      releases.shift()!();
    },
  };
}

const analysed = (index: number): ScanOutcome => {
  const entityRef = `component:default/svc-${index}`;
  return {
    kind: 'analysed',
    entityRef,
    scan: scanSuccess(entityRef, [fileReport()]),
  };
};

/** Whether a promise settled by the time everything already queued has run. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(() => {
    settled = true;
  });
  await new Promise(resolve => setImmediate(resolve));
  return settled;
}

describe('OutcomeWriter', () => {
  it('writes analysed outcomes in batches of 50 and the rest on close', async () => {
    const { store, written, releaseNext } = slowStore();
    const writer = new OutcomeWriter(
      store,
      mockServices.logger.mock(),
      () => new Date(),
    );
    for (let index = 0; index < 120; index++) {
      await writer.add(analysed(index));
    }
    const closed = writer.close();
    for (let batch = 0; batch < 3; batch++) {
      await releaseNext();
    }
    await closed;
    expect(written.map(batch => batch.length)).toEqual([50, 50, 20]);
  });

  it('makes the scanner wait while the store is more than two batches behind', async () => {
    const { store, written, releaseNext } = slowStore();
    const writer = new OutcomeWriter(
      store,
      mockServices.logger.mock(),
      () => new Date(),
    );
    // Two batches wait for the store (one being written) and a third fills,
    // with nothing to wait for…
    for (let index = 0; index < 149; index++) {
      expect(writer.add(analysed(index))).toBeUndefined();
    }
    // …and the outcome that completes it waits for the oldest write.
    const blocked = writer.add(analysed(149))!;
    expect(blocked).toBeInstanceOf(Promise);
    expect(await isSettled(blocked)).toBe(false);
    await releaseNext();
    expect(await isSettled(blocked)).toBe(true);
    expect(written).toHaveLength(1);

    const closed = writer.close();
    for (let batch = 0; batch < 2; batch++) {
      await releaseNext();
    }
    await closed;
    expect(written.flat()).toHaveLength(150);
  });
});
