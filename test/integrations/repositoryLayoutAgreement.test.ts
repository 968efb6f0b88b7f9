/*
 * The CLI and the portal agree on what a repository's Dockerfiles and config
 * are (issue #13): one fixture tree, written here, is linted by the CLI and
 * scanned by the backend through both of its readers (a local directory and
 * a UrlReader tree), and the files, their settings and their findings match.
 */
import { createAnalyzer, Report } from '@alpine-advisor/analyzer';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../packages/cli/src/main';
import { InlineFileAnalysis } from '../../plugins/alpine-advisor-backend/src/scanner/analysis/InlineFileAnalysis';
import { EntityScanner } from '../../plugins/alpine-advisor-backend/src/scanner/EntityScanner';
import { LocalDirectorySourceReader } from '../../plugins/alpine-advisor-backend/src/sources/LocalDirectorySourceReader';
import { UrlReaderSourceReader } from '../../plugins/alpine-advisor-backend/src/sources/UrlReaderSourceReader';

/** A small service repository, in the shapes real repositories take. */
const REPOSITORY: Record<string, string> = {
  Dockerfile: [
    'FROM alpine:3.20',
    'RUN apk add curl',
    // Piped: busybox ash keeps the shell, so shell-form-cmd reports it.
    'CMD /usr/bin/curl --version | head -1',
    '',
  ].join('\n'),
  // BuildKit's ignore file for the root Dockerfile: patterns, not instructions.
  'Dockerfile.dockerignore': ['node_modules', '*.log', ''].join('\n'),
  '.alpine-advisor.yml': [
    'severity:',
    '  shell-form-cmd: info',
    'overrides:',
    '  - files: [worker.containerfile]',
    '    ignore: [root-user]',
    '',
  ].join('\n'),
  'services/api/Dockerfile-dev': [
    'FROM node:22-alpine',
    'RUN apk add --no-cache python3 make g++',
    'COPY . .',
    'RUN npm ci',
    'CMD node server.js | tee server.log',
    '',
  ].join('\n'),
  'services/api/.alpine-advisor.yaml': [
    'ignore: [copy-all-before-install]',
    'overrides:',
    '  - files: [Dockerfile-*]',
    '    severity:',
    '      shell-form-cmd: error',
    '',
  ].join('\n'),
  'services/worker/worker.containerfile': [
    'FROM python:3.12-alpine',
    'RUN pip install requests',
    'CMD ["python", "-m", "worker"]',
    '',
  ].join('\n'),
  'services/worker/Dockerfile.template': 'FROM {{ base_image }}\n',
  'services/worker/api.Dockerfile.dockerignore': '.git\n',
  'node_modules/left-pad/Dockerfile': 'FROM ubuntu\nRUN apt-get update\n',
  'vendor/acme/sdk/Containerfile': 'FROM debian:12\n',
  'docs/README.md': '# The service\n',
  // Named like Dockerfiles, read as something else: not analysed by either.
  'tools/lint/dockerfile.go': 'package lint\n\nfunc Dockerfile() {}\n',
  'eng/Dockerfile.linux':
    'ARG REPO=mcr.microsoft.com/dotnet/runtime-deps\n{{InsertTemplate("Dockerfile.envs")}}\nFROM $REPO\n',
  'eng/Dockerfile.install': 'RUN apk add --no-cache icu-libs\n',
  // Test inputs and project templates: not searched by either.
  'parser/testdata/Dockerfile': 'FROM scratch\nFROBNICATE\n',
  '{{cookiecutter.slug}}/Dockerfile': 'FROM python:3.12-alpine\n',
};

/** What the CLI says of the files it found by name and did not analyse. */
const EXPECTED_SKIPPED = [
  'alpine-advisor: skipped eng/Dockerfile.install: a fragment without FROM, to be put into a Dockerfile elsewhere, not one to build (name the file to analyse it anyway)',
  'alpine-advisor: skipped eng/Dockerfile.linux: a template ({{ … }} or {% … %}) to be rendered into a Dockerfile, not one yet (name the file to analyse it anyway)',
  'alpine-advisor: skipped tools/lint/dockerfile.go: not Dockerfile syntax: its first line is "package lint" (name the file to analyse it anyway)',
];

const EXPECTED_DOCKERFILES = [
  'Dockerfile',
  'services/api/Dockerfile-dev',
  'services/worker/worker.containerfile',
];

