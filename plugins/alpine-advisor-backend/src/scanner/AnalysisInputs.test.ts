import { createAnalyzer, FindingWaiver } from '@alpine-advisor/analyzer';
import { mockServices } from '@backstage/backend-test-utils';
import { component } from '../__testUtils__/entities';
import { InMemorySourceReader } from '../__testUtils__/InMemorySourceReader';
import type { ScanStore } from '../database/ScanStore';
import { TransientRetry } from '../database/TransientRetry';
import { InlineFileAnalysis } from './analysis/InlineFileAnalysis';
import { EntityScanner } from './EntityScanner';
import type { ScanOutcome } from './ScanOutcome';
import { ScanPipeline } from './ScanPipeline';

const NAMES = ['orders', 'billing', 'ledger'];
// apk-no-cache fires on this line.
const DOCKERFILE = 'FROM alpine:3.22\nRUN apk add curl\nUSER app\n';

function unreachable(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
    code: 'ECONNREFUSED',
  });
}

/** Waiver and knowledge reads that count their calls and can be made to fail. */
function sources() {
  const calls = { waivers: [] as string[][], knowledge: 0 };
  const failures: Error[] = [];
  let down = false;
  const fail = () => {
    const failure = failures.shift();
    if (failure) throw failure;
    if (down) throw unreachable();
  };
  return {
    calls,
    failures,
    takeDown: () => {
      down = true;
    },
    waivers: {
      async inForceFor(entityRefs: string[]) {
        calls.waivers.push(entityRefs);
        fail();
        const waiver: FindingWaiver = {
          id: 'w1',
          ruleId: 'apk-no-cache',
          expiresAt: '2099-01-01T00:00:00.000Z',
        };
        return new Map([['component:default/billing', [waiver]]]);
      },
    },
    knowledge: {
      async layers() {
        calls.knowledge++;
        fail();
        return [];
      },
    },
  };
}

function setup(retry?: TransientRetry) {
  const analyzer = createAnalyzer();
  const read = sources();
  const reader = new InMemorySourceReader(
    Object.fromEntries(
      NAMES.map(name => [
        `https://scm.test/${name}/`,
        { files: { Dockerfile: DOCKERFILE }, revision: 'r1' },
      ]),
    ),
  );
  const scanner = new EntityScanner({
    readers: [reader],
    analyzer,
    analysis: new InlineFileAnalysis(analyzer, [], {}),
    organisationConfig: {},
    analysisFingerprint: 'fp',
    timeoutMs: 5_000,
    rateLimitBackoffMs: 60_000,
    waivers: read.waivers,
    knowledge: read.knowledge,
    retry,
  });
  const store = {
    getScanStates: async () => new Map(),
    recordSuccesses: async () => {},
    recordFailures: async () => {},
    recordUnchanged: async () => {},
    recordDisabled: async () => {},
    recordRefusals: async () => {},
  } as unknown as ScanStore;
  const pipeline = new ScanPipeline({
    store,
    scanner,
    logger: mockServices.logger.mock(),
  });
  return { read, pipeline };
}

async function scanPage(pipeline: ScanPipeline, onFirstRead?: () => void) {
  const outcomes: ScanOutcome[] = [];
  await pipeline.scan(
    NAMES.map(name => component(name)),
    {
      trigger: 'schedule',
      storeErrors: 'log',
      onOutcome: outcome => {
        if (outcomes.length === 0) onFirstRead?.();
        outcomes.push(outcome);
      },
    },
  );
  return outcomes;
}

describe('analysis inputs', () => {
  it('are read once per page, before its scans: the database going away mid-page fails no entity', async () => {
    const { read, pipeline } = setup();
    const outcomes = await scanPage(pipeline, read.takeDown);

    expect(read.calls.waivers).toEqual([
      NAMES.map(name => `component:default/${name}`),
    ]);
    expect(read.calls.knowledge).toBe(1);
    expect(outcomes.map(outcome => outcome.kind)).toEqual([
      'analysed',
      'analysed',
      'analysed',
    ]);
    const waived = Object.fromEntries(
      outcomes.map(outcome => [
        outcome.entityRef,
        outcome.kind === 'analysed'
          ? outcome.scan.files[0].findings
              .filter(finding => finding.ruleId === 'apk-no-cache')
              .map(finding => finding.waived?.waiverId ?? 'not waived')
          : [],
      ]),
    );
    expect(waived).toEqual({
      'component:default/orders': ['not waived'],
      'component:default/billing': ['w1'],
      'component:default/ledger': ['not waived'],
    });
  });

  it('are read again while the database is unreachable, when the scanner retries', async () => {
    const waits: number[] = [];
    const logger = mockServices.logger.mock();
    const { read, pipeline } = setup(
      new TransientRetry(logger, {
        delaysMs: [10, 20],
        sleep: async ms => {
          waits.push(ms);
        },
      }),
    );
    read.failures.push(unreachable());

    const outcomes = await scanPage(pipeline);

    expect(outcomes.every(outcome => outcome.kind === 'analysed')).toBe(true);
    expect(waits).toEqual([10]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /could not read the (waivers of 3 entities|knowledge layers), the database is unreachable/,
      ),
    );
  });

  it('fail the page with the database’s error when they cannot be read', async () => {
    const { read, pipeline } = setup();
    read.failures.push(new Error('relation "waivers" does not exist'));

    await expect(scanPage(pipeline)).rejects.toThrow(
      'relation "waivers" does not exist',
    );
  });
});
