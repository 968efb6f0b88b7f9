import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { visibilityCatalogFactory } from '../__testUtils__/visibilityCatalog';
import { alpineAdvisorPlugin } from '../plugin';

jest.setTimeout(60_000);

/*
 * POST /entities/:kind/:namespace/:name/image-reports: CI posts what
 * `alpine-advisor image --format json` printed; the entity report then says
 * which Dockerfile musl findings the built image confirms.
 */
const mockDir = createMockDirectory();
const API = '/api/alpine-advisor';
const REPORTS = `${API}/entities/component/default/hello/image-reports`;

/** A glibc binary copied into Alpine: glibc-binary-into-alpine on line 2. */
const DOCKERFILE = [
  'FROM alpine:3.22',
  'COPY --from=debian:bookworm /usr/bin/hello /usr/local/bin/hello',
  'USER 65534',
  'CMD ["/usr/local/bin/hello"]',
  '',
].join('\n');

const IMAGE_ID = `sha256:${'ab'.repeat(32)}`;

const HELLO_HISTORY =
  'COPY --from=debian:bookworm /usr/bin/hello /usr/local/bin/hello # buildkit';

/** The CLI's JSON for the image built from DOCKERFILE, trimmed to what matters. */
function cliJson(findings: object[] = [glibcHello()]) {
  return {
    version: 1,
    files: [{ path: 'app.tar', findings: [] }],
    image: {
      imageId: IMAGE_ID,
      tags: ['hello:latest'],
      os: 'linux',
      architecture: 'amd64',
      libc: {
        libc: 'musl',
        distro: 'alpine',
        distroVersion: '3.22.0',
        evidence: ['/lib/ld-musl-x86_64.so.1'],
        shims: [],
      },
      layers: [
        { index: 0, digest: 'sha256:base', entries: 10, bytes: 100 },
        {
          index: 1,
          digest: 'sha256:copy',
          createdBy: HELLO_HISTORY,
          entries: 1,
          bytes: 16000,
        },
      ],
      findings,
      stats: { files: 11, elfFiles: 2, bytes: 16100 },
      notes: [],
    },
  };
}

function glibcHello() {
  return {
    ruleId: 'image-glibc-binary-on-musl',
    severity: 'error',
    message: '/usr/local/bin/hello needs the glibc loader',
    remediation: 'Build it on Alpine.',
    location: {
      path: '/usr/local/bin/hello',
      layer: 1,
      layerDigest: 'sha256:copy',
      createdBy: HELLO_HISTORY,
    },
  };
}

function component(name: string): Entity {
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
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

/** Denies image reports on `denied` (user credentials), allows everything else. */
function permissionsDenying(denied: string) {
  return {
    authorize: async (requests: any[]) =>
      requests.map(item => ({
        result:
          item.permission.name === 'alpine-advisor.image-report.create' &&
          item.resourceRef === denied
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    authorizeConditional: async (requests: unknown[]) =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW } as const)),
  } as any;
}

async function startBackend(
  options: { maxBytes?: number; denied?: string } = {},
) {
  mockDir.setContent({
    services: {
      hello: { 'catalog-info.yaml': 'kind: Component', Dockerfile: DOCKERFILE },
      other: { 'catalog-info.yaml': 'kind: Component', Dockerfile: DOCKERFILE },
      hidden: {
        'catalog-info.yaml': 'kind: Component',
        Dockerfile: DOCKERFILE,
      },
    },
  });
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const auditor = mockServices.auditor.mock();
  const { server } = await startTestBackend({
    features: [
      alpineAdvisorPlugin,
      visibilityCatalogFactory(
        [component('hello'), component('other'), component('hidden')],
        { 'user:default/mock': ['component:default/hidden'] },
      ),
      mockServices.rootConfig.factory({
        data: {
          alpineAdvisor: {
            localSources: { allowedDirectories: [mockDir.resolve('services')] },
            ...(options.maxBytes
              ? { imageReports: { maxBytes: options.maxBytes } }
              : {}),
          },
        },
      }),
      mockServices.permissions.mock(
        permissionsDenying(options.denied ?? 'component:default/none'),
      ).factory,
      mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.push(task);
        },
      }).factory,
      auditor.factory,
    ],
  });
  await tasks[0].fn(new AbortController().signal as any);
  return { server, auditor };
}

function auditEvents(auditor: ReturnType<typeof mockServices.auditor.mock>) {
  return auditor.createEvent.mock.calls
    .map(([event]) => event)
    .filter(event => event.eventId === 'image-report-create');
}

