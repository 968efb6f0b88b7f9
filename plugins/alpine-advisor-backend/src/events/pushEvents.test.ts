import { matchPush } from './matchPush';
import { RepositoryPush, readPushEvent } from './pushEvents';
import { SHA, githubPush } from '../__testUtils__/pushPayloads';

describe('readPushEvent', () => {
  it('reads a GitHub push: repository, branch, head commit and every changed path', () => {
    expect(
      readPushEvent(
        'github.push',
        githubPush({
          commits: [
            { added: ['services/a/Dockerfile'], modified: ['README.md'] },
            { removed: ['services/b/.alpine-advisor.yaml'] },
          ],
        }),
      ),
    ).toEqual({
      provider: 'github',
      repositoryUrls: ['https://github.com/acme/shop'],
      slug: 'acme/shop',
      branch: 'main',
      defaultBranch: 'main',
      headCommit: SHA,
      changedPaths: [
        'services/a/Dockerfile',
        'README.md',
        'services/b/.alpine-advisor.yaml',
      ],
    });
  });

  it('reads a GitLab push, and says the paths are unknown when it lists only some commits', () => {
    const payload = {
      object_kind: 'push',
      ref: 'refs/heads/release/2.x',
      after: SHA,
      checkout_sha: SHA,
      project: {
        web_url: 'https://gitlab.example.com/platform/group/shop',
        path_with_namespace: 'platform/group/shop',
        default_branch: 'main',
      },
      repository: {
        homepage: 'https://gitlab.example.com/platform/group/shop',
      },
      commits: [{ id: SHA, added: [], modified: ['Dockerfile'], removed: [] }],
      total_commits_count: 1,
    };
    expect(readPushEvent('gitlab.push', payload)).toMatchObject({
      provider: 'gitlab',
      repositoryUrls: ['https://gitlab.example.com/platform/group/shop'],
      slug: 'platform/group/shop',
      branch: 'release/2.x',
      headCommit: SHA,
      changedPaths: ['Dockerfile'],
    });
    expect(
      readPushEvent('gitlab.push', { ...payload, total_commits_count: 45 }),
    ).toMatchObject({ changedPaths: undefined });
  });

  it('treats a push listing no commits (a force push) as changing everything', () => {
    expect(
      readPushEvent('github.push', { ...githubPush({}), commits: [] }),
    ).toMatchObject({ changedPaths: undefined });
  });

  it('ignores tags, deleted branches and payloads without a repository', () => {
    expect(
      readPushEvent('github.push', githubPush({ ref: 'refs/tags/v1.0.0' })),
    ).toEqual({ ignored: expect.stringContaining('tags') });
    expect(
      readPushEvent('github.push', githubPush({ after: '0'.repeat(40) })),
    ).toEqual({ ignored: 'branch main was deleted' });
    expect(
      readPushEvent('github.push', {
        ...githubPush({}),
        repository: { html_url: 'not a url' },
      }),
    ).toEqual({ ignored: 'the event names no repository URL' });
    expect(readPushEvent('github.push', 'text')).toEqual({
      ignored: 'the payload is not an object',
    });
  });
});

describe('matchPush', () => {
  const push = (changedPaths?: string[], branch = 'main'): RepositoryPush => ({
    provider: 'github',
    repositoryUrls: ['https://github.com/acme/shop'],
    branch,
    defaultBranch: 'main',
    headCommit: SHA,
    changedPaths,
  });
  const at = (target: string) => ({ type: 'url', target });

  it('rescans an entity when a Dockerfile or config of its folder changed on its branch', () => {
    const orders = at(
      'https://github.com/acme/shop/tree/main/services/orders/',
    );
    expect(matchPush(orders, push(['services/orders/Dockerfile']))).toEqual({
      kind: 'affected',
      folder: 'services/orders',
    });
    expect(
      matchPush(orders, push(['services/orders/deploy/api.Dockerfile'])).kind,
    ).toBe('affected');
    expect(
      matchPush(orders, push(['services/orders/.alpine-advisor.yml'])).kind,
    ).toBe('affected');
    // The build context the analysis reads: manifests, lockfiles, .dockerignore.
    for (const file of [
      'package-lock.json',
      'requirements.txt',
      '.dockerignore',
    ]) {
      expect(matchPush(orders, push([`services/orders/${file}`])).kind).toBe(
        'affected',
      );
    }
    // Other files, another folder, a skipped folder: not its Dockerfiles.
    expect(
      matchPush(
        orders,
        push([
          'services/orders/src/index.ts',
          'services/billing/Dockerfile',
          'services/orders/node_modules/x/Dockerfile',
          'services/orders-v2/Dockerfile',
        ]),
      ),
    ).toEqual({ kind: 'unaffected', folder: 'services/orders' });
  });

  it('reads the branch and folder of GitHub and GitLab URLs, and the repository root as its default branch', () => {
    expect(
      matchPush(
        at('https://GitHub.com/Acme/Shop/blob/release/2.x/api/'),
        push(['api/Dockerfile'], 'release/2.x'),
      ),
    ).toEqual({ kind: 'affected', folder: 'api' });
    expect(
      matchPush(
        at('https://github.com/acme/shop/tree/release/2.x/api/'),
        push(['api/Dockerfile'], 'release/2'),
      ),
    ).toEqual({ kind: 'other-branch' });
    expect(
      matchPush(
        at('https://github.com/acme/shop/tree/main/'),
        push(['Dockerfile'], 'feature/x'),
      ),
    ).toEqual({ kind: 'other-branch' });
    expect(
      matchPush(at('https://github.com/acme/shop'), push(['Dockerfile'])),
    ).toEqual({ kind: 'affected', folder: '' });
    expect(
      matchPush(
        at('https://github.com/acme/shop/'),
        push(['Dockerfile'], 'dev'),
      ),
    ).toEqual({ kind: 'other-branch' });
    expect(
      matchPush(
        at('https://gitlab.example.com/platform/group/shop/-/tree/main/svc/'),
        {
          ...push(['svc/Containerfile']),
          provider: 'gitlab',
          repositoryUrls: ['https://gitlab.example.com/platform/group/shop'],
        },
      ),
    ).toEqual({ kind: 'affected', folder: 'svc' });
  });

  it('follows the annotation: only its patterns are Dockerfiles', () => {
    const location = at('https://github.com/acme/shop/tree/main/');
    expect(
      matchPush(location, push(['docker/prod.df']), ['docker/*.df']).kind,
    ).toBe('affected');
    expect(
      matchPush(location, push(['Dockerfile']), ['docker/*.df']).kind,
    ).toBe('unaffected');
  });

  it('rescans every entity of the branch when the event does not list its paths', () => {
    expect(
      matchPush(at('https://github.com/acme/shop/tree/main/a/'), push()),
    ).toEqual({ kind: 'affected', folder: 'a' });
  });

  it('leaves other repositories, and lookalike names, alone', () => {
    for (const target of [
      'https://github.com/acme/shop-legacy/tree/main/',
      'https://github.com/acme/sho/tree/main/',
      'https://gitlab.com/acme/shop/tree/main/',
    ]) {
      expect(matchPush(at(target), push(['Dockerfile']))).toEqual({
        kind: 'elsewhere',
      });
    }
    expect(
      matchPush({ type: 'file', target: '/srv/shop' }, push(['Dockerfile'])),
    ).toEqual({ kind: 'elsewhere' });
  });
});
