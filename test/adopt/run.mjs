// `yarn test:adopt`: adopts the plugins the way the README tells a platform
// team to. It packs every public package, generates fresh Backstage apps with
// the current @backstage/create-app from the npm registry (its default app on
// the new frontend system, and `--legacy`), applies the README's marked steps
// (test/adopt/readme.mjs) and nothing else, type-checks the app, starts it,
// registers a local example service, and checks in Debian's Chromium that the
// service gets a graded card, the tab, the report page and a rescan.
//
// Environment:
//   ADOPT_VARIANTS       default,legacy (comma-separated subset)
//   ADOPT_WORK_DIR       where the apps are generated (default: a new temp folder)
//   ADOPT_KEEP=1         keep the work folder afterwards
//   ADOPT_APP_PORT / ADOPT_BACKEND_PORT   13000 / 17007 (not the demo's ports)
//   ADOPT_CREATE_APP     create-app version (default: latest)
//   ADOPT_REUSE_PACKAGES=1  use the tarballs already in dist-packages/
//   ADOPT_REUSE_APPS=1   with ADOPT_WORK_DIR: start the apps set up by an earlier run
// Every step's time is printed; the apps share Yarn's global cache.
import { execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { ROOT } from '../packaging/packages.mjs';
import { readmeSnippets, snippet } from './readme.mjs';

const VARIANTS = (process.env.ADOPT_VARIANTS ?? 'default,legacy').split(',');
const APP_PORT = Number(process.env.ADOPT_APP_PORT ?? 13000);
const BACKEND_PORT = Number(process.env.ADOPT_BACKEND_PORT ?? 17007);
const CREATE_APP = `@backstage/create-app@${
  process.env.ADOPT_CREATE_APP ?? 'latest'
}`;
const SERVICE = 'adopt-service';
const GRADE_TIMEOUT_MS = 5 * 60_000;
const RESULTS = path.join(ROOT, 'test-results', 'adopt');

const started = Date.now();
const timings = [];
const seconds = ms => `${(ms / 1000).toFixed(0)} s`;

async function step(name, fn) {
  process.stdout.write(`\n==> adopt: ${name}\n`);
  const t0 = Date.now();
  try {
    return await fn();
  } finally {
    timings.push([name, Date.now() - t0]);
    process.stdout.write(`<== adopt: ${name} (${seconds(Date.now() - t0)})\n`);
  }
}

/** Runs a README shell block with bash -euo pipefail, showing its output. */
function sh(cwd, script, env) {
  process.stdout.write(`$ ${script.replace(/\n/g, '\n$ ')}\n`);
  execFileSync('bash', ['-euo', 'pipefail', '-c', script], {
    cwd,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Inserts text before (or after) the first occurrence of an anchor in a file. */
function insertAt(file, anchor, text, { after = false } = {}) {
  const source = readFileSync(file, 'utf8');
  const index = source.indexOf(anchor);
  if (index < 0) {
    throw new Error(
      `${file}: the template changed, no ${JSON.stringify(anchor)}`,
    );
  }
  const at = after ? index + anchor.length : index;
  writeFileSync(file, `${source.slice(0, at)}${text}\n${source.slice(at)}`);
}

function prepend(file, text) {
  writeFileSync(file, `${text}\n${readFileSync(file, 'utf8')}`);
}

/** The environment of every command run in a generated app. */
function appEnv(workDir) {
  const env = {
    ...process.env,
    ALPINE_ADVISOR_REPO: ROOT,
    BACKSTAGE_APP_NAME: 'adopt-app',
    // An adopter's first install runs outside CI, where Yarn may write the
    // lockfile; the test keeps that even when it runs under CI=true.
    YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_PROGRESS_BARS: 'false',
    // The apps listen where the demo portal does not.
    APP_CONFIG_app_baseUrl: `http://localhost:${APP_PORT}`,
    APP_CONFIG_backend_baseUrl: `http://localhost:${BACKEND_PORT}`,
    APP_CONFIG_backend_listen_port: String(BACKEND_PORT),
    APP_CONFIG_backend_cors_origin: `http://localhost:${APP_PORT}`,
    BROWSER: 'none',
    npm_config_yes: 'true',
  };
  // Yarn's own variables from `yarn test:adopt` would point the apps' Yarn at this repository.
  for (const key of Object.keys(env)) {
    if (/^(npm_|YARN_|BERRY_)/.test(key) && !key.startsWith('YARN_ENABLE')) {
      if (key !== 'npm_config_yes' && key !== 'npm_config_nodedir') {
        delete env[key];
      }
    }
  }
  env.INIT_CWD = workDir;
  return env;
}

/** The example service an adopter would register: a catalog file beside a Dockerfile. */
function addExampleService(appDir) {
  const dir = path.join(appDir, 'examples', SERVICE);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'Dockerfile'),
    [
      'FROM alpine:3.20',
      'RUN apk update && apk add python3 curl',
      'COPY . /srv/app',
      'CMD ["python3", "/srv/app/main.py"]',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'catalog-info.yaml'),
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      `  name: ${SERVICE}`,
      '  description: A small Python service on Alpine, registered by the adoption test',
      'spec:',
      '  type: service',
      '  lifecycle: experimental',
      '  owner: guests',
      '',
    ].join('\n'),
  );
  // Registered like any other local catalog file: a Location the app's examples point at.
  appendFileSync(
    path.join(appDir, 'examples', 'entities.yaml'),
    [
      '---',
      'apiVersion: backstage.io/v1alpha1',
      'kind: Location',
      'metadata:',
      `  name: ${SERVICE}`,
      'spec:',
      '  targets:',
      `    - ./${SERVICE}/catalog-info.yaml`,
      '',
    ].join('\n'),
  );
}

/** The README's steps, in its order, on a freshly generated app. */
async function applyReadme(appDir, variant, snippets, env) {
  await step(
    `${variant}: align @backstage packages (README: create-app pitfall)`,
    () => sh(appDir, snippet(snippets, 'align-backstage'), env),
  );
  await step(`${variant}: copy the tarballs and add the resolutions`, () => {
    sh(appDir, snippet(snippets, 'tarballs'), env);
    const manifestFile = path.join(appDir, 'package.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const { resolutions } = JSON.parse(snippet(snippets, 'resolutions'));
    manifest.resolutions = { ...manifest.resolutions, ...resolutions };
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  });
  await step(`${variant}: backend plugin`, () => {
    sh(appDir, snippet(snippets, 'backend-add'), env);
    insertAt(
      path.join(appDir, 'packages/backend/src/index.ts'),
      'backend.start();',
      snippet(snippets, 'backend-index'),
    );
    appendFileSync(
      path.join(appDir, 'app-config.yaml'),
      `\n${snippet(snippets, 'app-config')}\n`,
    );
  });
  await step(`${variant}: frontend plugin`, () => {
    sh(appDir, snippet(snippets, 'app-add'), env);
    if (variant !== 'legacy') return; // discovered through app.packages: all
    const app = path.join(appDir, 'packages/app/src/App.tsx');
    const entityPage = path.join(
      appDir,
      'packages/app/src/components/catalog/EntityPage.tsx',
    );
    prepend(app, snippet(snippets, 'legacy-app-imports'));
    insertAt(app, '</FlatRoutes>', snippet(snippets, 'legacy-app-route'));
    prepend(entityPage, snippet(snippets, 'legacy-entity-imports'));
    insertAt(
      entityPage,
      '{entityWarningContent}',
      `\n${snippet(snippets, 'legacy-entity-card')}`,
      {
        after: true,
      },
    );
    insertAt(
      entityPage,
      '<EntityLayout.Route path="/docs"',
      snippet(snippets, 'legacy-entity-tab'),
    );
  });
}

async function waitFor(url, deadline, what) {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${what} did not answer at ${url}`);
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

/** `yarn start` in the app (frontend dev server + backend), stopped by the returned function. */
async function startApp(appDir, env, logFile) {
  const out = openSync(logFile, 'w');
  const child = spawn('yarn', ['start'], {
    cwd: appDir,
    env,
    detached: true,
    stdio: ['ignore', out, out],
  });
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 3000));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  try {
    const deadline = Date.now() + 5 * 60_000;
    await waitFor(
      `http://localhost:${BACKEND_PORT}/.backstage/health/v1/readiness`,
      deadline,
      'the backend',
    );
    await waitFor(`http://localhost:${APP_PORT}/`, deadline, 'the frontend');
  } catch (error) {
    await stop();
    throw new Error(
      `${error.message}; log: ${logFile}\n${readFileSync(logFile, 'utf8').slice(
        -3000,
      )}`,
    );
  }
  return stop;
}

