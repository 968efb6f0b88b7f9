/*
 * The API's types are aliases of the schemas and operations generated from
 * openapi.yaml, so they cannot differ from the spec. What the spec itself
 * could get wrong is checked here: `yarn tsc` fails when the three report
 * routes stop taking the same filters (a filter added to `GET /report` but
 * not to its history or export), or when a scope summary's filter is not
 * one the org report takes. The test below checks the one value
 * written by hand, the list of scan statuses.
 */
import type {
  AlpineAdvisorApiSchemas as Spec,
  OrgHistoryQuery,
  ReportFilter,
  ReportQuery,
} from './types';
import { SCAN_STATUSES } from './types';

/** True only when A and B are the same type (optionality and readonly included). */
type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B
  ? 1
  : 2
  ? true
  : false;

/** Compiles only for `true`. */
function sameType<T extends true>(): T | undefined {
  return undefined;
}

type Flat<T> = T extends object ? { [K in keyof T]: T[K] } : T;

sameType<
  Equals<
    Flat<ReportFilter>,
    Flat<Omit<ReportQuery, 'sort' | 'order' | 'page' | 'pageSize' | 'groupBy'>>
  >
>();
sameType<Equals<Flat<ReportFilter>, Flat<Omit<OrgHistoryQuery, 'days'>>>>();
// A scope summary's filter is one the org report accepts.
sameType<
  Equals<
    Flat<Spec['ScopeSummary']['filter']>,
    Flat<Pick<ReportFilter, 'owner' | 'system' | 'domain'>>
  >
>();

describe('API types', () => {
  it('list every scan status of the spec', () => {
    const all: Record<Spec['ScanStatus'], true> = {
      ok: true,
      pending: true,
      disabled: true,
      'no-source': true,
      'no-dockerfile': true,
      unreadable: true,
      refused: true,
      'rate-limited': true,
      timeout: true,
      'invalid-config': true,
      error: true,
    };
    expect([...SCAN_STATUSES].sort()).toEqual(Object.keys(all).sort());
  });
});
