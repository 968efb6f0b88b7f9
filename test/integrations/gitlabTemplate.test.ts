import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import {
  CLI_DIR,
  CLI_VERSION,
  offlineNpmEnv,
  packedCli,
  REPO_ROOT,
  run,
  tempDir,
  writeFiles,
} from './support/packedCli';
import { INTEGRATION_DOCKERFILES } from './dockerfiles';

/*
 * The GitLab CI template's job, run as a runner runs it: its script lines in
 * one POSIX shell with errexit, its variables in the environment (overridden
 * as a project would override them), in a clean project directory, with the
 * CLI installed by the job's own npm line from the packed tarball, offline.
 * The Code Quality report it leaves is checked as the codeclimate format's
 * tests check it: against the schema GitLab validates each issue with and
 * the documented report format.
 */
const TEMPLATE = path.join(
  REPO_ROOT,
  'ci',
  'gitlab',
  'alpine-advisor.gitlab-ci.yml',
);
const REPORT = 'gl-code-quality-report.json';

interface GitLabJob {
  stage: string;
  image: string;
  variables: Record<string, string>;
  script: string[];
  artifacts: {
    when: string;
    reports: { codequality: string };
    paths: string[];
  };
}

const job = (
  parse(fs.readFileSync(TEMPLATE, 'utf8')) as Record<string, GitLabJob>
)['alpine-advisor'];

const readSchema = (name: string) =>
  JSON.parse(
    fs.readFileSync(
      path.join(CLI_DIR, 'src', 'formats', '__fixtures__', name),
      'utf8',
    ),
  );
const ajv = new Ajv({ allErrors: true, strict: false });
const gitlabAccepts = ajv.compile(readSchema('gitlab-codeclimate.json'));
const documentedReport = ajv.compile(
  readSchema('code-quality-report.schema.json'),
);

interface CodeQualityIssue {
  check_name: string;
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number } };
}

function expectValidReport(text: string): CodeQualityIssue[] {
  // GitLab's parser refuses a byte order mark.
  expect(text.charCodeAt(0)).not.toBe(0xfeff);
  const issues = JSON.parse(text) as CodeQualityIssue[];
  documentedReport(issues);
  expect(documentedReport.errors ?? []).toEqual([]);
  for (const issue of issues) {
    gitlabAccepts(issue);
    expect(gitlabAccepts.errors ?? []).toEqual([]);
  }
  return issues;
}

let tarball: string;
beforeAll(async () => {
  tarball = await packedCli();
}, 180_000);

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach(cleanup => cleanup()));

/** Runs the job's script in a fresh git project holding `files`. */
function runJob(
  files: Record<string, string>,
  variables: Record<string, string> = {},
) {
  const scratch = tempDir('gitlab');
  cleanups.push(scratch.cleanup);
  const project = path.join(scratch.root, 'project');
  writeFiles(project, files);
  run('git', ['init', '-q'], { cwd: project });
  const script = job.script.join('\n');
  const result = run('sh', ['-e', '-c', script], {
    cwd: project,
    env: {
      // Like the node image, where npm's global bin is on PATH.
      ...offlineNpmEnv(scratch.root, path.join(scratch.root, 'usr-local')),
      CI: 'true',
      GITLAB_CI: 'true',
      CI_PROJECT_DIR: project,
      ...job.variables,
      ALPINE_ADVISOR_PACKAGE: tarball,
      ...variables,
    },
  });
  const reportFile = path.join(project, job.artifacts.reports.codequality);
  return {
    ...result,
    report: fs.existsSync(reportFile)
      ? fs.readFileSync(reportFile, 'utf8')
      : undefined,
  };
}

describe('GitLab CI template', () => {
  it('publishes a Code Quality report as an artifact, also when the job fails', () => {
    expect(job.artifacts.reports.codequality).toBe(REPORT);
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.paths).toContain(REPORT);
    expect(job.image).toMatch(/^node:(2[2-9]|[3-9]\d)/);
    // The CLI the template installs is the one released with it.
    expect(job.variables.ALPINE_ADVISOR_PACKAGE).toBe(
      `@alpine-advisor/cli@${CLI_VERSION}`,
    );
  });

  it('writes a valid report and passes below the threshold', () => {
    const result = runJob({
      'services/api/Dockerfile': INTEGRATION_DOCKERFILES.warningOnly,
      'services/web/Dockerfile': INTEGRATION_DOCKERFILES.clean,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // The findings are in the job log as well.
    expect(result.stdout).toMatch(/apk-no-cache/);
    const issues = expectValidReport(result.report!);
    expect(issues).toEqual([
      expect.objectContaining({
        check_name: 'apk-no-cache',
        severity: 'major',
        location: {
          path: 'services/api/Dockerfile',
          lines: { begin: 2, end: 2 },
        },
      }),
    ]);
  });

  it('fails the job by ALPINE_ADVISOR_FAIL_ON and still leaves the report', () => {
    const files = { Dockerfile: INTEGRATION_DOCKERFILES.warningOnly };
    const strict = runJob(files, { ALPINE_ADVISOR_FAIL_ON: 'warning' });
    expect(strict.status).toBe(1);
    expect(expectValidReport(strict.report!).map(i => i.check_name)).toEqual([
      'apk-no-cache',
    ]);

    const errors = runJob({
      'app/Dockerfile': INTEGRATION_DOCKERFILES.muslError,
    });
    expect(errors.status).toBe(1);
    const critical = expectValidReport(errors.report!).filter(
      issue => issue.severity === 'critical',
    );
    expect(critical.length).toBeGreaterThan(0);
    expect(critical[0].location.path).toBe('app/Dockerfile');
  });

  it('writes an empty report for a clean project', () => {
    const result = runJob({ Containerfile: INTEGRATION_DOCKERFILES.clean });
    expect(result.status).toBe(0);
    expect(expectValidReport(result.report!)).toEqual([]);
  });
});
