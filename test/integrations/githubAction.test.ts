import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import {
  ActionRun,
  readAction,
  runCompositeAction,
} from './support/compositeAction';
import {
  CLI_DIR,
  CLI_VERSION,
  offlineNpmEnv,
  packedCli,
  REPO_ROOT,
  tempDir,
  writeFiles,
} from './support/packedCli';
import { INTEGRATION_DOCKERFILES } from './dockerfiles';

/*
 * action.yml, played step by step as a runner would (no Actions runner
 * exists here): the CLI is installed from the packed tarball into a clean
 * runner temp with npm offline, run over a small repository of our own
 * Dockerfiles, and the upload step (github/codeql-action/upload-sarif) is
 * stood in by a check of what it receives.
 */
const ACTION_FILE = path.join(REPO_ROOT, 'action.yml');
const UPLOAD_SARIF = /^github\/codeql-action\/upload-sarif@v\d+$/;

const sarifSchema = JSON.parse(
  fs.readFileSync(
    path.join(
      CLI_DIR,
      'src',
      'formats',
      '__fixtures__',
      'sarif-schema-2.1.0.json',
    ),
    'utf8',
  ),
);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validSarif = ajv.compile(sarifSchema);

let tarball: string;
beforeAll(async () => {
  tarball = await packedCli();
}, 180_000);

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach(cleanup => cleanup()));

interface Uploaded {
  with: Record<string, string>;
  sarif: Sarif.Log;
}

/** Plays the action on a fresh workspace holding `files`. */
function playAction(
  files: Record<string, string>,
  inputs: Record<string, string>,
  github: Record<string, string> = {},
): ActionRun & { uploads: Uploaded[]; workspace: string } {
  const scratch = tempDir('gh-action');
  cleanups.push(scratch.cleanup);
  const workspace = path.join(scratch.root, 'workspace');
  const runnerTemp = path.join(scratch.root, 'runner-temp');
  fs.mkdirSync(runnerTemp, { recursive: true });
  writeFiles(workspace, files);
  const uploads: Uploaded[] = [];
  const result = runCompositeAction({
    actionFile: ACTION_FILE,
    inputs,
    workspace,
    runnerTemp,
    github,
    // The runner's npm, offline: the global prefix is the action's own.
    env: offlineNpmEnv(scratch.root, path.join(scratch.root, 'npm-global')),
    onUses: (uses, withInputs) => {
      if (uses.startsWith('actions/setup-node@')) return true;
      expect(uses).toMatch(UPLOAD_SARIF);
      // What upload-sarif reads: the file at sarif_file, now.
      const sarif = JSON.parse(
        fs.readFileSync(withInputs.sarif_file, 'utf8'),
      ) as Sarif.Log;
      uploads.push({ with: withInputs, sarif });
      return true;
    },
  });
  return { ...result, uploads, workspace };
}

function stepNamed(result: ActionRun, name: RegExp) {
  const step = result.steps.find(candidate => name.test(candidate.name));
  if (!step) throw new Error(`no step named ${name}`);
  return step;
}

function ruleIdsOf(sarif: Sarif.Log): string[] {
  return sarif.runs[0].results!.map(result => result.ruleId!).sort();
}