describe('CLI and portal agree on a repository', () => {
  let root: string;

  beforeAll(() => {
    // realpath: tmpdir can sit behind a symlink, and both sides resolve it.
    root = fs.realpathSync(
      fs.mkdtempSync(path.join(os.tmpdir(), 'alpine-advisor-layout-')),
    );
    for (const [relative, content] of Object.entries(REPOSITORY)) {
      const target = path.join(root, relative);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  async function lintWithCli(): Promise<Report['files']> {
    let stdout = '';
    let stderr = '';
    await main(['--format', 'json', '.'], {
      stdout: { write: text => void (stdout += text), isTTY: false },
      stderr: { write: text => void (stderr += text) },
      readStdin: async () => new Uint8Array(),
      cwd: root,
      env: {},
    });
    expect(stderr.split('\n').filter(Boolean)).toEqual(EXPECTED_SKIPPED);
    return (JSON.parse(stdout) as Report).files;
  }

  async function scanWithBackend(
    reader: 'local' | 'url-reader',
  ): Promise<FileReportLike[]> {
    const outcome = await scanOutcome(reader, root);
    if (outcome.kind !== 'analysed') {
      throw new Error(`scan did not analyse: ${JSON.stringify(outcome)}`);
    }
    return outcome.scan.files;
  }

  async function scanOutcome(reader: 'local' | 'url-reader', at: string) {
    const analyzer = createAnalyzer();
    const scanner = new EntityScanner({
      readers: [
        new LocalDirectorySourceReader([at]),
        new UrlReaderSourceReader(directoryAsUrlReader(at)),
      ],
      analyzer,
      analysis: new InlineFileAnalysis(analyzer),
      organisationConfig: {},
      analysisFingerprint: 'agreement-test',
      timeoutMs: 30_000,
      rateLimitBackoffMs: 60_000,
    });
    const sourceLocation =
      reader === 'local' ? `file:${at}/` : 'url:https://scm.test/acme/orders/';
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'orders',
        annotations: { 'backstage.io/source-location': sourceLocation },
      },
      spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    };
    return scanner.scan(entity, undefined, 'rescan');
  }

  /** What must agree: which files, in which order, with which findings. */
  const comparable = (files: FileReportLike[]) =>
    files.map(file => ({
      path: file.path,
      score: file.score,
      grade: file.grade,
      findings: file.findings.map(finding => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        line: finding.line,
        message: finding.message,
      })),
    }));

  it('finds the same Dockerfiles and reports the same findings', async () => {
    const cli = comparable(await lintWithCli());
    expect(cli.map(file => file.path)).toEqual(EXPECTED_DOCKERFILES);
    expect(comparable(await scanWithBackend('local'))).toEqual(cli);
    expect(comparable(await scanWithBackend('url-reader'))).toEqual(cli);
  });

  it('says why a repository with only files named like Dockerfiles has none', async () => {
    const only = path.join(root, 'eng');
    for (const reader of ['local', 'url-reader'] as const) {
      const outcome = await scanOutcome(reader, only);
      expect(outcome).toMatchObject({
        kind: 'failed',
        failure: {
          status: 'no-dockerfile',
          error: expect.stringMatching(
            /^No Dockerfile found in .* \(files named like one are not: Dockerfile\.install is a fragment without FROM.*; Dockerfile\.linux is a template/,
          ),
        },
      });
    }
  });

  it('applies the nearest config, .yml included, with its overrides', async () => {
    const [root_, api, worker] = await lintWithCli();
    const rules = (file: FileReportLike) =>
      file.findings.map(finding => `${finding.ruleId}:${finding.severity}`);
    // The root .yml rates shell-form-cmd as info for the whole repository but
    // services/api, whose own file replaces it (nearest wins) and rates it as
    // an error for Dockerfile-* (an override relative to its folder).
    expect(rules(root_)).toContain('shell-form-cmd:info');
    expect(rules(api)).toContain('shell-form-cmd:error');
    expect(rules(api).some(rule => rule.startsWith('copy-all-before'))).toBe(
      false,
    );
    expect(rules(worker).some(rule => rule.startsWith('root-user'))).toBe(
      false,
    );
  });
});

/** What the CLI's report and the backend's scan both say of a file. */
interface FileReportLike {
  path: string;
  score: number;
  grade: string;
  findings: Array<{
    ruleId: string;
    severity: string;
    line: number;
    message: string;
  }>;
}

/**
 * A UrlReader whose `readTree` serves a directory the way Backstage's SCM
 * readers serve an archive: every file of the tree, offered to `filter`.
 */
function directoryAsUrlReader(directory: string): UrlReaderService {
  const allFiles = (relative: string): string[] =>
    fs
      .readdirSync(path.join(directory, relative), { withFileTypes: true })
      .flatMap(entry => {
        const child = relative ? `${relative}/${entry.name}` : entry.name;
        return entry.isDirectory() ? allFiles(child) : [child];
      });
  return {
    async readUrl() {
      throw new Error('not used: the annotation lists no paths');
    },
    async readTree(_url, options) {
      const kept = allFiles('').filter(
        file => !options?.filter || options.filter(file),
      );
      return {
        etag: 'commit-1',
        files: async () =>
          kept.map(file => ({
            path: file,
            content: async () => fs.readFileSync(path.join(directory, file)),
          })),
        archive: async () => {
          throw new Error('not used');
        },
        dir: async () => {
          throw new Error('not used');
        },
      };
    },
    async search() {
      throw new Error('not used');
    },
  };
}
