import {
  SchedulerServiceTaskInvocationDefinition,
  type BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  type AuthorizeRequestOptions,
} from '@backstage/plugin-permission-common';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  APK_CACHE_DOCKERFILE,
  CLEAN_DOCKERFILE,
} from '../__testUtils__/entities';
import { visibilityCatalogFactory } from '../__testUtils__/visibilityCatalog';
import { alpineAdvisorPlugin } from '../plugin';

jest.setTimeout(60_000);

const mockDir = createMockDirectory();

function localComponent(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      annotations: {
        'backstage.io/managed-by-location': `file:${mockDir.resolve(
          `services/${name}/catalog-info.yaml`,
        )}`,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

const ENTITIES = [
  localComponent('orders', 'team-a'),
  localComponent('billing', 'team-b'),
  localComponent('secret-project', 'team-x'),
];

/** Alice may not read secret-project in the catalog; Bob is denied the plugin's report permission. */
const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';

function userOf(options?: { credentials?: BackstageCredentials }) {
  return (options?.credentials?.principal as { userEntityRef?: string })
    ?.userEntityRef;
}

const permissions = {
  authorize: async (
    requests: Array<{ permission: { name: string } }>,
    options?: AuthorizeRequestOptions,
  ) =>
    requests.map(item => ({
      result:
        item.permission.name === 'alpine-advisor.report.read' &&
        userOf(options as any) === BOB
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    })),
  // Alice's catalog reads are conditional (a policy such as "owned or
  // public"): the plugin then lists what she may see with her credentials.
  authorizeConditional: async (
    requests: unknown[],
    options?: AuthorizeRequestOptions,
  ) =>
    requests.map(() =>
      userOf(options as any) === ALICE
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
    ),
};

/**
 * The plugin with Backstage's real actions registry and actions service, and
 * the MCP actions backend serving them at /api/mcp-actions/v1, as in an app.
 */
async function startBackend() {
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const backend = await startTestBackend({
    features: [
      alpineAdvisorPlugin,
      mcpActionsPlugin,
      actionsRegistryServiceFactory,
      actionsServiceFactory,
      visibilityCatalogFactory(ENTITIES, {
        [ALICE]: ['component:default/secret-project'],
      }),
      mockServices.rootConfig.factory({
        data: {
          backend: { actions: { pluginSources: ['alpine-advisor'] } },
          alpineAdvisor: {
            localSources: { allowedDirectories: [mockDir.resolve('services')] },
          },
        },
      }),
      mockServices.permissions.mock(permissions as any).factory,
      mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.push(task);
        },
      }).factory,
    ],
  });
  await tasks[0].fn(new AbortController().signal as any);
  return backend;
}

async function connect(
  backend: Awaited<ReturnType<typeof startBackend>>,
  userEntityRef: string,
): Promise<Client> {
  const client = new Client({ name: 'alpine-advisor-test', version: '1.0.0' });
  const { port } = backend.server.address() as { port: number };
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`http://localhost:${port}/api/mcp-actions/v1`),
      {
        requestInit: {
          headers: {
            Authorization: mockCredentials.user.header(userEntityRef),
          },
        },
      },
    ),
  );
  return client;
}

type ToolResult = {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
};

async function call(
  client: Client,
  tool: string,
  args: Record<string, unknown>,
): Promise<{ isError: boolean; text: string; json?: any }> {
  const { tools } = await client.listTools();
  const name = tools.find(
    candidate => candidate.name === tool || candidate.name.endsWith(`.${tool}`),
  )?.name;
  if (!name) throw new Error(`No tool ${tool}`);
  const result = (await client.callTool({
    name,
    arguments: args,
  })) as ToolResult;
  const text = result.content
    .map(part => part.text ?? '')
    .join('\n')
    .trim();
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^```json\s*|\s*```$/g, ''));
  } catch {
    json = undefined;
  }
  return { isError: Boolean(result.isError), text, json };
}

