import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  entityMetadata,
  fileReport,
  scanSuccess,
} from '../__testUtils__/fixtures';
import { connectDatabase } from '../database/connectDatabase';
import { DatabaseReportStore } from '../database/DatabaseReportStore';
import { DatabaseScanStore } from '../database/DatabaseScanStore';
import { AccessControl } from './AccessControl';
import { createCompliancePolicy } from './report/compliance';
import { ReportService } from './report/ReportService';
import { ScopeService } from './ScopeService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const T0 = new Date('2026-03-01T10:00:00Z');
const SINCE = '2026-01-01';

const rel = (type: string, targetRef: string) => ({ type, targetRef });
const group = (name: string, children: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children },
  relations: children.map(child => rel('parentOf', `group:default/${child}`)),
});
const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { owner, system: 'checkout' },
  relations: [
    rel('ownedBy', `group:default/${owner}`),
    rel('partOf', 'system:default/checkout'),
  ],
});

/** team-a ── team-a-sub; team-b. All four services are in checkout (commerce). */
const ORG: Entity[] = [
  group('team-a', ['team-a-sub']),
  group('team-a-sub'),
  group('team-b'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'checkout', namespace: 'default' },
    spec: { owner: 'team-a', domain: 'commerce' },
    relations: [rel('partOf', 'domain:default/commerce')],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'commerce', namespace: 'default' },
    spec: { owner: 'team-a' },
    relations: [rel('hasPart', 'system:default/checkout')],
  },
];

describe.each(databases.eachSupportedId())('ScopeService on %p', databaseId => {
  let reports: ReportService;

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const scans = new DatabaseScanStore(db);
    const stored = [
      ['a', 'group:default/team-a', 96, 'A'],
      ['b', 'group:default/team-a-sub', 62, 'C'],
      ['c', 'group:default/team-b', 30, 'F'],
      ['d', 'group:default/team-a', 88, 'B'],
    ] as const;
    await scans.upsertEntities(
      stored.map(([name, owner]) => entityMetadata(name, { owner })),
      T0,
    );
    await scans.recordSuccesses(
      stored.map(([name, , score, grade]) =>
        scanSuccess(`component:default/${name}`, [
          fileReport({ score, grade }),
        ]),
      ),
    );
    reports = new ReportService(
      new DatabaseReportStore(db),
      createCompliancePolicy({}),
    );
  });

  function scopes(options: { conditional: boolean; components: Entity[] }) {
    const catalog = catalogServiceMock({
      entities: [...ORG, ...options.components],
    });
    const permissions = mockServices.permissions.mock();
    permissions.authorizeConditional.mockResolvedValue([
      options.conditional
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: [] },
            },
          }
        : { result: AuthorizeResult.ALLOW },
    ] as any);
    const access = new AccessControl(permissions, catalog, {
      filter: { kind: 'Component' },
      pageSize: 100,
    });
    return new ScopeService({
      catalog,
      access,
      reports,
      scanned: { kind: 'Component' },
    });
  }

  const names = (items: Array<{ name: string }>) => items.map(i => i.name);

  it('sums up a group with its child groups, a system and a domain', async () => {
    const service = scopes({ conditional: false, components: [] });
    const credentials = mockCredentials.user();

    const teamA = await service.getSummary(
      'group:default/team-a',
      credentials,
      SINCE,
    );
    expect(teamA?.filter).toEqual({
      owner: ['group:default/team-a', 'group:default/team-a-sub'],
    });
    expect(teamA?.summary).toMatchObject({
      entityCount: 3,
      averageScore: 82,
      gradeCounts: { A: 1, B: 1, C: 1, D: 0, F: 0 },
      compliantCount: 2,
    });
    expect(names(teamA!.worstServices)).toEqual(['b', 'd', 'a']);
    expect(teamA?.trend).toEqual([
      expect.objectContaining({ day: '2026-03-01', scannedCount: 3 }),
    ]);

    const checkout = await service.getSummary(
      'system:default/checkout',
      credentials,
      SINCE,
    );
    expect(checkout?.summary.entityCount).toBe(4);
    expect(names(checkout!.worstServices)).toEqual(['c', 'b', 'd', 'a']);
    const commerce = await service.getSummary(
      'domain:default/commerce',
      credentials,
      SINCE,
    );
    expect(commerce?.summary.entityCount).toBe(4);
    // A trend window after the history has no points.
    const later = await service.getSummary(
      'domain:default/commerce',
      credentials,
      '2026-04-01',
    );
    expect(later?.trend).toEqual([]);
  });

  it('counts only the components the catalog lists to the caller under a conditional policy', async () => {
    // b (team-a-sub) is not listed to the caller: hidden by the policy.
    const service = scopes({
      conditional: true,
      components: [
        component('a', 'team-a'),
        component('c', 'team-b'),
        component('d', 'team-a'),
      ],
    });
    const credentials = mockCredentials.user();
    const teamA = await service.getSummary(
      'group:default/team-a',
      credentials,
      SINCE,
    );
    expect(teamA?.summary.entityCount).toBe(2);
    expect(names(teamA!.worstServices)).toEqual(['d', 'a']);
    expect(teamA?.trend[0].scannedCount).toBe(2);
    const checkout = await service.getSummary(
      'system:default/checkout',
      credentials,
      SINCE,
    );
    expect(names(checkout!.worstServices)).toEqual(['c', 'd', 'a']);
  });
});
