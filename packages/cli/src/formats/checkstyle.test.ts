import { scanXmlReport } from 'danger-plugin-lint-report';
import {
  HOSTILE_TEXT_AS_XML,
  hostileContext,
} from '../__testUtils__/formatContexts';
import { xsdErrors } from '../__testUtils__/publishedSchemas';
import { DOCKERFILES, makeTree, runCli } from '../__testUtils__/runCli';
import { formatCheckstyle } from './checkstyle';

const CHECKSTYLE_XSD = 'checkstyle-report-1.0.0.xsd';

interface Violation {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
}

/** Reads a report the way Danger's lint-report plugin does before commenting on a pull request. */
async function consumeWithDanger(
  xml: string,
  root: string,
): Promise<Violation[]> {
  const violations: Violation[] = [];
  await scanXmlReport(undefined, xml, root, false, violation =>
    violations.push(violation),
  );
  return violations;
}

const project = makeTree({
  'api/Dockerfile': DOCKERFILES.apkCache,
  'broken/Dockerfile': DOCKERFILES.broken,
  'clean/Dockerfile': DOCKERFILES.clean,
});
afterAll(() => project.cleanup());

describe('checkstyle format', () => {
  it("is valid against Checkstyle's report schema", async () => {
    const run = await runCli(['--format', 'checkstyle', '.'], {
      cwd: project.root,
    });
    expect(
      run.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'),
    ).toBe(true);
    expect(await xsdErrors(run.stdout, CHECKSTYLE_XSD)).toEqual([]);
  });

  it('lists every file, clean ones too, and every finding with its position, severity and rule', async () => {
    const json = await runCli(['--format', 'json', '.'], { cwd: project.root });
    const run = await runCli(['--format', 'checkstyle', '.'], {
      cwd: project.root,
    });
    expect(run.code).toBe(json.code);
    expect(run.stdout.match(/<file name="[^"]+"/g)).toEqual([
      '<file name="api/Dockerfile"',
      '<file name="broken/Dockerfile"',
      '<file name="clean/Dockerfile"',
    ]);
    expect(run.stdout).toContain('<file name="clean/Dockerfile"/>');
    expect(run.stdout).toMatch(
      /<error line="2" column="\d+" severity="warning" message="[^"]+" source="alpine-advisor\.apk-no-cache"\/>/,
    );
    expect(run.stdout).toMatch(
      /severity="error" message="[^"]+" source="alpine-advisor\.parse-error"/,
    );
  });

  it("is read back finding for finding by Danger's checkstyle parser", async () => {
    const json = JSON.parse(
      (await runCli(['--format', 'json', '.'], { cwd: project.root })).stdout,
    );
    const run = await runCli(['--format', 'checkstyle', '.'], {
      cwd: project.root,
    });
    const expected = json.files.flatMap(
      (file: {
        path: string;
        findings: Array<{
          line: number;
          column: number;
          severity: string;
          message: string;
        }>;
      }) =>
        file.findings.map(finding => ({
          file: file.path,
          line: finding.line,
          column: finding.column,
          severity: finding.severity,
          message: finding.message,
        })),
    );
    const violations = await consumeWithDanger(run.stdout, project.root);
    expect(sortViolations(violations)).toEqual(sortViolations(expected));
    expect(violations.length).toBeGreaterThan(0);
  });

  it('escapes hostile messages so that they stay valid and come back intact', async () => {
    const context = hostileContext();
    const xml = formatCheckstyle(context);
    expect(await xsdErrors(xml, CHECKSTYLE_XSD)).toEqual([]);
    const violations = await consumeWithDanger(xml, '/nonexistent-root');
    expect(violations.length).toBe(context.report.files[0].findings.length);
    for (const violation of violations) {
      expect(violation.message).toMatch(/^[a-z-]+: /);
      expect(violation.message.replace(/^[a-z-]+: /, '')).toBe(
        HOSTILE_TEXT_AS_XML,
      );
    }
  });

  it('keeps hostile file names intact', async () => {
    const hostile = makeTree({
      'we<ird> & "quoted" \'dir\' 🐳/Dockerfile': DOCKERFILES.apkCache,
    });
    try {
      const run = await runCli(['--format', 'checkstyle', '.'], {
        cwd: hostile.root,
      });
      expect(await xsdErrors(run.stdout, CHECKSTYLE_XSD)).toEqual([]);
      const violations = await consumeWithDanger(run.stdout, hostile.root);
      expect(new Set(violations.map(violation => violation.file))).toEqual(
        new Set(['we<ird> & "quoted" \'dir\' 🐳/Dockerfile']),
      );
    } finally {
      hostile.cleanup();
    }
  });

  it('exits like every other format and leaves unreadable files to stderr', async () => {
    const run = await runCli(['--format', 'checkstyle', 'api', 'missing'], {
      cwd: project.root,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing/);
    expect(await xsdErrors(run.stdout, CHECKSTYLE_XSD)).toEqual([]);
    const warningsOnly = await runCli(['--format', 'checkstyle', 'api'], {
      cwd: project.root,
    });
    expect(warningsOnly.code).toBe(0);
    const failOnWarning = await runCli(
      ['--format', 'checkstyle', '--fail-on', 'warning', 'api'],
      { cwd: project.root },
    );
    expect(failOnWarning.code).toBe(1);
  });
});

function sortViolations(violations: Violation[]): Violation[] {
  return [...violations]
    .map(({ file, line, column, severity, message }) => ({
      file,
      line,
      column,
      severity,
      message,
    }))
    .sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        a.message.localeCompare(b.message),
    );
}