describe('image report ingestion', () => {
  it('takes the CLI JSON from a service token; the entity report says the image confirms the finding', async () => {
    const { server, auditor } = await startBackend();
    const posted = await request(server)
      .post(`${REPORTS}?dockerfile=Dockerfile`)
      .set('Authorization', mockCredentials.service.header())
      .send(cliJson());
    expect(posted.status).toBe(201);
    expect(posted.body).toEqual({
      entityRef: 'component:default/hello',
      dockerfilePath: 'Dockerfile',
      imageDigest: IMAGE_ID,
      receivedAt: expect.any(String),
      imageFindingCount: 1,
      confirmedCount: 1,
      notSeenCount: 0,
    });

    const report = await request(server).get(
      `${API}/entities/component/default/hello`,
    );
    expect(report.status).toBe(200);
    const finding = report.body.dockerfiles[0].findings.find(
      (f: any) => f.ruleId === 'glibc-binary-into-alpine',
    );
    expect(finding.line).toBe(2);
    expect(finding.evidence).toEqual([
      {
        source: 'image',
        verdict: 'confirmed',
        detail: `${IMAGE_ID}: /usr/local/bin/hello (image-glibc-binary-on-musl)`,
      },
    ]);
    expect(report.body.builtImage).toEqual({
      reportedAt: posted.body.receivedAt,
      confirmedCount: 1,
      notSeenCount: 0,
    });
    // The org report's page says it too, for the reported service only.
    const org = await request(server).get(`${API}/report?sort=name`);
    expect(
      org.body.items.map((item: any) => [item.name, item.builtImage]),
    ).toEqual([
      [
        'hello',
        {
          reportedAt: posted.body.receivedAt,
          confirmedCount: 1,
          notSeenCount: 0,
        },
      ],
      ['hidden', undefined],
      ['other', undefined],
    ]);
    // Other entities are not touched.
    const other = await request(server).get(
      `${API}/entities/component/default/other`,
    );
    expect(
      other.body.dockerfiles[0].findings.some((f: any) => f.evidence),
    ).toBe(false);

    const [event] = auditEvents(auditor);
    expect(event.meta).toEqual({
      entityRef: 'component:default/hello',
      dockerfilePath: 'Dockerfile',
      imageDigest: IMAGE_ID,
    });
  });

  it('replaces the previous report: an image without the binary clears the finding', async () => {
    const { server } = await startBackend();
    await request(server).post(REPORTS).send(cliJson()).expect(201);
    const clean = await request(server)
      .post(`${REPORTS}?imageDigest=sha256:${'cd'.repeat(32)}`)
      .send(cliJson([]));
    expect(clean.status).toBe(201);
    expect(clean.body).toMatchObject({ confirmedCount: 0, notSeenCount: 1 });
    const report = await request(server).get(
      `${API}/entities/component/default/hello`,
    );
    const finding = report.body.dockerfiles[0].findings.find(
      (f: any) => f.ruleId === 'glibc-binary-into-alpine',
    );
    expect(finding.evidence).toEqual([
      {
        source: 'image',
        verdict: 'not-seen',
        detail: expect.stringContaining(`sha256:${'cd'.repeat(32)}`),
      },
    ]);
  });

  it('needs credentials, the permission on the entity, and a visible entity; refusals are audited', async () => {
    const { server, auditor } = await startBackend({
      denied: 'component:default/other',
    });
    const anonymous = await request(server)
      .post(REPORTS)
      .set('Authorization', mockCredentials.none.header())
      .send(cliJson());
    expect(anonymous.status).toBe(401);

    const denied = await request(server)
      .post(`${API}/entities/component/default/other/image-reports`)
      .set('Authorization', mockCredentials.user.header())
      .send(cliJson());
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain(
      'alpine-advisor.image-report.create',
    );

    const hidden = await request(server)
      .post(`${API}/entities/component/default/hidden/image-reports`)
      .set('Authorization', mockCredentials.user.header())
      .send(cliJson());
    expect(hidden.status).toBe(404);

    const report = await request(server).get(
      `${API}/entities/component/default/other`,
    );
    expect(
      report.body.dockerfiles[0].findings.some((f: any) => f.evidence),
    ).toBe(false);
    // The anonymous request never reached the plugin: the auth policy refused it.
    const events = auditEvents(auditor);
    expect(events.map(event => event.meta?.entityRef)).toEqual([
      'component:default/other',
      'component:default/hidden',
    ]);
    const outcomes = await Promise.all(
      auditor.createEvent.mock.results
        .filter((_, index) =>
          events.includes(auditor.createEvent.mock.calls[index][0]),
        )
        .map(result => result.value),
    );
    for (const outcome of outcomes) {
      expect(outcome.fail).toHaveBeenCalledTimes(1);
      expect(outcome.success).not.toHaveBeenCalled();
    }
  });

  it('validates the body and the query against the spec', async () => {
    const { server } = await startBackend();
    const noImage = await request(server).post(REPORTS).send({ version: 1 });
    expect(noImage.status).toBe(400);
    const { location, ...withoutLocation } = glibcHello();
    const badFinding = await request(server)
      .post(REPORTS)
      .send(cliJson([withoutLocation]));
    expect(badFinding.status).toBe(400);
    expect(badFinding.body.error.message).toMatch(/location/);
    const badDigest = await request(server)
      .post(`${REPORTS}?imageDigest=latest`)
      .send(cliJson());
    expect(badDigest.status).toBe(400);
    const notJson = await request(server)
      .post(REPORTS)
      .set('Content-Type', 'text/plain')
      .send('hello');
    expect(notJson.status).toBe(400);
  });

  it('answers 413 to a body over imageReports.maxBytes, and takes one under it', async () => {
    const { server } = await startBackend({ maxBytes: 4096 });
    const small = await request(server).post(REPORTS).send(cliJson());
    expect(small.status).toBe(201);
    const many = Array.from({ length: 40 }, () => glibcHello());
    const large = await request(server).post(REPORTS).send(cliJson(many));
    expect(large.status).toBe(413);
    expect(large.body.error.message).toContain(
      'alpineAdvisor.imageReports.maxBytes',
    );
  });
});
