/*
 * One engine, one knowledge loader: the CLI (`--knowledge FILE`, a config
 * file's `knowledge:`) and the backend (app-config knowledge and refreshed
 * data as layers, the repository's config per Dockerfile) give the same
 * verdicts for the same files and knowledge. Verdicts are chosen not to
 * depend on the date (end of life in 2001 or 2999).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createAnalyzer,
  parseKnowledge,
  type FileReport,
  type Report,
} from '@alpine-advisor/analyzer';
import {
  RepositoryConfigResolver,
  treeFromFiles,
} from '@alpine-advisor/repository-layout';
import { InlineFileAnalysis } from '../../plugins/alpine-advisor-backend/src/scanner/analysis/InlineFileAnalysis';

jest.setTimeout(180_000);

const REPO = path.resolve(__dirname, '../..');
const KNOWLEDGE = [
  'asOf: 2027-01-10',
  'releases:',
  "  - { version: '3.25', released: 2026-12-03, endOfLife: 2999-11-01 }",
  "  - { version: '3.23', endOfLife: 2001-01-01 }",
  'images:',
  "  - { image: registry.acme.io/base/node:22, alpineRelease: '3.23' }",
  '',
].join('\n');
const FILES: Record<string, string> = {
  'internal/Dockerfile':
    'FROM registry.acme.io/base/node:22\nRUN apk add curl\nCMD ["node", "server.js"]\n',
  'next/Dockerfile': 'FROM alpine:3.25\nRUN apk add --no-cache curl\n',
  'team/Dockerfile':
    'FROM registry.acme.io/base/python:3.13\nRUN apk add gcc\n',
  'team/.alpine-advisor.yaml':
    "ignore: [root-user]\nknowledge:\n  images:\n    - { image: registry.acme.io/base/python, alpineRelease: '3.25' }\n",
};

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'same-verdicts-'));
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  fs.writeFileSync(path.join(root, 'knowledge.yaml'), KNOWLEDGE);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/**
 * What a verdict is: everything but the path and the portal's count of what
 * the repository silences (`suppressed`, measured against the organisation's
 * config, which the CLI has not).
 */
function verdicts(report: FileReport) {
  const { path: _path, suppressed: _suppressed, ...rest } = report;
  return rest;
}

it('gives the same verdicts in the CLI and the backend', async () => {
  let stdout: string;
  try {
    stdout = execFileSync(
      process.execPath,
      [
        path.join(REPO, 'packages/cli/scripts/dev-bin.cjs'),
        '--format',
        'json',
        '--fail-on',
        'none',
        '--knowledge',
        'knowledge.yaml',
        '.',
      ],
      { cwd: root, encoding: 'utf8' },
    );
  } catch (error) {
    throw new Error(`CLI failed: ${(error as { stderr?: string }).stderr}`);
  }
  const cli = JSON.parse(stdout) as Report;

  const analyzer = createAnalyzer();
  const layer = parseKnowledge(KNOWLEDGE, 'knowledge.yaml');
  // The backend's resolver over the repository's files, as its scanner runs it.
  const repository = new RepositoryConfigResolver(
    treeFromFiles(
      Object.entries(FILES).map(([file, content]) => ({ path: file, content })),
    ),
    (text, file) => analyzer.parseConfig(text, file),
    {},
  );
  const dockerfiles = Object.keys(FILES).filter(file =>
    file.endsWith('Dockerfile'),
  );
  const configFor = async (file: string) => {
    const resolved = await repository.forDockerfile(file);
    if (!resolved.ok) throw resolved.error;
    return resolved.config;
  };
  const backend = await new InlineFileAnalysis(analyzer).analyse(
    await Promise.all(
      dockerfiles.map(async file => ({
        path: file,
        content: FILES[file],
        config: await configFor(file),
        knowledge: [{ source: 'knowledge.yaml', ...layer }],
      })),
    ),
    new Date(),
  );

  for (const report of backend) {
    const fromCli = cli.files.find(file => file.path === report.path);
    expect(fromCli && verdicts(fromCli)).toEqual(verdicts(report));
  }
  const byPath = new Map(backend.map(report => [report.path, report]));
  expect(
    byPath.get('internal/Dockerfile')!.findings.map(f => f.ruleId),
  ).toContain('alpine-eol');
  expect(
    byPath.get('next/Dockerfile')!.findings.map(f => f.ruleId),
  ).not.toContain('alpine-release-unknown');
  expect(byPath.get('team/Dockerfile')!.stages[0].alpineRelease).toBe('3.25');
  expect(cli.knowledge?.version).toBe(
    byPath.get('next/Dockerfile')!.knowledge?.version,
  );
});
