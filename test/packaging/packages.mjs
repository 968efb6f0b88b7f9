// The packages this repository publishes, built and packed the way a release
// packs them (`yarn pack`: prepack/postpack scripts, publishConfig applied,
// `workspace:^` replaced by the version). Shared by the tarball test
// (packages.test.mjs) and the adoption test (test/adopt).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

/** Every package meant for the npm registry, by folder, in dependency order. */
export const PUBLIC_PACKAGES = [
  'packages/analyzer',
  'packages/repository-layout',
  'packages/image-inspector',
  'plugins/alpine-advisor-common',
  'plugins/alpine-advisor-node',
  'plugins/alpine-advisor-backend',
  'plugins/alpine-advisor',
  'plugins/tech-insights-backend-module-alpine-advisor',
  'plugins/scorecard-backend-module-alpine-advisor',
  'plugins/search-backend-module-alpine-advisor',
  'packages/cli',
].map(dir => {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8'),
  );
  return {
    dir,
    name: manifest.name,
    version: manifest.version,
    /**
     * `@scope/name` → `scope-name.tgz`: without the version, so that the
     * README's install steps stay the same from release to release.
     */
    tarball: `${manifest.name.replace(/^@/, '').replace('/', '-')}.tgz`,
  };
});

function run(command, args, options = {}) {
  return execFileSync(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
}

/**
 * Type declarations (root `yarn tsc` → dist-types) and every public package's
 * `backstage-cli package build`.
 */
export function buildPackages({ log = () => {} } = {}) {
  log('yarn tsc (declarations into dist-types)');
  run('yarn', ['tsc']);
  for (const pkg of PUBLIC_PACKAGES) {
    log(`build ${pkg.name}`);
    run('yarn', ['workspace', pkg.name, 'build']);
  }
}

/** Packs every public package into outDir; returns the packages with their tarball paths. */
export function packPackages(outDir, { log = () => {} } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  return PUBLIC_PACKAGES.map(pkg => {
    log(`pack ${pkg.name}`);
    const file = path.join(outDir, pkg.tarball);
    run('yarn', ['workspace', pkg.name, 'pack', '--out', file]);
    return { ...pkg, file };
  });
}

/** The files of a tarball, without the leading `package/`. */
export function tarballFiles(file) {
  return run('tar', ['-tzf', file])
    .split('\n')
    .filter(Boolean)
    .map(entry => entry.replace(/^package\//, ''));
}

/** One file of a tarball as text. */
export function tarballText(file, entry) {
  return run('tar', ['-xzOf', file, `package/${entry}`]);
}
