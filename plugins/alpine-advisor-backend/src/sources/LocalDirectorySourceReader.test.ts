import { SourceRefusedError } from '@alpine-advisor/backstage-plugin-node';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { NotModifiedError } from '@backstage/errors';
import { symlinkSync, utimesSync } from 'node:fs';
import { LocalDirectorySourceReader } from './LocalDirectorySourceReader';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders' },
};

describe('LocalDirectorySourceReader', () => {
  const mockDir = createMockDirectory();
  const signal = new AbortController().signal;

  beforeEach(() => {
    mockDir.setContent({
      examples: {
        services: {
          orders: {
            'catalog-info.yaml': 'kind: Component',
            Dockerfile: 'FROM alpine:3.22\n',
            '.alpine-advisor.yaml': 'ignore: [apk-unpinned]\n',
            apps: {
              api: { Dockerfile: 'FROM node:22-alpine\n' },
              worker: { 'Dockerfile.prod': 'FROM python:3.12-alpine\n' },
            },
            node_modules: { lib: { Dockerfile: 'FROM scratch\n' } },
            deploy: { 'Dockerfile.migrations': 'FROM postgres:16\n' },
          },
        },
      },
      secrets: { Dockerfile: 'FROM secret\n', id_rsa: 'key' },
    });
  });

  function reader(allowed = ['examples']) {
    return new LocalDirectorySourceReader(allowed, mockDir.path);
  }

  function request(
    target: string,
    extra: { patterns?: string[]; revision?: string } = {},
  ) {
    return {
      entity,
      location: { type: 'file', target: mockDir.resolve(target) },
      signal,
      ...extra,
    };
  }

  it('discovers Dockerfiles and config files, skipping dependencies', async () => {
    const snapshot = await reader().read(request('examples/services/orders'));

    // The CLI's order: each folder's entries in code-point order.
    expect(snapshot.dockerfiles.map(file => file.path)).toEqual([
      'Dockerfile',
      'apps/api/Dockerfile',
      'apps/worker/Dockerfile.prod',
      'deploy/Dockerfile.migrations',
    ]);
    expect(
      snapshot.configFiles.map(file => [file.path, String(file.content)]),
    ).toEqual([['.alpine-advisor.yaml', 'ignore: [apk-unpinned]\n']]);
    expect(snapshot.revision).toMatch(/^local:/);
  });

  it('reads what the annotation lists, globs included', async () => {
    const listed = await reader().read(
      request('examples/services/orders', {
        patterns: ['apps/*/Dockerfile*', 'deploy/Dockerfile.migrations'],
      }),
    );
    expect(listed.dockerfiles.map(file => file.path)).toEqual([
      'apps/api/Dockerfile',
      'apps/worker/Dockerfile.prod',
      'deploy/Dockerfile.migrations',
    ]);

    const plain = await reader().read(
      request('examples/services/orders', {
        patterns: ['Dockerfile', 'missing/Dockerfile'],
      }),
    );
    expect(plain.dockerfiles.map(file => String(file.content))).toEqual([
      'FROM alpine:3.22\n',
    ]);
    expect(plain.configFiles).toHaveLength(1);
  });

  it('reports an unchanged directory as not modified, and a touched one as changed', async () => {
    const first = await reader().read(request('examples/services/orders'));
    await expect(
      reader().read(
        request('examples/services/orders', { revision: first.revision }),
      ),
    ).rejects.toBeInstanceOf(NotModifiedError);

    const later = new Date(Date.now() + 60_000);
    utimesSync(
      mockDir.resolve('examples/services/orders/apps/api/Dockerfile'),
      later,
      later,
    );
    const second = await reader().read(
      request('examples/services/orders', { revision: first.revision }),
    );
    expect(second.revision).not.toBe(first.revision);
  });

  it('refuses directories outside the allowed ones', async () => {
    await expect(reader().read(request('secrets'))).rejects.toThrow(
      /not under the allowed directories/,
    );
    await expect(
      reader([]).read(request('examples/services/orders')),
    ).rejects.toThrow(/no directory is allowed/);
    await expect(
      reader().read(request('examples/services/gone')),
    ).rejects.toBeInstanceOf(SourceRefusedError);
  });

  it('refuses a symbolic link that leads outside the source', async () => {
    symlinkSync(
      mockDir.resolve('secrets/id_rsa'),
      mockDir.resolve('examples/services/orders/Dockerfile.leak'),
    );
    await expect(
      reader().read(
        request('examples/services/orders', { patterns: ['Dockerfile.leak'] }),
      ),
    ).rejects.toThrow(/resolves outside the entity's source directory/);
  });

  it('refuses a source directory reached through a link out of the allowed ones', async () => {
    symlinkSync(
      mockDir.resolve('secrets'),
      mockDir.resolve('examples/services/linked'),
    );
    await expect(
      reader().read(request('examples/services/linked')),
    ).rejects.toThrow(/not under the allowed directories/);
  });
});
