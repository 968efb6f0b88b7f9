// What the registry would get: every public package is built and packed as a
// release packs it, and each tarball is checked for the files and the
// dependencies it must (and must not) carry; `npm publish --dry-run` accepts
// each. Run with `yarn test:packages` (part of scripts/test-all.sh).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildPackages,
  packPackages,
  tarballFiles,
  tarballText,
} from './packages.mjs';

const ANALYZER_ONLY = [
  '@alpine-advisor/analyzer',
  'mvdan-sh',
  'dockerfile-ast',
];
const PLUGIN_PACKAGES = [
  '@alpine-advisor/backstage-plugin',
  '@alpine-advisor/backstage-plugin-backend',
  '@alpine-advisor/backstage-plugin-common',
  '@alpine-advisor/backstage-plugin-node',
];
/** Modules of other plugins' backends: package → the plugin they extend. */
const MODULE_PACKAGES = {
  '@alpine-advisor/backstage-plugin-tech-insights-backend-module-alpine-advisor':
    {
      pluginId: 'tech-insights',
      pluginPackage: '@backstage-community/plugin-tech-insights-backend',
    },
  '@alpine-advisor/backstage-plugin-scorecard-backend-module-alpine-advisor': {
    pluginId: 'scorecard',
    pluginPackage: '@red-hat-developer-hub/backstage-plugin-scorecard-backend',
  },
  '@alpine-advisor/backstage-plugin-search-backend-module-alpine-advisor': {
    pluginId: 'search',
    pluginPackage: '@backstage/plugin-search-backend',
  },
};
const VALID_SPECIFIER =
  /^(\.{1,2}\/|\/|node:)?(@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~/-]*$/;
const BUILTINS = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));

/** The package a bare import specifier names, or undefined for relative paths and Node builtins. */
function packageOf(specifier) {
  if (!VALID_SPECIFIER.test(specifier)) return undefined; // text that only looks like an import
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  if (BUILTINS.has(specifier) || specifier.startsWith('node:'))
    return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Packages the shipped code loads (JS) or refers to (declarations). */
function importedPackages(tarball, files) {
  const imported = new Set();
  const patterns = [
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
  ];
  for (const file of files.filter(f => /\.(c|m)?js$|\.d\.ts$/.test(f))) {
    const text = tarballText(tarball, file);
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const name = packageOf(match[1]);
        if (name) imported.add(name);
      }
    }
  }
  return imported;
}

