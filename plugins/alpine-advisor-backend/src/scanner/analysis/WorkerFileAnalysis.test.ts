import { createAnalyzer } from '@alpine-advisor/analyzer';
import { mockServices } from '@backstage/backend-test-utils';
import { InlineFileAnalysis } from './InlineFileAnalysis';
import { WorkerFileAnalysis } from './WorkerFileAnalysis';
import { createFileAnalysis } from './createFileAnalysis';

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
