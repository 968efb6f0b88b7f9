import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotModifiedError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { create as createTar } from 'tar';
import { buildContextCandidates } from '@alpine-advisor/repository-layout';
import { UrlReaderSourceReader } from './UrlReaderSourceReader';

/* The real GitHub and GitLab UrlReaders, against msw-mocked SCM APIs. */

const config = new ConfigReader({
  integrations: {
    github: [{ host: 'github.com', token: 'gh-token' }],
    gitlab: [{ host: 'gitlab.com', token: 'gl-token' }],
  },
});
const integrations = ScmIntegrations.fromConfig(config);
const reader = new UrlReaderSourceReader(
  UrlReaders.default({ config, logger: mockServices.logger.mock() }),
  integrations,
);

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders' },
};
const signal = new AbortController().signal;

/** A gzipped tarball with one top folder, as GitHub and GitLab serve archives. */
async function tarball(
  topFolder: string,
  files: Record<string, string>,
): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'alpine-advisor-tar-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      const full = join(dir, topFolder, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
    const chunks: Buffer[] = [];
    const stream = createTar({ gzip: true, cwd: dir }, [topFolder]);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const REPO_FILES = {
  'svc/Dockerfile': 'FROM alpine:3.22\n',
  'svc/.alpine-advisor.yaml': 'ignore: [apk-unpinned]\n',
  'svc/apps/api/Dockerfile': 'FROM node:22-alpine\n',
  'svc/node_modules/lib/Dockerfile': 'FROM scratch\n',
  'svc/README.md': '# orders\n',
  'other/Dockerfile': 'FROM debian:12\n',
};

