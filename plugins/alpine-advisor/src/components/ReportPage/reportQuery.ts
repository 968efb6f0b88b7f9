import type {
  Category,
  Grade,
  ReportFilter,
  ReportQuery,
  ReportSortField,
  RollupDimension,
} from '../../api/types';

/** Multi-valued filters, kept in the URL as repeated keys (`owner=a&owner=b`). */
export const LIST_FILTERS = [
  'owner',
  'system',
  'domain',
  'lifecycle',
  'grade',
  'category',
  'rule',
  'severity',
] as const;

export type ListFilter = (typeof LIST_FILTERS)[number];

const SORT_FIELDS: readonly ReportSortField[] = [
  'score',
  'grade',
  'name',
  'owner',
  'system',
  'lastScanned',
  'findings',
];
const ROLLUPS: readonly RollupDimension[] = ['owner', 'system', 'domain'];
export const PAGE_SIZES = [10, 20, 50, 100] as const;

export interface ReportView {
  query: ReportQuery & {
    page: number;
    pageSize: number;
    groupBy: RollupDimension;
  };
}

function parseBoolean(value: string | null): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

function positiveInt(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * The report's whole view — filters, sort, page and rollup — read from the
 * URL, so that a view can be shared by copying the address.
 */
export function readReportQuery(params: URLSearchParams): ReportView['query'] {
  const query: ReportView['query'] = {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 20),
    groupBy: ROLLUPS.find(value => value === params.get('groupBy')) ?? 'owner',
  };
  for (const key of LIST_FILTERS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length > 0) {
      (query as unknown as Record<string, unknown>)[key] = values;
    }
  }
  const stale = parseBoolean(params.get('stale'));
  if (stale !== undefined) query.stale = stale;
  const suppressed = parseBoolean(params.get('suppressed'));
  if (suppressed !== undefined) query.suppressed = suppressed;
  const compliant = parseBoolean(params.get('compliant'));
  if (compliant !== undefined) query.compliant = compliant;
  const search = params.get('search');
  if (search) query.search = search;
  const sort = SORT_FIELDS.find(value => value === params.get('sort'));
  if (sort) query.sort = sort;
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') query.order = order;
  return query;
}

/** The inverse of readReportQuery; defaults are left out to keep links short. */
export function writeReportQuery(query: ReportQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LIST_FILTERS) {
    for (const value of (query[key] as string[] | undefined) ?? []) {
      params.append(key, value);
    }
  }
  if (query.stale !== undefined) params.set('stale', String(query.stale));
  if (query.suppressed !== undefined)
    params.set('suppressed', String(query.suppressed));
  if (query.compliant !== undefined)
    params.set('compliant', String(query.compliant));
  if (query.search) params.set('search', query.search);
  if (query.sort) params.set('sort', query.sort);
  if (query.order) params.set('order', query.order);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.pageSize && query.pageSize !== 20)
    params.set('pageSize', String(query.pageSize));
  if (query.groupBy && query.groupBy !== 'owner')
    params.set('groupBy', query.groupBy);
  return params;
}

/** Only the filters, for the export of the current view. */
export function filterOf(query: ReportQuery): ReportFilter {
  const { sort, order, page, pageSize, groupBy, ...filter } = query;
  return filter;
}

export type { Category, Grade };