describe('published packages', () => {
  let packed;

  before(
    () => {
      const log = message => process.stdout.write(`# ${message}\n`);
      // ALPINE_ADVISOR_PACK_PREBUILT=1 packs what was last built (`yarn pack:packages` builds).
      if (!process.env.ALPINE_ADVISOR_PACK_PREBUILT) buildPackages({ log });
      packed = packPackages(
        mkdtempSync(path.join(os.tmpdir(), 'alpine-advisor-pack-')),
        { log },
      ).map(pkg => ({
        ...pkg,
        files: tarballFiles(pkg.file),
        manifest: JSON.parse(tarballText(pkg.file, 'package.json')),
      }));
    },
    { timeout: 15 * 60_000 },
  );

  const get = name => packed.find(pkg => pkg.name === name);

  it('are public, described and point at the repository', () => {
    for (const { name, manifest } of packed) {
      assert.equal(manifest.private, undefined, `${name} is not private`);
      assert.equal(manifest.license, 'Apache-2.0', name);
      assert.ok(manifest.description, `${name} has a description`);
      assert.ok(manifest.keywords?.length, `${name} has keywords`);
      assert.match(manifest.homepage ?? '', /^https:\/\//, `${name} homepage`);
      assert.match(manifest.bugs?.url ?? '', /^https:\/\//, `${name} bugs`);
      assert.equal(manifest.repository?.type, 'git', `${name} repository`);
      assert.ok(manifest.repository?.directory, `${name} repository folder`);
      assert.equal(manifest.publishConfig?.access, 'public', name);
    }
  });

  it('have no workspace: ranges and point main/types at built files', () => {
    for (const { name, manifest, files } of packed) {
      for (const field of [
        'dependencies',
        'peerDependencies',
        'optionalDependencies',
      ]) {
        for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
          assert.doesNotMatch(range, /^workspace:/, `${name} ${dep}`);
        }
      }
      for (const field of ['main', 'module', 'types']) {
        if (manifest[field]) {
          assert.ok(
            files.includes(manifest[field].replace(/^\.\//, '')),
            `${name}: ${field} ${manifest[field]} is in the tarball`,
          );
        }
      }
      assert.ok(
        !files.some(f => f.startsWith('src/')),
        `${name} ships no sources`,
      );
    }
  });

  it('depend only on packages that are published with them', () => {
    const names = new Set(packed.map(pkg => pkg.name));
    for (const { name, manifest } of packed) {
      for (const dep of Object.keys({
        ...manifest.dependencies,
        ...manifest.peerDependencies,
      })) {
        if (dep.startsWith('@alpine-advisor/')) {
          assert.ok(
            names.has(dep),
            `${name} depends on ${dep}, which is not packed`,
          );
        }
      }
    }
  });

  it('name their plugin packages', () => {
    for (const name of PLUGIN_PACKAGES) {
      assert.deepEqual(
        [...get(name).manifest.backstage.pluginPackages].sort(),
        PLUGIN_PACKAGES,
        name,
      );
      assert.equal(get(name).manifest.backstage.pluginId, 'alpine-advisor');
    }
  });

  it('name the plugin their modules extend', () => {
    for (const [name, plugin] of Object.entries(MODULE_PACKAGES)) {
      const { backstage } = get(name).manifest;
      assert.equal(backstage.role, 'backend-plugin-module', name);
      assert.equal(backstage.pluginId, plugin.pluginId, name);
      assert.equal(backstage.pluginPackage, plugin.pluginPackage, name);
    }
  });

  it('ship the Tech Insights checks as a file app-config can include', () => {
    const { files, file } = get(
      '@alpine-advisor/backstage-plugin-tech-insights-backend-module-alpine-advisor',
    );
    assert.ok(files.includes('checks/checks.yaml'), 'checks/checks.yaml');
    assert.match(
      tarballText(file, 'checks/checks.yaml'),
      /^alpineAdvisorGradeAtLeastB:$/m,
    );
  });

  it('ship the backend with its migrations and config schema', () => {
    const { files, manifest, file } = get(
      '@alpine-advisor/backstage-plugin-backend',
    );
    assert.ok(
      files.some(f => /^migrations\/\d+_init\.js$/.test(f)),
      'migrations/',
    );
    // The analysis worker thread's module, loaded by path like the migrations.
    assert.ok(
      files.includes('worker/analysisWorker.js'),
      'worker/analysisWorker.js',
    );
    // backstage-cli's prepack compiles config.d.ts into the JSON schema the
    // app's config loader reads, as Backstage's own backends ship it.
    assert.equal(manifest.configSchema, 'config.schema.json');
    const schema = JSON.parse(tarballText(file, 'config.schema.json'));
    const schemaText = JSON.stringify(schema);
    for (const key of ['alpineAdvisor', 'localSources', 'allowedDirectories']) {
      assert.ok(schemaText.includes(`"${key}"`), `config schema has ${key}`);
    }
    assert.equal(
      manifest.dependencies['@backstage/backend-defaults'],
      undefined,
      'backend-defaults is the app backend’s, not a dependency of the plugin',
    );
  });

  it('keep the analyzer out of the frontend and -common', () => {
    for (const name of [
      '@alpine-advisor/backstage-plugin',
      '@alpine-advisor/backstage-plugin-common',
    ]) {
      const { manifest, file, files } = get(name);
      const declared = Object.keys({
        ...manifest.dependencies,
        ...manifest.peerDependencies,
      });
      for (const dep of ANALYZER_ONLY) {
        assert.ok(!declared.includes(dep), `${name} does not depend on ${dep}`);
      }
      const imported = importedPackages(file, files);
      for (const dep of ANALYZER_ONLY) {
        assert.ok(!imported.has(dep), `${name} does not import ${dep}`);
      }
    }
  });

  it('declare exactly the packages their shipped code loads', () => {
    const problems = {};
    for (const { name, manifest, file, files } of packed) {
      if (name === '@alpine-advisor/cli') continue; // bundled, see below
      const declared = new Set(
        Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }),
      );
      const imported = importedPackages(file, files);
      const undeclared = [...imported].filter(
        dep => !declared.has(dep) && !declared.has(`@types/${dep}`),
      );
      const unused = [...declared].filter(
        dep =>
          !imported.has(dep) &&
          !imported.has(dep.replace(/^@types\//, '')) &&
          !(manifest.peerDependencies ?? {})[dep],
      );
      if (undeclared.length || unused.length) {
        problems[name] = { undeclared, unused };
      }
    }
    assert.deepEqual(
      problems,
      {},
      'imported but not declared, or declared but never loaded',
    );
  });

  it('install the CLI alone: one bundle, no runtime dependencies', () => {
    const { manifest, files, file } = get('@alpine-advisor/cli');
    assert.deepEqual(manifest.dependencies ?? {}, {});
    assert.equal(manifest.bin['alpine-advisor'], 'bin/alpine-advisor');
    for (const shipped of [
      'bin/alpine-advisor',
      'dist/alpine-advisor.cjs',
      'dist/vendor/mvdan-sh.js',
    ]) {
      assert.ok(files.includes(shipped), shipped);
    }
    // Unpacked where no node_modules can be found, it still lints, including
    // a RUN body only the vendored shell parser reads.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'alpine-advisor-cli-'));
    execFileSync('tar', ['-xzf', file, '-C', dir]);
    const bin = path.join(dir, 'package', 'bin', 'alpine-advisor');
    const version = execFileSync(process.execPath, [bin, '--version'], {
      encoding: 'utf8',
      cwd: dir,
    });
    assert.equal(version.trim(), manifest.version);
    const dockerfile = [
      'FROM alpine:3.20',
      'RUN case "$(uname -m)" in x86_64) apk add curl ;; *) echo other ;; esac',
      '',
    ].join('\n');
    const result = spawnSync(
      process.execPath,
      [bin, '--format', 'json', '--fail-on', 'none', '-'],
      { input: dockerfile, encoding: 'utf8', cwd: dir },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).files.length, 1);
    rmSync(dir, { recursive: true, force: true });
  });

  it('are accepted by npm publish --dry-run', () => {
    for (const { name, file } of packed) {
      const output = execFileSync(
        'npm',
        ['publish', '--dry-run', '--access', 'public', '--json', file],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          cwd: os.tmpdir(),
        },
      );
      const report = JSON.parse(output.slice(output.indexOf('{')));
      const published = report[name] ?? report;
      assert.equal(published.name, name);
    }
  });
});
