import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { classifyReadError } from '../scanner/classifyReadError';
import { UrlReaderSourceReader } from './UrlReaderSourceReader';

/*
 * What the scanner records when a real UrlReader (GitHub, GitLab, plain
 * fetch) meets an SCM failure: the reader's error, as thrown, classified.
 */

const config = new ConfigReader({
  integrations: {
    github: [{ host: 'github.com', token: 'gh-token' }],
    gitlab: [{ host: 'gitlab.com', token: 'gl-token' }],
  },
  backend: { reading: { allow: [{ host: 'files.acme.test' }] } },
});
const reader = new UrlReaderSourceReader(
  UrlReaders.default({ config, logger: mockServices.logger.mock() }),
  ScmIntegrations.fromConfig(config),
);
const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders' },
};
const signal = new AbortController().signal;

const GITHUB_TREE = 'https://github.com/acme/orders/tree/main/svc/';
const GITHUB_COMMIT =
  'https://api.github.com/repos/acme/orders/commits/main/status';
const GITLAB_TREE = 'https://gitlab.com/acme/payments/-/tree/main/svc/';
const GITLAB_PROJECT = 'https://gitlab.com/api/v4/projects/acme%2Fpayments';
const FETCH_FOLDER = 'https://files.acme.test/orders/';

async function recordedFailure(
  target: string,
  patterns?: string[],
): Promise<ReturnType<typeof classifyReadError>> {
  const error = await reader
    .read({ entity, location: { type: 'url', target }, signal, patterns })
    .then(
      () => undefined,
      thrown => thrown,
    );
  expect(error).toBeInstanceOf(Error);
  return classifyReadError(error);
}

const failing =
  (status: number, headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json({ message: 'failure' }, { status, headers });

describe('failures of the real UrlReaders, as the scanner records them', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  describe.each([
    ['GitHub tree discovery', GITHUB_TREE, undefined, GITHUB_COMMIT],
    ['GitLab tree discovery', GITLAB_TREE, undefined, GITLAB_PROJECT],
    [
      'a listed file through GitHub',
      GITHUB_TREE,
      ['Dockerfile'],
      'https://api.github.com/repos/acme/orders/contents/svc/:path',
    ],
    [
      'a listed file through GitLab',
      GITLAB_TREE,
      ['Dockerfile'],
      `${GITLAB_PROJECT}/repository/files/:path/raw`,
    ],
    [
      'a listed file through plain fetch',
      FETCH_FOLDER,
      ['Dockerfile'],
      `${FETCH_FOLDER}:path`,
    ],
  ])('%s', (_name, target, patterns, endpoint) => {
    it('records 401 as access denied', async () => {
      server.use(http.get(endpoint, failing(401)));
      expect(await recordedFailure(target, patterns)).toMatchObject({
        status: 'unreadable',
        message: expect.stringMatching(/Access denied: .*401/),
      });
    });

    it('records 500 as unreadable with the status', async () => {
      server.use(http.get(endpoint, failing(500)));
      expect(await recordedFailure(target, patterns)).toMatchObject({
        status: 'unreadable',
        message: expect.stringMatching(/500/),
      });
    });

    it('records 429 as rate limited, to be retried later', async () => {
      server.use(http.get(endpoint, failing(429, { 'Retry-After': '120' })));
      const recorded = await recordedFailure(target, patterns);
      expect(recorded.status).toBe('rate-limited');
      // The readers throw plain errors that drop Retry-After: the scanner
      // then waits its configured back-off (see classifyReadError tests for
      // errors that carry it).
      expect(recorded.retryAfterMs).toBeUndefined();
    });
  });

  it('records a missing GitHub repository as not found', async () => {
    server.use(http.get(GITHUB_COMMIT, failing(404)));
    expect(await recordedFailure(GITHUB_TREE)).toMatchObject({
      status: 'unreadable',
      message: expect.stringMatching(/^Not found: /),
    });
  });

  it("records GitHub's exhausted API quota (403, remaining 0) as rate limited", async () => {
    server.use(
      http.get(
        GITHUB_COMMIT,
        failing(403, {
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 600),
        }),
      ),
    );
    expect((await recordedFailure(GITHUB_TREE)).status).toBe('rate-limited');
  });

  it('records a listed Dockerfile that is gone as no Dockerfile, not as a failure of the read', async () => {
    server.use(http.get(`${FETCH_FOLDER}:path`, failing(404)));
    const snapshot = await reader.read({
      entity,
      location: { type: 'url', target: FETCH_FOLDER },
      signal,
      patterns: ['Dockerfile'],
    });
    expect(snapshot.dockerfiles).toEqual([]);
  });
});
