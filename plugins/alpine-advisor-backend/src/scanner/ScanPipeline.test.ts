import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { fileReport, scanSuccess } from '../__testUtils__/fixtures';
import type { ScanStore } from '../database/ScanStore';
import type { EntityScanner } from './EntityScanner';
import type { ScanOutcome } from './ScanOutcome';
import { ScanPipeline } from './ScanPipeline';
import type { ScanState } from './types';

const entity = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { system: 'checkout' },
});

function setup(options: { failWrites?: boolean } = {}) {
  const upserted: unknown[] = [];
  const recorded: string[] = [];
  const store = {
    upsertEntities: async (entities: unknown[]) => {
      upserted.push(...entities);
      return new Map();
    },
    getScanStates: async () => new Map(),
    recordSuccesses: async (scans: Array<{ entityRef: string }>) => {
      if (options.failWrites && scans.length > 0) {
        throw new Error('database gone');
      }
      recorded.push(...scans.map(scan => scan.entityRef));
    },
    recordFailures: async () => {},
    recordUnchanged: async () => {},
    recordDisabled: async () => {},
    recordRefusals: async () => {},
  } as unknown as ScanStore;
  const triggers: string[] = [];
  const scanner = {
    loadInputs: async () => ({ waivers: new Map() }),
    scan: async (scanned: Entity, _state: unknown, trigger: string) => {
      triggers.push(trigger);
      const entityRef = `component:default/${scanned.metadata.name}`;
      return {
        kind: 'analysed',
        entityRef,
        scan: scanSuccess(entityRef, [fileReport()]),
      } as ScanOutcome;
    },
  } as unknown as EntityScanner;
  const logger = mockServices.logger.mock();
  const pipeline = new ScanPipeline({ store, scanner, logger });
  return { pipeline, upserted, recorded, triggers, logger };
}

describe('ScanPipeline', () => {
  it('stores catalog facts with the domain of their system, scans and records', async () => {
    const { pipeline, upserted, recorded, triggers } = setup();
    await pipeline.register(
      [entity('orders')],
      new Map([['system:default/checkout', 'domain:default/commerce']]),
      new Date(0),
    );
    const outcomes: string[] = [];
    await pipeline.scan([entity('orders'), entity('billing')], {
      trigger: 'rescan',
      onOutcome: outcome => outcomes.push(outcome.entityRef),
      storeErrors: 'throw',
    });

    expect(upserted).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/orders',
        system: 'system:default/checkout',
        domain: 'domain:default/commerce',
      }),
    ]);
    expect(triggers).toEqual(['rescan', 'rescan']);
    expect(outcomes.sort()).toEqual([
      'component:default/billing',
      'component:default/orders',
    ]);
    expect(recorded.sort()).toEqual(outcomes);
  });

  it('rejects with a failed write for a rescan, and logs it for a sweep', async () => {
    const rescan = setup({ failWrites: true });
    await expect(
      rescan.pipeline.scan([entity('orders')], {
        trigger: 'rescan',
        storeErrors: 'throw',
      }),
    ).rejects.toThrow('database gone');

    const sweep = setup({ failWrites: true });
    await sweep.pipeline.scan([entity('orders')], {
      trigger: 'schedule',
      storeErrors: 'log',
    });
    expect(sweep.logger.error).toHaveBeenCalledWith(
      expect.stringContaining('database gone'),
    );
  });

  it('scans nothing more once stopped', async () => {
    const { pipeline, triggers } = setup();
    const controller = new AbortController();
    controller.abort();
    const stopped: string[] = [];
    await pipeline.scan([entity('orders')], {
      trigger: 'schedule',
      signal: controller.signal,
      onStopped: skipped => stopped.push(skipped.metadata.name),
      storeErrors: 'log',
    });
    expect(triggers).toEqual([]);
    expect(stopped).toEqual(['orders']);
  });

  it('scans with the states register read, and gives the store those of unchanged entities', async () => {
    const ORDERS = 'component:default/orders';
    const state: ScanState = {
      entityRef: ORDERS,
      status: 'ok',
      revision: 'sha-1',
      hasResult: true,
      marked: false,
    };
    const statesRead: string[][] = [];
    const unchanged: unknown[][] = [];
    const store = {
      upsertEntities: async () => new Map([[ORDERS, state]]),
      getScanStates: async (refs: string[]) => {
        statesRead.push(refs);
        return new Map();
      },
      recordSuccesses: async () => {},
      recordFailures: async () => {},
      recordUnchanged: async (...args: unknown[]) => {
        unchanged.push(args);
      },
    } as unknown as ScanStore;
    const scanner = {
      loadInputs: async () => ({ waivers: new Map() }),
      scan: async (_entity: Entity, given: ScanState | undefined) =>
        ({
          kind: 'unchanged',
          entityRef: ORDERS,
          scannedAt: new Date(0),
          previous: given,
        } as ScanOutcome),
    } as unknown as EntityScanner;
    const pipeline = new ScanPipeline({
      store,
      scanner,
      logger: mockServices.logger.mock(),
      now: () => new Date(1000),
    });

    const states = await pipeline.register(
      [entity('orders')],
      new Map(),
      new Date(0),
    );
    await pipeline.scan([entity('orders')], {
      trigger: 'schedule',
      states,
      storeErrors: 'throw',
    });
    expect(statesRead).toEqual([]);
    expect(unchanged).toEqual([
      [[ORDERS], new Date(1000), new Map([[ORDERS, state]])],
    ]);

    // Without them, it reads them itself.
    await pipeline.scan([entity('orders')], {
      trigger: 'schedule',
      storeErrors: 'throw',
    });
    expect(statesRead).toEqual([[ORDERS]]);
  });
});