describe('Alpine Advisor actions over MCP', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  const clients: Client[] = [];

  beforeAll(async () => {
    mockDir.setContent({
      services: {
        orders: {
          'catalog-info.yaml': 'kind: Component',
          Dockerfile: CLEAN_DOCKERFILE,
        },
        billing: {
          'catalog-info.yaml': 'kind: Component',
          Dockerfile: APK_CACHE_DOCKERFILE,
        },
        'secret-project': {
          'catalog-info.yaml': 'kind: Component',
          Dockerfile: APK_CACHE_DOCKERFILE,
        },
      },
    });
    backend = await startBackend();
  });

  afterAll(async () => {
    await Promise.all(clients.map(each => each.close()));
    await backend?.stop();
  });

  async function client(user: string) {
    const connected = await connect(backend, user);
    clients.push(connected);
    return connected;
  }

  it('lists the four tools with their input schemas', async () => {
    const { tools } = await (await client(ALICE)).listTools();
    const ours = Object.fromEntries(
      tools.map(tool => [tool.name.replace(/^.*\./, ''), tool]),
    );
    expect(Object.keys(ours).sort()).toEqual([
      'analyze-dockerfile',
      'explain-rule',
      'get-entity-report',
      'list-worst-services',
    ]);
    expect(ours['analyze-dockerfile'].inputSchema).toMatchObject({
      type: 'object',
      properties: { content: { type: 'string' }, path: { type: 'string' } },
      required: ['content'],
    });
    expect(ours['list-worst-services'].inputSchema.properties).toHaveProperty(
      'owner',
    );
    expect(ours['explain-rule'].annotations).toMatchObject({
      readOnlyHint: true,
    });
  });

  it("analyzes a Dockerfile's text with the scans' pipeline, storing nothing", async () => {
    const alice = await client(ALICE);
    const result = await call(alice, 'analyze-dockerfile', {
      content: APK_CACHE_DOCKERFILE,
      path: 'apps/api/Dockerfile',
    });
    expect(result.isError).toBe(false);
    expect(result.json).toMatchObject({
      path: 'apps/api/Dockerfile',
      usesAlpine: true,
      findings: expect.arrayContaining([
        expect.objectContaining({
          ruleId: 'apk-no-cache',
          fixDiff: expect.stringContaining('+++ b/apps/api/Dockerfile'),
        }),
      ]),
    });
    const worst = await call(alice, 'list-worst-services', {});
    expect(worst.json.totalCount).toBe(2);
  });

  it("returns an entity's stored report", async () => {
    const result = await call(await client(ALICE), 'get-entity-report', {
      entityRef: 'billing',
    });
    expect(result.isError).toBe(false);
    expect(result.json.report).toMatchObject({
      entityRef: 'component:default/billing',
      owner: 'group:default/team-b',
      dockerfiles: [
        expect.objectContaining({
          path: 'Dockerfile',
          findings: expect.arrayContaining([
            expect.objectContaining({ ruleId: 'apk-no-cache' }),
          ]),
        }),
      ],
    });
  });

  it('explains a rule by id or alias', async () => {
    const alice = await client(ALICE);
    const byId = await call(alice, 'explain-rule', { ruleId: 'apk-no-cache' });
    expect(byId.json.rule).toMatchObject({
      id: 'apk-no-cache',
      docs: expect.stringContaining('--no-cache'),
    });
    const byAlias = await call(alice, 'explain-rule', {
      ruleId: 'hadolint:DL3019',
    });
    expect(byAlias.json.rule.id).toBe('apk-no-cache');
    const unknown = await call(alice, 'explain-rule', { ruleId: 'no-such' });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toContain('No rule "no-such"');
  });

  it('lists the worst services in a scope, worst first', async () => {
    const alice = await client(ALICE);
    const all = await call(alice, 'list-worst-services', { limit: 5 });
    // secret-project is hidden from Alice in the catalog: not counted.
    expect(all.json.items.map((item: any) => item.entityRef)).toEqual([
      'component:default/billing',
      'component:default/orders',
    ]);
    expect(all.json.items[0].score).toBeLessThan(all.json.items[1].score);
    const teamA = await call(alice, 'list-worst-services', {
      owner: ['team-a'],
    });
    expect(teamA.json).toMatchObject({
      totalCount: 1,
      items: [
        expect.objectContaining({ entityRef: 'component:default/orders' }),
      ],
    });
    const other = await call(
      await client('user:default/carol'),
      'list-worst-services',
      {
        kind: ['Component'],
      },
    );
    expect(other.json.totalCount).toBe(3);
  });

  it('checks permissions as the HTTP API does', async () => {
    const alice = await client(ALICE);
    const hidden = await call(alice, 'get-entity-report', {
      entityRef: 'component:default/secret-project',
    });
    const missing = await call(alice, 'get-entity-report', {
      entityRef: 'component:default/nowhere',
    });
    expect(hidden.isError).toBe(true);
    expect(hidden.text).toContain(
      'No entity component:default/secret-project in the catalog',
    );
    expect(missing.isError).toBe(true);
    expect(missing.text).toContain('No entity component:default/nowhere');

    const bob = await client(BOB);
    for (const [tool, args] of [
      ['get-entity-report', { entityRef: 'component:default/orders' }],
      ['list-worst-services', {}],
    ] as const) {
      const denied = await call(bob, tool, args);
      expect(denied.isError).toBe(true);
      expect(denied.text).toContain('alpine-advisor.report.read');
    }
    // The rule catalog and text analysis read no stored data, as GET /rules.
    const rule = await call(bob, 'explain-rule', { ruleId: 'apk-no-cache' });
    expect(rule.isError).toBe(false);
  });

  it('refuses bad input with a clear error', async () => {
    const alice = await client(ALICE);
    const noContent = await call(alice, 'analyze-dockerfile', { path: 'x' });
    expect(noContent.isError).toBe(true);
    expect(noContent.text).toContain('content');
    const badLimit = await call(alice, 'list-worst-services', { limit: 500 });
    expect(badLimit.isError).toBe(true);
    expect(badLimit.text).toContain('limit');
    const badRef = await call(alice, 'get-entity-report', {
      entityRef: 'component:default/a/b',
    });
    expect(badRef.isError).toBe(true);
    expect(badRef.text).toContain('is no entity ref');
  });
});