describe('UrlReaderSourceReader', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  describe('with the GitHub reader', () => {
    const location = {
      type: 'url',
      target: 'https://github.com/acme/orders/tree/main/svc/',
    };
    let commit = 'sha-1';
    let archiveDownloads = 0;

    beforeEach(async () => {
      commit = 'sha-1';
      archiveDownloads = 0;
      const archive = await tarball('acme-orders-sha', REPO_FILES);
      server.use(
        http.get(
          'https://api.github.com/repos/acme/orders/commits/main/status',
          ({ request }) => {
            if (!request.headers.get('authorization')?.includes('gh-token')) {
              return HttpResponse.json(
                { message: 'Bad credentials' },
                { status: 401 },
              );
            }
            return HttpResponse.json({
              sha: commit,
              repository: {
                archive_url:
                  'https://api.github.com/repos/acme/orders/{archive_format}{/ref}',
                trees_url:
                  'https://api.github.com/repos/acme/orders/git/trees{/sha}',
              },
            });
          },
        ),
        http.get(
          'https://api.github.com/repos/acme/orders/tarball/:sha',
          () => {
            archiveDownloads += 1;
            return new HttpResponse(archive, {
              headers: { 'Content-Type': 'application/x-gzip' },
            });
          },
        ),
      );
    });

    it('discovers Dockerfiles in the source folder with one tree read', async () => {
      const snapshot = await reader.read({ entity, location, signal });

      expect(snapshot.revision).toBe('sha-1');
      // The CLI's order: each folder's entries in code-point order.
      expect(snapshot.dockerfiles.map(file => file.path)).toEqual([
        'Dockerfile',
        'apps/api/Dockerfile',
      ]);
      expect(snapshot.configFiles.map(file => String(file.content))).toEqual([
        'ignore: [apk-unpinned]\n',
      ]);
    });

    it('costs one commit lookup and no download when the commit is unchanged', async () => {
      await expect(
        reader.read({ entity, location, signal, revision: 'sha-1' }),
      ).rejects.toBeInstanceOf(NotModifiedError);
      expect(archiveDownloads).toBe(0);

      commit = 'sha-2';
      const changed = await reader.read({
        entity,
        location,
        signal,
        revision: 'sha-1',
      });
      expect(changed.revision).toBe('sha-2');
      expect(archiveDownloads).toBe(1);
    });

    it('matches annotation globs against the tree', async () => {
      const snapshot = await reader.read({
        entity,
        location,
        signal,
        patterns: ['apps/*/Dockerfile'],
      });
      expect(snapshot.dockerfiles.map(file => file.path)).toEqual([
        'apps/api/Dockerfile',
      ]);
    });

    it('reads listed files with their ETags and answers 304s as not modified', async () => {
      const NODE_DOCKERFILE =
        'FROM node:22-alpine\nCOPY package*.json ./\nRUN npm ci\n';
      const contents: Record<string, { body: string; etag: string }> = {
        'svc/Dockerfile': { body: NODE_DOCKERFILE, etag: '"df-1"' },
        'svc/deploy/Dockerfile.migrations': {
          body: 'FROM postgres:16\n',
          etag: '"mig-1"',
        },
        'svc/package-lock.json': {
          body: '{"lockfileVersion":3,"packages":{}}',
          etag: '"lock-1"',
        },
      };
      const requests: string[] = [];
      server.use(
        http.get(
          'https://api.github.com/repos/acme/orders/contents/*',
          ({ request, params }) => {
            const path = String(params[0]);
            requests.push(
              `${path} ${request.headers.get('if-none-match') ?? '-'}`,
            );
            const file = contents[path];
            if (!file) {
              return HttpResponse.json(
                { message: 'Not Found' },
                { status: 404 },
              );
            }
            if (request.headers.get('if-none-match') === file.etag) {
              return new HttpResponse(null, { status: 304 });
            }
            return new HttpResponse(file.body, {
              headers: { ETag: file.etag },
            });
          },
        ),
      );
      const patterns = ['Dockerfile', 'deploy/Dockerfile.migrations'];
      // The context files the node Dockerfile can consult; the postgres one
      // runs no tool and copies nothing, so its folder is not probed.
      const nodeContext = buildContextCandidates('Dockerfile', NODE_DOCKERFILE);
      expect(nodeContext).toEqual(
        expect.arrayContaining([
          '.dockerignore',
          'package-lock.json',
          'Dockerfile.dockerignore',
        ]),
      );
      expect(nodeContext).not.toContain('go.mod');
      expect(nodeContext).not.toContain('requirements.txt');

      const first = await reader.read({ entity, location, signal, patterns });
      expect(
        first.dockerfiles.map(file => [file.path, String(file.content)]),
      ).toEqual([
        ['Dockerfile', NODE_DOCKERFILE],
        ['deploy/Dockerfile.migrations', 'FROM postgres:16\n'],
      ]);
      expect(first.configFiles).toEqual([]);
      expect(first.contexts?.Dockerfile.files.map(file => file.path)).toEqual([
        'package-lock.json',
      ]);
      // Each file once: the listed ones, then the node Dockerfile's context.
      expect(requests.sort()).toEqual(
        [
          'svc/.alpine-advisor.yaml -',
          'svc/.alpine-advisor.yml -',
          'svc/Dockerfile -',
          'svc/deploy/Dockerfile.migrations -',
          ...nodeContext.map(path => `svc/${path} -`),
        ].sort(),
      );
      const firstRequests = requests.length;

      await expect(
        reader.read({
          entity,
          location,
          signal,
          patterns,
          revision: first.revision,
        }),
      ).rejects.toBeInstanceOf(NotModifiedError);
      // One conditional request per file, the context's absent files included.
      expect(requests.slice(firstRequests).sort()).toEqual(
        [
          'svc/.alpine-advisor.yaml -',
          'svc/.alpine-advisor.yml -',
          'svc/Dockerfile "df-1"',
          'svc/deploy/Dockerfile.migrations "mig-1"',
          ...nodeContext.map(
            path =>
              `svc/${path} ${path === 'package-lock.json' ? '"lock-1"' : '-'}`,
          ),
        ].sort(),
      );

      // A lockfile change alone is a change.
      contents['svc/package-lock.json'] = {
        body: '{"lockfileVersion":3,"packages":{"node_modules/sharp":{}}}',
        etag: '"lock-2"',
      };
      const relocked = await reader.read({
        entity,
        location,
        signal,
        patterns,
        revision: first.revision,
      });
      expect(relocked.revision).not.toBe(first.revision);

      // The migrations Dockerfile starts installing Python packages: its
      // folder's Python files are asked for from then on.
      contents['svc/deploy/Dockerfile.migrations'] = {
        body: 'FROM python:3.12-alpine\nRUN pip install -r requirements.txt\n',
        etag: '"mig-2"',
      };
      const beforeChange = requests.length;
      const changed = await reader.read({
        entity,
        location,
        signal,
        patterns,
        revision: relocked.revision,
      });
      expect(changed.dockerfiles.map(file => String(file.content))).toEqual([
        NODE_DOCKERFILE,
        'FROM python:3.12-alpine\nRUN pip install -r requirements.txt\n',
      ]);
      expect(changed.revision).not.toBe(relocked.revision);
      expect(requests.slice(beforeChange)).toContain(
        'svc/deploy/requirements.txt -',
      );
      expect(Object.keys(JSON.parse(changed.revision!))).toContain(
        'deploy/requirements.txt',
      );
    });

    it.each([
      [404, /NotFoundError|404/],
      [401, /401/],
      [500, /500/],
      [429, /429/],
    ])('surfaces a %p from the SCM as an error', async (status, message) => {
      server.use(
        http.get(
          'https://api.github.com/repos/acme/orders/commits/main/status',
          () => HttpResponse.json({ message: 'failure' }, { status }),
        ),
      );
      const failure = await reader
        .read({ entity, location, signal })
        .catch(error => error);
      expect(failure).toBeInstanceOf(Error);
      expect(`${failure.name} ${failure.message}`).toMatch(message);
    });
  });

  describe('with the GitLab reader', () => {
    const location = {
      type: 'url',
      target: 'https://gitlab.com/acme/payments/-/tree/main/svc/',
    };

    beforeEach(async () => {
      const archive = await tarball('payments-main-c1-svc', REPO_FILES);
      server.use(
        http.get('https://gitlab.com/api/v4/projects/acme%2Fpayments', () =>
          HttpResponse.json({ default_branch: 'main' }),
        ),
        http.get(
          'https://gitlab.com/api/v4/projects/acme%2Fpayments/repository/commits',
          ({ request }) => {
            if (new URL(request.url).searchParams.get('path') !== 'svc') {
              return HttpResponse.json([], { status: 400 });
            }
            return HttpResponse.json([{ id: 'c1' }]);
          },
        ),
        http.get(
          'https://gitlab.com/api/v4/projects/acme%2Fpayments/repository/archive',
          () =>
            new HttpResponse(archive, {
              headers: { 'Content-Type': 'application/x-gzip' },
            }),
        ),
      );
    });

    it('discovers Dockerfiles and reports the commit as the revision', async () => {
      const snapshot = await reader.read({ entity, location, signal });
      expect(snapshot.revision).toBe('c1');
      // The CLI's order: each folder's entries in code-point order.
      expect(snapshot.dockerfiles.map(file => file.path)).toEqual([
        'Dockerfile',
        'apps/api/Dockerfile',
      ]);
    });

    it('answers an unchanged commit as not modified', async () => {
      await expect(
        reader.read({ entity, location, signal, revision: 'c1' }),
      ).rejects.toBeInstanceOf(NotModifiedError);
    });

    it('reads listed files through the files API', async () => {
      server.use(
        http.get(
          'https://gitlab.com/api/v4/projects/acme%2Fpayments/repository/files/:path/raw',
          ({ params }) =>
            params.path === 'svc/Dockerfile'
              ? new HttpResponse('FROM alpine:3.22\n', {
                  headers: { ETag: '"gl-1"' },
                })
              : HttpResponse.json(
                  { message: '404 File Not Found' },
                  { status: 404 },
                ),
        ),
      );
      const snapshot = await reader.read({
        entity,
        location,
        signal,
        patterns: ['Dockerfile'],
      });
      expect(snapshot.dockerfiles.map(file => String(file.content))).toEqual([
        'FROM alpine:3.22\n',
      ]);
    });
  });

  it('explains that a reader without tree listing needs listed paths', async () => {
    const fetchOnly = new UrlReaderSourceReader(
      UrlReaders.default({
        config: new ConfigReader({
          backend: { reading: { allow: [{ host: 'files.acme.test' }] } },
        }),
        logger: mockServices.logger.mock(),
      }),
    );
    await expect(
      fetchOnly.read({
        entity,
        location: { type: 'url', target: 'https://files.acme.test/orders/' },
        signal,
      }),
    ).rejects.toThrow(
      /list the Dockerfiles \(no globs\) in the alpine-advisor.io\/dockerfiles annotation/,
    );
  });

  it('says a file was cut short when the body ends before its announced length', async () => {
    const cutShort = new UrlReaderSourceReader({
      readUrl: async () => ({
        etag: '"e1"',
        buffer: () => Promise.reject(new TypeError('terminated')),
      }),
    } as any);
    await expect(
      cutShort.read({
        entity,
        location: { type: 'url', target: 'https://files.acme.test/orders/' },
        patterns: ['Dockerfile'],
        signal,
      }),
    ).rejects.toThrow(
      /Reading https:\/\/files\.acme\.test\/orders\/(Dockerfile|\.alpine-advisor\.yaml) failed before the whole file arrived \(terminated\)/,
    );
  });
});
