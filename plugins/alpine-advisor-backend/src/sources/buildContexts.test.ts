import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LocalDirectorySourceReader } from './LocalDirectorySourceReader';
import { UrlReaderSourceReader } from './UrlReaderSourceReader';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders' },
};
const signal = new AbortController().signal;

describe('build contexts read by the source readers', () => {
  it('keeps context files and names host entries from one tree read, never reading those', async () => {
    const asked: string[] = [];
    const files: Record<string, string> = {
      'svc/Dockerfile': 'FROM node:22-alpine\nCOPY . .\nRUN npm ci\n',
      'svc/package-lock.json': '{"lockfileVersion":3,"packages":{}}',
      'svc/.dockerignore': 'node_modules\n',
      'svc/node_modules/sharp/lib/index.js': 'module.exports = 1;',
      'svc/.env': 'SECRET=1',
      'svc/src/index.js': 'console.log(1)',
    };
    const urlReader = {
      readTree: async (
        _url: string,
        options?: { filter?: (path: string) => boolean },
      ) => ({
        etag: 'sha-1',
        files: async () =>
          Object.entries(files)
            .filter(([path]) => options?.filter?.(path) ?? true)
            .map(([path, text]) => ({
              path,
              content: async () => {
                asked.push(path);
                return Buffer.from(text);
              },
            })),
      }),
    } as unknown as UrlReaderService;
    const snapshot = await new UrlReaderSourceReader(urlReader).read({
      entity,
      location: {
        type: 'url',
        target: 'https://git.example/orders/tree/main/',
      },
      signal,
    });
    expect(asked.sort()).toEqual([
      'svc/.dockerignore',
      'svc/Dockerfile',
      'svc/package-lock.json',
    ]);
    const context = snapshot.contexts?.['svc/Dockerfile'];
    expect(context?.root).toBe('svc');
    expect(context?.entries).toEqual(['.env', 'node_modules/']);
    expect(
      context?.files
        .map(file => `${file.path}: ${String(file.content)}`)
        .sort(),
    ).toEqual([
      '.dockerignore: node_modules\n',
      `package-lock.json: ${files['svc/package-lock.json']}`,
    ]);
  });

  it("reads listed Dockerfiles' contexts file by file, with ETags, and never fails on a broken one", async () => {
    const files: Record<string, { body: string; etag: string } | 'broken'> = {
      'api/Dockerfile': {
        body: 'FROM node:22-alpine\nRUN npm ci\n',
        etag: '"d1"',
      },
      'api/package-lock.json': {
        body: '{"lockfileVersion":3,"packages":{"node_modules/@img/sharp-linux-x64":{}}}',
        etag: '"l1"',
      },
      // Consulted (the Dockerfile runs npm), but the SCM fails on it.
      'api/yarn.lock': 'broken',
    };
    const urlReader = {
      readUrl: async (url: string, options?: { etag?: string }) => {
        const path = url.replace('https://git.example/orders/blob/main/', '');
        const file = files[path];
        if (file === 'broken') throw new Error('502 Bad Gateway');
        if (!file)
          throw Object.assign(new Error('not found'), {
            name: 'NotFoundError',
          });
        if (options?.etag === file.etag)
          throw Object.assign(new Error('same'), { name: 'NotModifiedError' });
        return { etag: file.etag, buffer: async () => Buffer.from(file.body) };
      },
    } as unknown as UrlReaderService;
    const reader = new UrlReaderSourceReader(urlReader);
    const request = {
      entity,
      location: {
        type: 'url',
        target: 'https://git.example/orders/blob/main/',
      },
      signal,
      patterns: ['api/Dockerfile'],
    };
    const first = await reader.read(request);
    expect(first.dockerfiles.map(file => file.path)).toEqual([
      'api/Dockerfile',
    ]);
    expect(
      first.contexts?.['api/Dockerfile'].files.map(file => file.path),
    ).toEqual(['package-lock.json']);
    // A context file that could not be read leaves no revision: read again next time.
    expect(first.revision).toBeUndefined();
    delete files['api/yarn.lock'];
    const second = await reader.read(request);
    expect(second.revision).toBeDefined();
    await expect(
      reader.read({ ...request, revision: second.revision }),
    ).rejects.toThrow(NotModifiedError);
    files['api/package-lock.json'] = {
      body: '{"lockfileVersion":3,"packages":{}}',
      etag: '"l2"',
    };
    const third = await reader.read({ ...request, revision: second.revision });
    expect(third.revision).not.toBe(second.revision);
    expect(
      String(third.contexts?.['api/Dockerfile'].files[0].content),
    ).toContain('"packages":{}');
  });

  it('counts a lockfile change as a change of a local source', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aa-context-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      };
      write('Dockerfile', 'FROM node:22-alpine\nRUN npm ci\n');
      write('package-lock.json', '{"lockfileVersion":3,"packages":{}}');
      const reader = new LocalDirectorySourceReader([root]);
      const request = {
        entity,
        location: { type: 'file', target: root },
        signal,
      };
      const first = await reader.read(request);
      expect(first.contexts?.Dockerfile.files.map(file => file.path)).toEqual([
        'package-lock.json',
      ]);
      await expect(
        reader.read({ ...request, revision: first.revision }),
      ).rejects.toThrow(NotModifiedError);
      write(
        'package-lock.json',
        '{"lockfileVersion":3,"packages":{"node_modules/a":{}}}',
      );
      const second = await reader.read({
        ...request,
        revision: first.revision,
      });
      expect(second.revision).not.toBe(first.revision);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
