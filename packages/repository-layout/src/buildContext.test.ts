import { collectBuildContext, isBuildContextPath } from './buildContext';
import { treeFromFiles } from './tree';
import type { RepositoryTree } from './tree';

describe('collectBuildContext', () => {
  const files = [
    {
      path: 'svc/Dockerfile',
      content: 'FROM golang:1.23-alpine\nCOPY . .\nRUN go build ./...\n',
    },
    {
      path: 'svc/api.Dockerfile',
      content:
        'FROM node:22-alpine\nCOPY . .\nRUN npm ci && pip install -r requirements-dev.txt\n',
    },
    { path: 'svc/api.Dockerfile.dockerignore', content: '.env\n' },
    { path: 'svc/.dockerignore', content: 'node_modules\n' },
    { path: 'svc/package-lock.json', content: '{}' },
    { path: 'svc/requirements-dev.txt', content: 'pytest==8\n' },
    { path: 'svc/requirements/prod.txt', content: 'numpy==2\n' },
    { path: 'svc/src/package.json', content: '{}' },
    { path: 'svc/node_modules/x/index.js', content: '' },
    { path: 'svc/vendor/bundle/ruby/x', content: '' },
    { path: 'svc/.env.production', content: 'SECRET=1' },
    { path: 'svc/README.md', content: '# svc' },
    { path: 'svc/prisma/schema.prisma', content: 'generator client {}' },
    { path: 'go.mod', content: 'module x\n' },
  ];

  it("reads the context's manifests, lockfiles and ignore files, and names its risky entries", async () => {
    const context = await collectBuildContext(
      treeFromFiles(files),
      'svc/api.Dockerfile',
    );
    expect(context.root).toBe('svc');
    expect(context.files.map(file => file.path).sort()).toEqual([
      '.dockerignore',
      'api.Dockerfile.dockerignore',
      'package-lock.json',
      'prisma/schema.prisma',
      'requirements-dev.txt',
      'requirements/prod.txt',
    ]);
    expect(context.entries).toEqual([
      '.env.production',
      'node_modules/',
      'vendor/bundle/',
    ]);
  });

  it('honours another context folder', async () => {
    const context = await collectBuildContext(
      treeFromFiles(files),
      'svc/Dockerfile',
      {
        contextDirectory: '',
      },
    );
    expect(context.files.map(file => file.path)).toEqual(['go.mod']);
    expect(context.root).toBe('.');
  });

  it("reads only the files the Dockerfile's analysis can consult", async () => {
    const tree = treeFromFiles([
      {
        path: 'Dockerfile',
        content:
          'FROM python:3.12-alpine\nRUN pip install -r requirements.txt\n',
      },
      { path: 'requirements.txt', content: 'numpy==2\n' },
      { path: 'package-lock.json', content: '{}' },
      { path: 'go.mod', content: 'module x\n' },
      { path: '.dockerignore', content: '.env\n' },
    ]);
    const context = await collectBuildContext(tree, 'Dockerfile');
    // No COPY: .dockerignore cannot matter; no npm or go: neither can their files.
    expect(context.files.map(file => file.path)).toEqual(['requirements.txt']);
  });

  it('never reads a file over the cap, and hands over unreadable ones', async () => {
    const base = treeFromFiles([
      { path: 'Dockerfile', content: 'FROM alpine\n' },
      { path: 'yarn.lock', content: '' },
      { path: 'go.mod', content: '' },
    ]);
    const tree: RepositoryTree = {
      list: directory => base.list(directory),
      size: async path => (path === 'yarn.lock' ? 100 * 1024 * 1024 : 1),
      read: async path => {
        if (path === 'yarn.lock') throw new Error('read a huge file whole');
        throw Object.assign(new Error('EACCES: permission denied'), {
          code: 'EACCES',
        });
      },
    };
    const context = await collectBuildContext(tree, 'Dockerfile');
    expect(context.files).toEqual([
      {
        path: 'yarn.lock',
        skipped: { reason: 'too-large', bytes: 100 * 1024 * 1024 },
      },
      {
        path: 'go.mod',
        skipped: { reason: 'unreadable', detail: 'EACCES: permission denied' },
      },
    ]);
  });

  it('tells context files from the rest of a tree', () => {
    expect(isBuildContextPath('a/b/uv.lock')).toBe(true);
    expect(isBuildContextPath('requirements-prod.txt')).toBe(true);
    expect(isBuildContextPath('web/Dockerfile.dockerignore')).toBe(true);
    expect(isBuildContextPath('svc/prisma/schema.prisma')).toBe(true);
    expect(isBuildContextPath('src/main.go')).toBe(false);
  });
});
