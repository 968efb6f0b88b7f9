import { filterOf, readReportQuery, writeReportQuery } from './reportQuery';

describe('report query in the URL', () => {
  it('reads filters, sort, page and rollup, and writes them back unchanged', () => {
    const url =
      'owner=group%3Adefault%2Fteam-a&owner=group%3Adefault%2Fteam-b&grade=D&grade=F&category=musl&rule=apk-no-cache&stale=true&suppressed=true&search=pay&sort=score&order=desc&page=3&pageSize=50&groupBy=system';
    const query = readReportQuery(new URLSearchParams(url));
    expect(query).toEqual({
      owner: ['group:default/team-a', 'group:default/team-b'],
      grade: ['D', 'F'],
      category: ['musl'],
      rule: ['apk-no-cache'],
      stale: true,
      suppressed: true,
      search: 'pay',
      sort: 'score',
      order: 'desc',
      page: 3,
      pageSize: 50,
      groupBy: 'system',
    });
    expect(writeReportQuery(query).toString()).toBe(url);
  });

  it('falls back to defaults for missing or invalid values', () => {
    expect(
      readReportQuery(
        new URLSearchParams(
          'page=-2&pageSize=abc&sort=nonsense&order=up&stale=maybe&groupBy=x',
        ),
      ),
    ).toEqual({ page: 1, pageSize: 20, groupBy: 'owner' });
    expect(
      writeReportQuery({ page: 1, pageSize: 20, groupBy: 'owner' }).toString(),
    ).toBe('');
  });

  it('exports only the filters of a view', () => {
    expect(
      filterOf({
        owner: ['group:default/a'],
        stale: false,
        sort: 'name',
        order: 'asc',
        page: 2,
        pageSize: 10,
        groupBy: 'domain',
      }),
    ).toEqual({ owner: ['group:default/a'], stale: false });
  });
});
