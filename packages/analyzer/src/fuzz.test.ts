/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectValidReport"] }] */
import fc from 'fast-check';
import {
  dockerfileBytes,
  dockerfileText,
  edgeCases,
  loadSeedDockerfiles,
  mutatedDockerfile,
  reportProblems,
} from './__testUtils__/fuzz';
import { applyFixes } from './fix';
import { analyzeDockerfile, analyzeFiles, listRules } from './index';
import type { AnalyzeOptions, AnalyzerConfig } from './types';

/*
 * Property-based robustness test: whatever bytes arrive, analyzeDockerfile
 * returns a valid report and never throws. FUZZ_SCALE multiplies the number
 * of inputs (the CI run stays near ten seconds; `yarn fuzz:analyzer` runs
 * the long version). A failure prints fast-check's seed and path: rerun with
 * FUZZ_SEED and FUZZ_PATH to reproduce it.
 */
const scale = Number(process.env.FUZZ_SCALE ?? 1);
const reproduction =
  process.env.FUZZ_SEED !== undefined
    ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH }
    : {};
const runs = (count: number) => ({
  numRuns: Math.max(1, Math.round(count * scale)),
  ...reproduction,
});
/** A hang guard for whole test cases, not a speed measure: a hang fails instead of stalling CI. */
const TIMEOUT_MS = Math.max(60_000, 30_000 * scale);

const ruleIds = () => [
  ...listRules().map(rule => rule.id),
  'apk-no-cache',
  'hadolint:DL3018',
  'trivy:DS-0025',
];

const config: fc.Arbitrary<AnalyzerConfig> = fc.constant(null).chain(() => {
  const ids = ruleIds();
  return fc.record(
    {
      ignore: fc.subarray(ids),
      severity: fc.dictionary(
        fc.constantFrom(...ids),
        fc.constantFrom(
          'error' as const,
          'warning' as const,
          'info' as const,
          'off' as const,
        ),
      ),
      failOn: fc.constantFrom(
        'error' as const,
        'warning' as const,
        'info' as const,
        'none' as const,
      ),
    },
    { requiredKeys: [] },
  );
});

const options: fc.Arbitrary<AnalyzeOptions> = fc.record(
  {
    config,
    now: fc.date({
      min: new Date('2015-01-01'),
      max: new Date('2035-12-31'),
      noInvalidDate: true,
    }),
  },
  { requiredKeys: [] },
);

function expectValidReport(
  content: string | Uint8Array,
  analyzeOptions?: AnalyzeOptions,
) {
  const input = { path: 'fuzz/Dockerfile', content };
  const report = analyzeDockerfile(input, analyzeOptions);
  expect(reportProblems(report, input)).toEqual([]);
  return report;
}

describe('analyzeDockerfile on any input', () => {
  const seeds = loadSeedDockerfiles();

  it(
    'returns a valid report for generated Dockerfiles',
    () => {
      fc.assert(
        fc.property(
          dockerfileText,
          options,
          (text, opts) => void expectValidReport(text, opts),
        ),
        runs(1000),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'returns a valid report for mutated real Dockerfiles',
    () => {
      fc.assert(
        fc.property(
          mutatedDockerfile(seeds),
          text => void expectValidReport(text),
        ),
        runs(800),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'returns a valid report for arbitrary bytes and broken encodings',
    () => {
      fc.assert(
        fc.property(dockerfileBytes, bytes => void expectValidReport(bytes)),
        runs(300),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'returns a valid report for arbitrary strings',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ maxLength: 300 }),
            fc.string({ unit: 'binary', maxLength: 300 }),
          ),
          text => void expectValidReport(text),
        ),
        runs(300),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'is deterministic, and its fixes leave a file it can analyse again',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(dockerfileText, mutatedDockerfile(seeds)),
          text => {
            const first = expectValidReport(text);
            expect(
              JSON.stringify(
                analyzeDockerfile({ path: 'fuzz/Dockerfile', content: text }),
              ),
            ).toBe(JSON.stringify(first));
            const fixes = first.findings.flatMap(finding =>
              finding.fix ? [finding.fix] : [],
            );
            if (fixes.length === 0) return;
            expectValidReport(applyFixes(text, fixes).output);
          },
        ),
        runs(200),
      );
    },
    TIMEOUT_MS,
  );

  it.each(edgeCases().map(edgeCase => [edgeCase.name, edgeCase] as const))(
    'returns a valid report for %s',
    (_name, { content }) => {
      expectValidReport(content);
    },
    TIMEOUT_MS,
  );

  it.each(
    edgeCases()
      .filter(edgeCase => edgeCase.mustReport)
      .map(edgeCase => [edgeCase.name, edgeCase.content] as const),
  )('says with a finding that %s is no usable Dockerfile', (_name, content) => {
    const report = expectValidReport(content);
    expect(report.findings.map(finding => finding.ruleId)).not.toEqual([]);
  });

  it('reports every file of a batch under the versioned contract', () => {
    const files = edgeCases()
      .slice(0, 12)
      .map(({ name, content }) => ({ path: name, content }));
    const report = analyzeFiles(files);
    expect(report.version).toBe(1);
    expect(report.files.map(file => file.path)).toEqual(
      files.map(file => file.path),
    );
    report.files.forEach((fileReport, index) => {
      expect(reportProblems(fileReport, files[index])).toEqual([]);
    });
  });
});
