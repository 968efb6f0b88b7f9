/*
 * The build context gives the same verdicts in the CLI and the backend: the
 * same tree with lockfiles, a .dockerignore with an exception and a host
 * node_modules, read by the CLI from disk and by the backend's readers (the
 * local-directory reader over the same folder; the UrlReader reader over the
 * same files as a tree read), analysed by the scanner's analysis.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createAnalyzer,
  type FileReport,
  type Report,
} from '@alpine-advisor/analyzer';
import type { SourceSnapshot } from '@alpine-advisor/backstage-plugin-node';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { InlineFileAnalysis } from '../../plugins/alpine-advisor-backend/src/scanner/analysis/InlineFileAnalysis';
import { LocalDirectorySourceReader } from '../../plugins/alpine-advisor-backend/src/sources/LocalDirectorySourceReader';
import { UrlReaderSourceReader } from '../../plugins/alpine-advisor-backend/src/sources/UrlReaderSourceReader';

jest.setTimeout(180_000);

const REPO = path.resolve(__dirname, '../..');
const lock = (packages: Record<string, object>) =>
  JSON.stringify({ lockfileVersion: 3, packages: { '': {}, ...packages } });
const FILES: Record<string, string> = {
  // Confirmed: the lockfile pins sharp's glibc build only.
  'web/Dockerfile':
    'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nUSER node\nCMD ["node", "server.js"]\n',
  'web/package-lock.json': lock({
    'node_modules/sharp': { version: '0.33.5', hasInstallScript: true },
    'node_modules/@img/sharp-linux-x64': { version: '0.33.5', libc: ['glibc'] },
  }),
  'web/.dockerignore': '.env*\n!.env\n',
  'web/.env': 'API_KEY=x\n',
  // Refuted: node_modules crosses libc, but the lockfile holds no native code.
  'api/Dockerfile':
    'FROM node:22 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nFROM node:22-alpine\nWORKDIR /app\nCOPY --from=build /app/node_modules ./node_modules\nUSER node\nCMD ["node", "index.js"]\n',
  'api/package-lock.json': lock({
    'node_modules/express': { version: '4.19.2' },
  }),
  // Confirmed by go.mod; the malformed uv.lock beside it is not noted:
  // nothing this Dockerfile runs reads it.
  'worker/Dockerfile':
    'FROM golang:1.23-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/worker .\nFROM alpine:3.22\nCOPY --from=build /bin/worker /bin/worker\nUSER 65534\nCMD ["/bin/worker"]\n',
  'worker/go.mod':
    'module example.com/worker\n\ngo 1.23\n\nrequire github.com/mattn/go-sqlite3 v1.14.22\n',
  'worker/uv.lock': '[[package]\nname = "broken"\n',
  'worker/.dockerignore': '*\n!go.mod\n!*.go\n',
  // uv reads this lockfile: malformed, it is noted.
  'jobs/Dockerfile':
    'FROM python:3.12-alpine\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN pip install uv && uv sync --frozen\nUSER 65534\n',
  'jobs/uv.lock': '[[package]\nname = "broken"\n',
};

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'same-facts-'));
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function verdicts(report: FileReport) {
  const { path: _path, ...rest } = report;
  return rest;
}

/** A UrlReader whose tree read applies the reader's filter to the repository's files, as the real ones do. */
function fakeUrlReader(files: Record<string, string>): UrlReaderService {
  return {
    readUrl: async () => {
      throw new Error('not used');
    },
    search: async () => {
      throw new Error('not used');
    },
    readTree: async (_url, options) => ({
      etag: 'commit-1',
      files: async () =>
        Object.entries(files)
          .filter(([file]) => options?.filter?.(file) ?? true)
          .map(([file, text]) => ({
            path: file,
            content: async () => Buffer.from(text),
          })),
      archive: async () => {
        throw new Error('not used');
      },
      dir: async () => {
        throw new Error('not used');
      },
    }),
  } as UrlReaderService;
}

async function backendReports(snapshot: SourceSnapshot) {
  const analyzer = createAnalyzer();
  return new InlineFileAnalysis(analyzer).analyse(
    snapshot.dockerfiles.map(file => ({
      path: file.path,
      content: file.content,
      config: {},
      context: snapshot.contexts?.[file.path],
    })),
    new Date(),
  );
}

it('gives the same verdicts for a tree with lockfiles in the CLI and the backend', async () => {
  const stdout = execFileSync(
    process.execPath,
    [
      path.join(REPO, 'packages/cli/scripts/dev-bin.cjs'),
      '--format',
      'json',
      '--fail-on',
      'none',
      '.',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  const cli = JSON.parse(stdout) as Report;
  const signal = new AbortController().signal;
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop' },
  };
  const local = await new LocalDirectorySourceReader([root]).read({
    entity,
    location: { type: 'file', target: root },
    signal,
  });
  const url = await new UrlReaderSourceReader(fakeUrlReader(FILES)).read({
    entity,
    location: { type: 'url', target: 'https://git.example/shop/tree/main/' },
    signal,
  });
  for (const snapshot of [local, url]) {
    const backend = await backendReports(snapshot);
    expect(backend.map(report => report.path).sort()).toEqual(
      cli.files.map(file => file.path).sort(),
    );
    for (const report of backend) {
      const fromCli = cli.files.find(file => file.path === report.path);
      expect(fromCli && verdicts(fromCli)).toEqual(verdicts(report));
    }
  }

  // And the verdicts are the facts': confirmed, refuted, noted.
  const byPath = new Map(cli.files.map(file => [file.path, file]));
  const messages = (file: string, rule: string) =>
    byPath
      .get(file)!
      .findings.filter(finding => finding.ruleId === rule)
      .map(finding => `${finding.severity}: ${finding.message}`);
  expect(
    messages('web/Dockerfile', 'node-musl-platform-package-missing'),
  ).toEqual([
    expect.stringMatching(
      /^error: confirmed by package-lock.json: it locks `@img\/sharp-linux-x64`/,
    ),
  ]);
  expect(messages('web/Dockerfile', 'copy-context-unignored')).toEqual([
    expect.stringMatching(/^warning: `COPY \.` carries `\.env`/),
  ]);
  expect(messages('api/Dockerfile', 'node-modules-across-libc')).toEqual([
    expect.stringMatching(/^info: .*package-lock.json locks no native addon/),
  ]);
  expect(messages('worker/Dockerfile', 'go-cgo-module-without-cgo')).toEqual([
    expect.stringMatching(
      /^error: confirmed by go.mod: it requires `github.com\/mattn\/go-sqlite3`/,
    ),
  ]);
  expect(messages('worker/Dockerfile', 'context-file-unreadable')).toEqual([]);
  expect(messages('jobs/Dockerfile', 'context-file-unreadable')).toEqual([
    expect.stringMatching(/^info: `uv.lock` .*malformed/),
  ]);
});
