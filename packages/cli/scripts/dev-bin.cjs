#!/usr/bin/env node
'use strict';
/*
 * The CLI as this repository runs it (`yarn alpine-advisor`, the bin test,
 * the cold-start benchmark): (re)builds the bundle when it is missing or
 * older than any source it is made from, so the command works right after
 * `yarn install` and always runs the current sources, then hands over to
 * bin/alpine-advisor. The published package does not contain this file (see
 * `files` in package.json): its bin only runs the prebuilt bundle.
 */
const fs = require('node:fs');
const path = require('node:path');

const packageDir = path.join(__dirname, '..');
const analyzerDir = path.join(packageDir, '..', 'analyzer');
const bundlePath = path.join(packageDir, 'dist', 'alpine-advisor.cjs');
const bundleScript = path.join(__dirname, 'bundle.mjs');

function newestSourceTime() {
  let newest = 0;
  const consider = filePath => {
    const stats = fs.statSync(filePath, { throwIfNoEntry: false });
    if (stats && stats.mtimeMs > newest) newest = stats.mtimeMs;
  };
  // String paths and typed directory entries: no path.join and no stat per
  // directory, which made this check cost more than the analysis itself.
  const walk = directory => {
    let entries;
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (entry.isDirectory()) {
        // Fixtures are test data, not part of the bundle.
        if (name !== '__fixtures__') walk(`${directory}/${name}`);
      } else if (!name.endsWith('.test.ts') && !name.endsWith('.test.tsx')) {
        consider(`${directory}/${name}`);
      }
    }
  };
  walk(path.join(packageDir, 'src'));
  walk(path.join(analyzerDir, 'src'));
  consider(path.join(packageDir, 'package.json'));
  consider(path.join(analyzerDir, 'package.json'));
  consider(bundleScript);
  return newest;
}

function bundleIsCurrent() {
  const bundle = fs.statSync(bundlePath, { throwIfNoEntry: false });
  return bundle !== undefined && bundle.mtimeMs >= newestSourceTime();
}

if (!bundleIsCurrent()) {
  const { status } = require('node:child_process').spawnSync(
    process.execPath,
    [bundleScript],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (status !== 0) {
    process.stderr.write('alpine-advisor: building the CLI bundle failed\n');
    process.exit(2);
  }
}

// The root `yarn alpine-advisor` script runs from the repository root and
// passes the directory it was typed in, so relative paths work.
const invokedFrom = process.env.ALPINE_ADVISOR_CWD;
if (invokedFrom) {
  try {
    process.chdir(invokedFrom);
  } catch {
    // Keep the current directory when the original one is gone.
  }
}

require('../bin/alpine-advisor');