async function checkInBrowser(variant) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const shot = async (page, name) => {
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({
      path: path.join(RESULTS, `${variant}-${name}.png`),
    });
  };
  let page;
  try {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    });
    context.setDefaultNavigationTimeout(300_000);
    context.setDefaultTimeout(60_000);
    page = await context.newPage();
    const base = `http://localhost:${APP_PORT}`;
    await page.goto(base, { waitUntil: 'domcontentloaded' });
    const enter = page.getByRole('button', { name: /enter/i });
    await enter.click();
    // Signed in once the sign-in page is gone and the sidebar's Settings link
    // shows (both app templates have it; the legacy sidebar is no <nav>).
    await enter.waitFor({ state: 'detached' });
    await page
      .getByRole('link', { name: /Settings/ })
      .first()
      .waitFor();

    await step(`${variant}: graded card`, async () => {
      const deadline = Date.now() + GRADE_TIMEOUT_MS;
      for (;;) {
        await page.goto(`${base}/catalog/default/component/${SERVICE}`);
        try {
          await page
            .getByRole('img', { name: /^Grade [A-F] \(/ })
            .first()
            .waitFor({ timeout: 20_000 });
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
      }
      await shot(page, 'card');
    });
    // Matched by class prefix: a legacy app's dev build suffixes MUI's class names (MuiCard-root-793).
    const card = page.locator('[class*="MuiCard-root"]', {
      hasText: 'Dockerfile health',
    });

    await step(`${variant}: the tab`, async () => {
      await card.getByRole('link', { name: /View findings and fixes/ }).click();
      await page.waitForURL(/\/alpine-advisor$/, { waitUntil: 'commit' });
      // A finding of the tab, with its remediation.
      await page
        .locator('article', { hasText: 'How to fix' })
        .first()
        .waitFor();
      await shot(page, 'tab');
    });

    await step(`${variant}: report page`, async () => {
      await page.goto(`${base}/alpine-advisor`);
      await page.getByLabel(/^Services scanned: \d+/).waitFor();
      await page.getByText(SERVICE).first().waitFor();
      await shot(page, 'report');
    });

    await step(`${variant}: rescan`, async () => {
      await page.goto(`${base}/catalog/default/component/${SERVICE}`);
      const status = card.getByRole('status');
      // A rescan right after the sweep is refused for a minute (429): wait it out.
      for (let attempt = 1; ; attempt++) {
        await card.getByRole('button', { name: 'Rescan' }).click();
        await status.filter({ hasText: /^Rescan/ }).waitFor();
        const outcome = await status.innerText();
        if (/^Rescanned/.test(outcome)) break;
        if (attempt === 4) assert.match(outcome, /^Rescanned/);
        await page.waitForTimeout(20_000);
      }
      await shot(page, 'rescan');
    });
  } catch (error) {
    if (page) await shot(page, 'failure').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

async function adopt(variant, workDir, snippets) {
  const appDir = path.join(workDir, `${variant}-app`);
  const env = appEnv(workDir);
  if (process.env.ADOPT_REUSE_APPS && existsSync(appDir)) {
    process.stdout.write(`adopt: reusing ${appDir} (ADOPT_REUSE_APPS)\n`);
  } else {
    await createAndSetUp(variant, appDir, workDir, snippets, env);
  }
  const stop = await step(`${variant}: yarn start until both answer`, () =>
    startApp(appDir, env, path.join(workDir, `${variant}-start.log`)),
  );
  try {
    await checkInBrowser(variant);
  } finally {
    await stop();
  }
}

/** create-app, the example service, the README's steps and a type-check. */
async function createAndSetUp(variant, appDir, workDir, snippets, env) {
  await step(
    `${variant}: ${CREATE_APP} --skip-install${
      variant === 'legacy' ? ' --legacy' : ''
    }`,
    () =>
      execFileSync(
        'npx',
        [
          '-y',
          CREATE_APP,
          '--skip-install',
          '--path',
          appDir,
          ...(variant === 'legacy' ? ['--legacy'] : []),
        ],
        { cwd: workDir, env, stdio: ['ignore', 'inherit', 'inherit'] },
      ),
  );
  addExampleService(appDir);
  await applyReadme(appDir, variant, snippets, env);
  await step(`${variant}: yarn tsc`, () => sh(appDir, 'yarn tsc', env));
}

async function main() {
  const snippets = readmeSnippets();
  const workDir =
    process.env.ADOPT_WORK_DIR ??
    mkdtempSync(path.join(os.tmpdir(), 'alpine-advisor-adopt-'));
  mkdirSync(workDir, { recursive: true });
  process.stdout.write(`adopt: working in ${workDir}\n`);
  let failed;
  try {
    if (process.env.ADOPT_REUSE_PACKAGES) {
      process.stdout.write(
        'adopt: reusing dist-packages/ (ADOPT_REUSE_PACKAGES)\n',
      );
    } else {
      await step('pack every public package (README: adopt:pack)', () =>
        sh(ROOT, snippet(snippets, 'pack'), process.env),
      );
    }
    for (const variant of VARIANTS) {
      await adopt(variant, workDir, snippets);
    }
  } catch (error) {
    failed = error;
  } finally {
    process.stdout.write('\nadopt: timings\n');
    for (const [name, ms] of timings) {
      process.stdout.write(`  ${seconds(ms).padStart(6)}  ${name}\n`);
    }
    process.stdout.write(`adopt: total ${seconds(Date.now() - started)}\n`);
    if (!process.env.ADOPT_KEEP && !failed) {
      rmSync(workDir, { recursive: true, force: true });
    }
  }
  if (failed) {
    process.stderr.write(
      `adopt: FAILED (work folder kept: ${workDir})\n${
        failed.stack ?? failed
      }\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `adopt: ${VARIANTS.join(' and ')} apps adopted the plugins\n`,
  );
}

await main();
