import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import {
  ADMIN,
  ALICE,
  APK_CACHE_DOCKERFILE,
  CLEAN_DOCKERFILE,
  SECRET_DOCKERFILE,
  USERS,
} from './fixtures';
import type { TestService } from './securityBackend';
import { SecurityBackend, startSecurityBackend } from './securityBackend';

jest.setTimeout(120_000);

/*
 * team-payments ── team-payments-risk (a child group Alice is not in).
 * Alice (team-payments) may read what team-payments owns: not risk-engine,
 * which the child group owns, though it counts for the team, its system
 * and its domain.
 */
const SERVICES: TestService[] = [
  {
    name: 'payments-api',
    owner: 'team-payments',
    system: 'checkout',
    dockerfile: CLEAN_DOCKERFILE,
  },
  {
    name: 'payments-worker',
    owner: 'team-payments',
    system: 'checkout',
    dockerfile: APK_CACHE_DOCKERFILE,
  },
  {
    name: 'risk-engine',
    owner: 'team-payments-risk',
    system: 'checkout',
    dockerfile: SECRET_DOCKERFILE,
  },
  {
    name: 'x-ledger-api',
    owner: 'team-x',
    system: 'x-ledger',
    dockerfile: SECRET_DOCKERFILE,
  },
];

const meta = (name: string) => ({ name, namespace: 'default' });
const ENTITIES: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: meta('team-payments'),
    spec: { type: 'team', children: ['team-payments-risk'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: meta('team-payments-risk'),
    spec: { type: 'team', parent: 'team-payments', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: meta('team-x'),
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: meta('commerce'),
    spec: { owner: 'team-payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: meta('checkout'),
    spec: { owner: 'team-payments', domain: 'commerce' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: meta('x-ledger'),
    spec: { owner: 'team-x' },
  },
];

/** Words only what Alice may not read carries. */
const HIDDEN_WORDS = ['risk-engine', 'alpine-eol', 'apk-upgrade'];

const SCOPES = [
  '/scopes/group/default/team-payments/summary',
  '/scopes/system/default/checkout/summary',
  '/scopes/domain/default/commerce/summary',
];

describe('team, system and domain summaries under a real policy (team-scoped users)', () => {
  let backend: SecurityBackend;

  beforeAll(async () => {
    backend = await startSecurityBackend({
      services: SERVICES,
      users: USERS,
      entities: ENTITIES,
    });
  });

  const get = (path: string, user: string) =>
    request(backend.server)
      .get(`${backend.api}${path}`)
      .set('Authorization', backend.asUser(user));

  it.each(SCOPES)(
    'counts every service of %s for an unrestricted user, so the check below can fail',
    async path => {
      const response = await get(path, ADMIN);
      expect(response.body.error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(response.body.summary.entityCount).toBe(3);
      expect(
        response.body.worstServices.map((s: { name: string }) => s.name),
      ).toContain('risk-engine');
      expect(response.text).toContain('alpine-eol');
    },
  );

  it.each(SCOPES)(
    'does not count a service the user may not read in %s',
    async path => {
      const response = await get(path, ALICE);
      expect(response.status).toBe(200);
      expect(response.body.summary).toMatchObject({
        entityCount: 2,
        scoredCount: 2,
      });
      expect(
        response.body.worstServices.map((s: { name: string }) => s.name),
      ).toEqual(['payments-worker', 'payments-api']);
      expect(
        response.body.trend[response.body.trend.length - 1].scannedCount,
      ).toBe(2);
      for (const word of HIDDEN_WORDS) {
        expect(response.text).not.toContain(word);
      }
    },
  );

  it('answers 404 for a scope the user may not read, as for an unknown one', async () => {
    const hidden = await get('/scopes/system/default/x-ledger/summary', ALICE);
    const unknown = await get('/scopes/system/default/no-such/summary', ALICE);
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(hidden.body.error.name).toBe(unknown.body.error.name);
    expect(JSON.stringify(hidden.body)).not.toMatch(/team-x|x-ledger-api/);
    expect(
      (await get('/scopes/system/default/x-ledger/summary', ADMIN)).status,
    ).toBe(200);
  });
});