describe('GitHub Action (action.yml)', () => {
  it('is a composite action whose scripts read inputs only from the environment', () => {
    const action = readAction(ACTION_FILE);
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['paths', 'fail-on', 'sarif-file', 'upload']),
    );
    const steps = action.runs.steps;
    expect(steps.some(step => UPLOAD_SARIF.test(step.uses ?? ''))).toBe(true);
    for (const step of steps.filter(candidate => candidate.run)) {
      // `${{ inputs.x }}` inside a script would be pasted in as shell code.
      expect(step.run).not.toContain('${{');
      expect(step.shell).toBe('bash');
    }
  });

  it('writes SARIF, uploads it, and passes when nothing reaches the default threshold', () => {
    const result = playAction(
      {
        'services/api/Dockerfile': INTEGRATION_DOCKERFILES.warningOnly,
        'services/web/Dockerfile': INTEGRATION_DOCKERFILES.clean,
        'README.md': '# a repository\n',
      },
      { package: tarball },
    );
    expect(result.log).toContain(`alpine-advisor ${CLI_VERSION} from`);
    expect(result.conclusion).toBe('success');
    expect(result.outputs['exit-code']).toBe('0');

    const sarifFile = path.join(result.workspace, 'alpine-advisor.sarif');
    expect(result.outputs['sarif-file']).toBe(sarifFile);
    expect(result.uploads).toHaveLength(1);
    const [upload] = result.uploads;
    expect(upload.with).toEqual({
      sarif_file: sarifFile,
      category: 'alpine-advisor',
    });
    expect(validSarif(upload.sarif)).toBe(true);
    expect(validSarif.errors ?? []).toEqual([]);
    expect(ruleIdsOf(upload.sarif)).toContain('apk-no-cache');
    const location =
      upload.sarif.runs[0].results![0].locations![0].physicalLocation!;
    // Relative to the workspace, which upload-sarif maps onto the checkout.
    expect(location.artifactLocation!.uri).toBe('services/api/Dockerfile');
    expect(location.region!.startLine).toBe(2);
    // The findings are in the log too.
    expect(result.log).toMatch(/apk-no-cache/);
  });

  it('fails the job by the fail-on threshold after uploading', () => {
    const files = {
      Dockerfile: INTEGRATION_DOCKERFILES.warningOnly,
    };
    const strict = playAction(files, {
      package: tarball,
      'fail-on': 'warning',
    });
    expect(strict.conclusion).toBe('failure');
    expect(strict.outputs['exit-code']).toBe('1');
    expect(strict.uploads).toHaveLength(1);
    const failStep = stepNamed(strict, /threshold/i);
    expect(failStep.outcome).toBe('failure');
    expect(failStep.exitCode).toBe(1);
    expect(failStep.stdout).toMatch(
      /^::error title=Alpine Advisor::.*warning/m,
    );

    const lenient = playAction(files, { package: tarball, 'fail-on': 'none' });
    expect(lenient.conclusion).toBe('success');
    expect(ruleIdsOf(lenient.uploads[0].sarif)).toEqual(
      ruleIdsOf(strict.uploads[0].sarif),
    );
  });

  it("follows the repository's failOn when fail-on is not set, and fails on errors", () => {
    const configured = playAction(
      {
        Dockerfile: INTEGRATION_DOCKERFILES.warningOnly,
        '.alpine-advisor.yaml': 'failOn: warning\n',
      },
      { package: tarball },
    );
    expect(configured.conclusion).toBe('failure');
    expect(configured.outputs['exit-code']).toBe('1');

    const broken = playAction(
      { 'app/Containerfile': INTEGRATION_DOCKERFILES.muslError },
      { package: tarball, upload: 'false', 'sarif-file': 'out/scan.sarif' },
    );
    expect(broken.conclusion).toBe('failure');
    expect(broken.outputs['exit-code']).toBe('1');
    // upload: false writes the report and uploads nothing.
    expect(broken.uploads).toEqual([]);
    expect(stepNamed(broken, /upload/i).outcome).toBe('skipped');
    const sarif = JSON.parse(
      fs.readFileSync(path.join(broken.workspace, 'out', 'scan.sarif'), 'utf8'),
    ) as Sarif.Log;
    const error = sarif.runs[0].results!.find(
      result => result.level === 'error',
    );
    expect(error?.locations![0].physicalLocation!.artifactLocation!.uri).toBe(
      'app/Containerfile',
    );
  });

  it('annotates error and warning lines through its problem matcher when it does not upload', () => {
    const files = {
      'api/Dockerfile': INTEGRATION_DOCKERFILES.warningOnly,
      'app/Dockerfile': INTEGRATION_DOCKERFILES.muslError,
    };
    const uploading = playAction(files, { package: tarball });
    // Code scanning shows the findings: no second set of annotations.
    expect(uploading.annotations).toEqual([]);

    const local = playAction(files, { package: tarball, upload: 'false' });
    expect(local.uploads).toEqual([]);
    expect(local.annotations).toEqual(
      expect.arrayContaining([
        {
          owner: 'alpine-advisor',
          file: 'api/Dockerfile',
          line: 2,
          column: 5,
          severity: 'warning',
          message: expect.stringMatching(/\S/),
          code: 'apk-no-cache',
        },
        expect.objectContaining({
          file: 'app/Dockerfile',
          severity: 'error',
          code: 'go-cgo-glibc-into-alpine',
        }),
      ]),
    );
    for (const annotation of local.annotations) {
      expect(fs.existsSync(path.join(local.workspace, annotation.file!))).toBe(
        true,
      );
    }
    // The same as SARIF results of those severities, one annotation each.
    const forced = playAction(files, { package: tarball, annotate: 'true' });
    const results = forced.uploads[0].sarif.runs[0].results!.filter(
      result => result.level === 'error' || result.level === 'warning',
    );
    expect(forced.annotations).toHaveLength(results.length);
  });

  it('takes paths separated by spaces or new lines, and never runs them as shell code', () => {
    const files = {
      'api/Dockerfile': INTEGRATION_DOCKERFILES.warningOnly,
      'svc/my service/Dockerfile': INTEGRATION_DOCKERFILES.warningOnly,
      'other/Dockerfile': INTEGRATION_DOCKERFILES.muslError,
    };
    const scanned = playAction(files, {
      package: tarball,
      paths: 'api\nsvc',
      'fail-on': 'warning',
    });
    expect(scanned.outputs['exit-code']).toBe('1');
    const uris = scanned.uploads[0].sarif.runs[0].results!.map(
      result => result.locations![0].physicalLocation!.artifactLocation!.uri,
    );
    expect([...new Set(uris)].sort()).toEqual([
      'api/Dockerfile',
      'svc/my%20service/Dockerfile',
    ]);

    const hostile = playAction(files, {
      package: tarball,
      paths: 'api $(touch pwned) `touch pwned`',
    });
    // Taken as (missing) paths, never run: exit code 2, and no file made.
    expect(fs.existsSync(path.join(hostile.workspace, 'pwned'))).toBe(false);
    expect(fs.existsSync(path.join(hostile.workspace, 'api', 'pwned'))).toBe(
      false,
    );
    expect(hostile.outputs['exit-code']).toBe('2');
    expect(hostile.log).toContain('$(touch');
  });

  it('fails with exit code 2 and uploads nothing on a usage error', () => {
    const result = playAction(
      { Dockerfile: INTEGRATION_DOCKERFILES.clean },
      { package: tarball, 'fail-on': 'sometimes' },
    );
    expect(result.conclusion).toBe('failure');
    expect(result.outputs['exit-code']).toBe('2');
    expect(result.uploads).toEqual([]);
    expect(stepNamed(result, /threshold/i).exitCode).toBe(2);
  });

  it("installs the CLI of the action's own release by default, from the npm registry", () => {
    // Offline, the registry cannot answer: the install step fails naming what it asked for.
    const result = playAction(
      { Dockerfile: INTEGRATION_DOCKERFILES.clean },
      {},
      { action_repository: 'acme/alpine-advisor', action_ref: 'v1' },
    );
    const install = stepNamed(result, /install/i);
    expect(install.outcome).toBe('failure');
    expect(`${install.stdout}${install.stderr}`).toContain(
      `@alpine-advisor/cli@${CLI_VERSION}`,
    );
    expect(result.conclusion).toBe('failure');
    expect(stepNamed(result, /lint/i).outcome).toBe('skipped');
    expect(result.uploads).toEqual([]);
  });

  it('links rules to the docs of the action repository at its ref', () => {
    const result = playAction(
      { Dockerfile: INTEGRATION_DOCKERFILES.warningOnly },
      { package: tarball },
      { action_repository: 'acme/alpine-advisor', action_ref: 'v1' },
    );
    const rules = result.uploads[0].sarif.runs[0].tool.driver.rules!;
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.helpUri).toMatch(
        /^https:\/\/github\.com\/acme\/alpine-advisor\/blob\/v1\//,
      );
    }
  });
});
