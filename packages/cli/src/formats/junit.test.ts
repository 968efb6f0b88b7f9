import { parse, TestSuites } from 'junit2json';
import {
  formatContextOf,
  HOSTILE_TEXT_AS_XML,
  hostileContext,
} from '../__testUtils__/formatContexts';
import { xsdErrors } from '../__testUtils__/publishedSchemas';
import { DOCKERFILES, makeTree, runCli } from '../__testUtils__/runCli';
import { formatJunit } from './junit';

const JUNIT_XSD = 'junit-10.xsd';

const project = makeTree({
  'api/Dockerfile': DOCKERFILES.apkCache,
  'broken/Dockerfile': DOCKERFILES.broken,
  'clean/Dockerfile': DOCKERFILES.clean,
});
afterAll(() => project.cleanup());

async function junitOf(args: string[]) {
  const run = await runCli(['--format', 'junit', ...args], {
    cwd: project.root,
  });
  return { ...run, suites: (await parse(run.stdout)) as TestSuites };
}

describe('junit format', () => {
  it("is valid against the JUnit schema Jenkins' xUnit plugin validates with", async () => {
    const run = await junitOf(['.']);
    expect(await xsdErrors(run.stdout, JUNIT_XSD)).toEqual([]);
  });

  it('has a suite per Dockerfile and a test case per finding', async () => {
    const { suites } = await junitOf(['.']);
    const byName = new Map(suites.testsuite!.map(suite => [suite.name, suite]));
    expect([...byName.keys()]).toEqual([
      'api/Dockerfile',
      'broken/Dockerfile',
      'clean/Dockerfile',
    ]);
    const api = byName.get('api/Dockerfile')!;
    const apkNoCache = api.testcase!.find(testCase =>
      testCase.name!.startsWith('apk-no-cache '),
    )!;
    expect(apkNoCache.name).toMatch(/^apk-no-cache 2:\d+$/);
    expect(apkNoCache.classname).toBe('api/Dockerfile');
    // A clean file is one passing test, so its suite is not empty.
    const clean = byName.get('clean/Dockerfile')!;
    expect(clean.tests).toBe(1);
    expect(clean.testcase).toEqual([
      expect.objectContaining({ name: 'no problems' }),
    ]);
    expect(clean.testcase![0].failure).toBeUndefined();
  });

  it('fails the findings at or above the threshold and skips the others, as the exit code does', async () => {
    const byDefault = await junitOf(['.']);
    expect(byDefault.code).toBe(1);
    const api = byDefault.suites.testsuite!.find(
      suite => suite.name === 'api/Dockerfile',
    )!;
    // api has warnings only: below the default threshold (error).
    expect(api.failures).toBe(0);
    expect(api.skipped).toBe(api.testcase!.length);
    const skipped = api.testcase!.find(testCase =>
      testCase.name!.startsWith('apk-no-cache '),
    )!.skipped![0];
    expect(skipped.message).toMatch(
      /^warning below the failure threshold \(error\): /,
    );
    const broken = byDefault.suites.testsuite!.find(
      suite => suite.name === 'broken/Dockerfile',
    )!;
    expect(broken.failures).toBeGreaterThan(0);
    const parseError = broken.testcase!.find(testCase =>
      testCase.name!.startsWith('parse-error '),
    )!.failure![0];
    expect(parseError.type).toBe('error');
    expect(parseError.inner).toMatch(
      /^broken\/Dockerfile:\d+:\d+: error: .+ \[parse-error\]\nHow to fix: /,
    );
    expect(parseError.inner).toContain(
      'Docs: alpine-advisor --explain parse-error',
    );

    const strict = await junitOf(['--fail-on', 'warning', 'api']);
    expect(strict.code).toBe(1);
    expect(strict.suites.testsuite![0].failures).toBe(
      strict.suites.testsuite![0].tests,
    );
    expect(strict.suites.failures).toBe(strict.suites.tests);

    const lenient = await junitOf(['--fail-on', 'none', '.']);
    expect(lenient.code).toBe(0);
    expect(lenient.suites.failures).toBe(0);
  });

  it('reports files that could not be analysed as errors, with exit code 2', async () => {
    const run = await junitOf(['api', 'missing']);
    expect(run.code).toBe(2);
    expect(await xsdErrors(run.stdout, JUNIT_XSD)).toEqual([]);
    const notAnalysed = run.suites.testsuite!.find(
      suite => suite.name === 'not analysed',
    )!;
    expect(notAnalysed.errors).toBe(1);
    expect(notAnalysed.testcase![0].error![0].message).toMatch(/^missing: /);
    expect(run.suites.errors).toBe(1);
  });

  it('links the rule docs when a docs URL is configured', async () => {
    const run = await junitOf([
      '--docs-url',
      'https://git.example.com/acme/aa/-/blob/main',
      'broken',
    ]);
    expect(run.stdout).toContain(
      'Docs: https://git.example.com/acme/aa/-/blob/main/packages/analyzer/src/rules/hygiene/parse-error/docs.md',
    );
  });

  it('escapes hostile messages so that they stay valid and come back intact', async () => {
    const context = hostileContext();
    const strict = formatContextOf(context.report.files, {
      ...context,
      failOn: new Map([['hostile/Dockerfile', 'info']]),
    });
    const xml = formatJunit(strict);
    expect(await xsdErrors(xml, JUNIT_XSD)).toEqual([]);
    const suites = await parse(xml);
    const cases = (suites as TestSuites).testsuite![0].testcase!;
    expect(cases.length).toBe(context.report.files[0].findings.length);
    for (const testCase of cases) {
      const failure = testCase.failure![0];
      expect(failure.message!.replace(/^[a-z-]+: /, '')).toBe(
        HOSTILE_TEXT_AS_XML,
      );
      expect(failure.inner).toContain(`How to fix: ${HOSTILE_TEXT_AS_XML}`);
    }
  });
});
