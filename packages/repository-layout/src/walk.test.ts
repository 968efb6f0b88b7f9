import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileSystemTree, treeFromFiles } from './tree';
import { findRepositoryFiles } from './walk';

const FILES: Record<string, string> = {
  Dockerfile: 'FROM alpine:3.22\n',
  'Dockerfile.dockerignore': 'node_modules\n',
  '.alpine-advisor.yml': 'ignore: [apk-unpinned]\n',
  'apps/api/Dockerfile-dev': 'FROM alpine:3.22\n',
  'apps/api-gateway/gateway.containerfile': 'FROM alpine:3.22\n',
  'apps/api/.alpine-advisor.yaml': 'severity: { apk-no-cache: info }\n',
  'apps/Web/Containerfile': 'FROM alpine:3.22\n',
  'node_modules/lib/Dockerfile': 'FROM scratch\n',
  'vendor/acme/Dockerfile': 'FROM scratch\n',
  'docs/README.md': '# docs\n',
};

const EXPECTED_DOCKERFILES = [
  'Dockerfile',
  'apps/Web/Containerfile',
  'apps/api/Dockerfile-dev',
  'apps/api-gateway/gateway.containerfile',
];

describe('findRepositoryFiles', () => {
  it('finds Dockerfiles and configs in memory, in code-point order per folder', async () => {
    const tree = treeFromFiles(
      Object.entries(FILES).map(([path, content]) => ({ path, content })),
    );
    await expect(findRepositoryFiles(tree)).resolves.toEqual({
      dockerfiles: EXPECTED_DOCKERFILES,
      configFiles: ['.alpine-advisor.yml', 'apps/api/.alpine-advisor.yaml'],
      unreadable: [],
      truncated: false,
    });
  });

  it('finds the same on disk', async () => {
    const root = mkdtempSync(join(tmpdir(), 'repository-layout-'));
    try {
      for (const [path, content] of Object.entries(FILES)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      const found = await findRepositoryFiles(fileSystemTree(root));
      expect(found.dockerfiles).toEqual(EXPECTED_DOCKERFILES);
      expect(found.configFiles).toEqual([
        '.alpine-advisor.yml',
        'apps/api/.alpine-advisor.yaml',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('selects by patterns, reaching into a skipped folder a pattern names', async () => {
    const tree = treeFromFiles(
      Object.entries(FILES).map(([path, content]) => ({ path, content })),
    );
    const found = await findRepositoryFiles(tree, {
      patterns: ['vendor/*/Dockerfile', '**/Dockerfile'],
    });
    expect(found.dockerfiles).toEqual(['Dockerfile', 'vendor/acme/Dockerfile']);
  });

  it('stops at the depth and entry limits it is given', async () => {
    const tree = treeFromFiles([
      { path: 'a/Dockerfile', content: '' },
      { path: 'a/b/c/Dockerfile', content: '' },
      { path: 'z/Dockerfile', content: '' },
    ]);
    expect(
      (await findRepositoryFiles(tree, { maxDepth: 1 })).dockerfiles,
    ).toEqual(['a/Dockerfile', 'z/Dockerfile']);
    const limited = await findRepositoryFiles(tree, { maxEntries: 3 });
    expect(limited.truncated).toBe(true);
    expect(limited.dockerfiles).toEqual(['a/Dockerfile']);
  });

  it('reports folders it cannot list and goes on', async () => {
    const tree = treeFromFiles([{ path: 'Dockerfile', content: '' }]);
    const broken = {
      async list(directory: string) {
        if (directory === 'secret') throw new Error('EACCES');
        return [
          { name: 'secret', kind: 'directory' as const },
          ...(await tree.list(directory)),
        ];
      },
      read: tree.read,
    };
    const found = await findRepositoryFiles(broken);
    expect(found.dockerfiles).toEqual(['Dockerfile']);
    expect(found.unreadable).toEqual([
      { path: 'secret', error: new Error('EACCES') },
    ]);
  });
});
