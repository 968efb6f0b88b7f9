import { createAnalyzer } from '@alpine-advisor/analyzer';
import { mockServices } from '@backstage/backend-test-utils';
import { InlineFileAnalysis } from './InlineFileAnalysis';
import { WorkerFileAnalysis } from './WorkerFileAnalysis';
import { ANALYSIS_WORKER_PATH, createFileAnalysis } from './createFileAnalysis';
import fs from 'node:fs';
import path from 'node:path';

jest.setTimeout(60_000);

const NOW = new Date('2026-03-01T10:00:00Z');
const FILES = [
  {
    path: 'Dockerfile',
    content: 'FROM alpine:3.22\nRUN apk add curl\n',
    config: {},
  },
  {
    path: 'apps/api/Dockerfile',
    content: Buffer.from('FROM alpine:3.22\nRUN apk add curl\n'),
    config: { ignore: ['apk-no-cache'] },
  },
];

const inline = new InlineFileAnalysis(createAnalyzer());

function pool(options: { size?: number; analyzerPath?: string } = {}) {
  return new WorkerFileAnalysis({
    size: options.size ?? 2,
    workerPath: ANALYSIS_WORKER_PATH,
    analyzerPath:
      options.analyzerPath ?? require.resolve('@alpine-advisor/analyzer'),
    // Jest transforms TypeScript itself; workers need the CLI's transform.
    execArgv: [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    ],
    fallback: inline,
    logger: mockServices.logger.mock(),
  });
}

describe('WorkerFileAnalysis', () => {
  it('passes the build context to the workers (same verdicts as on this thread)', async () => {
    const workers = pool({ size: 1 });
    const files = [
      {
        path: 'Dockerfile',
        content: 'FROM node:22-alpine\nRUN npm ci\n',
        config: {},
        context: {
          files: [
            {
              path: 'package-lock.json',
              content: Buffer.from(
                '{"lockfileVersion":3,"packages":{"node_modules/@img/sharp-linux-x64":{"version":"0.33.5"}}}',
              ),
            },
          ],
        },
      },
    ];
    try {
      const [report] = await workers.analyse(files, NOW);
      expect(report).toEqual((await inline.analyse(files, NOW))[0]);
      expect(report.findings.map(finding => finding.ruleId)).toContain(
        'node-musl-platform-package-missing',
      );
    } finally {
      await workers.close();
    }
  });

  it('passes the knowledge layers to the workers (same verdicts as on this thread)', async () => {
    const workers = pool({ size: 1 });
    const files = [
      {
        path: 'Dockerfile',
        content: 'FROM registry.acme.io/base/node:22\nRUN apk add curl\n',
        config: {},
        knowledge: [
          {
            releases: [{ version: '3.23', endOfLife: '2026-01-01' }],
            images: [
              { image: 'registry.acme.io/base/node:22', alpineRelease: '3.23' },
            ],
          },
        ],
      },
    ];
    try {
      const [report] = await workers.analyse(files, NOW);
      expect(report).toEqual((await inline.analyse(files, NOW))[0]);
      expect(report.stages[0]).toMatchObject({
        alpineRelease: '3.23',
        endOfLife: true,
      });
      expect(report.knowledge?.origin).toBe('overridden');
    } finally {
      await workers.close();
    }
  });

  it('answers exactly what the analyzer answers on this thread', async () => {
    const workers = pool();
    try {
      const expected = await inline.analyse(FILES, NOW);
      const results = await Promise.all(
        Array.from({ length: 6 }, () => workers.analyse(FILES, NOW)),
      );
      for (const reports of results) {
        expect(reports).toEqual(expected);
      }
      expect(expected[0].findings.map(finding => finding.ruleId)).toContain(
        'apk-no-cache',
      );
      expect(expected[1].findings.map(finding => finding.ruleId)).not.toContain(
        'apk-no-cache',
      );
    } finally {
      await workers.close();
    }
  });

  it('falls back to this thread when workers cannot start', async () => {
    const broken = pool({ size: 1, analyzerPath: '/nonexistent/analyzer.js' });
    try {
      const reports = await broken.analyse(FILES, NOW);
      expect(reports).toEqual(await inline.analyse(FILES, NOW));
    } finally {
      await broken.close();
    }
  });
});

describe('createFileAnalysis', () => {
  it('stays on this thread when modules added rules or workers are off', () => {
    const logger = mockServices.logger.mock();
    expect(
      createFileAnalysis({
        analyzer: createAnalyzer(),
        workers: 2,
        hasAddedRules: true,
        logger,
      }),
    ).toBeInstanceOf(InlineFileAnalysis);
    expect(
      createFileAnalysis({
        analyzer: createAnalyzer(),
        workers: 0,
        hasAddedRules: false,
        logger,
      }),
    ).toBeInstanceOf(InlineFileAnalysis);
  });
});

describe('the analysis worker module', () => {
  it('is a file of the package, shipped with it', () => {
    const packageDir = path.resolve(__dirname, '../../..');
    expect(ANALYSIS_WORKER_PATH).toBe(
      path.join(packageDir, 'worker', 'analysisWorker.js'),
    );
    expect(fs.existsSync(ANALYSIS_WORKER_PATH)).toBe(true);
    const manifest = JSON.parse(
      fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'),
    );
    // The bundled build (dist) has no file per module: the worker ships as is.
    expect(manifest.files).toContain('worker');
  });
});
