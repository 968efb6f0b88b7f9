import type { OrgHistoryPoint } from '../../api/types';
import { trendSummary } from './trendSummary';

const point = (overrides: Partial<OrgHistoryPoint>): OrgHistoryPoint => ({
  day: '2026-11-27',
  scannedCount: 4,
  averageScore: 70,
  compliantCount: 2,
  compliantShare: 0.5,
  gradeCounts: { A: 1, B: 1, C: 1, D: 1, F: 0 },
  ...overrides,
});

describe('trendSummary', () => {
  it('says when nothing was scanned', () => {
    expect(trendSummary([])).toBe('No scans recorded in this period.');
  });

  it('describes a single day', () => {
    expect(trendSummary([point({ scannedCount: 1 })])).toBe(
      'On 2026-11-27, 1 service was scanned: average score 70, 50% compliant.',
    );
  });

  it('states the change from the first day to the last', () => {
    expect(
      trendSummary([
        point({ day: '2026-11-01', averageScore: 62.5, compliantShare: 0.25 }),
        point({ averageScore: 70, compliantShare: 0.5 }),
      ]),
    ).toBe(
      'Since 2026-11-01 the average score rose by 7.5 to 70 and the share compliant went from 25% to 50%. ' +
        'On 2026-11-27, 4 services were scanned: average score 70, 50% compliant.',
    );
    expect(
      trendSummary([point({ averageScore: 80 }), point({ averageScore: 70 })]),
    ).toMatch(/fell by 10 to 70/);
    expect(trendSummary([point({}), point({})])).toMatch(/stayed at 70/);
  });
});
