#!/usr/bin/env node
/*
 * Builds the CLI into one CommonJS file, dist/alpine-advisor.cjs, with the
 * analyzer and every dependency inside: starting the CLI then costs one file
 * read and no TypeScript transpiling. The repository launcher
 * (scripts/dev-bin.cjs) runs this script when the bundle is missing or older
 * than the sources; `prepack` runs it for the published package.
 *
 * mvdan-sh (1.5 MB of GopherJS) is only needed for RUN bodies the analyzer's
 * fast path cannot read, and the analyzer requires it lazily. It is copied
 * beside the bundle instead of into it, so the common case never parses it.
 *
 * yaml (~5 ms to initialise) is needed only when a config file exists, but
 * the analyzer imports it at the top of its config module, which the bundle
 * evaluates at start-up. The bundle gives that import a stand-in exporting
 * the functions the analyzer calls, which load yaml on first call. Should the
 * analyzer import another yaml export, esbuild fails the build loudly
 * ("No matching export"), so the stand-in cannot silently fall behind.
 *
 * commander requires node:child_process at load time for executable
 * subcommands, which this CLI does not have; loading it (and node:net,
 * streams…) was ~15 ms of a cold start in CPU profiles. Commander gets a
 * stand-in that loads the real module on first use instead.
 */
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const distDir = path.join(packageDir, 'dist');
const outfile = path.join(distDir, 'alpine-advisor.cjs');
const vendorDir = path.join(distDir, 'vendor');
const requireFromPackage = createRequire(path.join(packageDir, 'package.json'));

/** Dependencies kept out of the bundle, loaded on first use from dist/vendor. */
const LAZY_VENDORED = ['mvdan-sh'];

const vendorLazyModules = {
  name: 'vendor-lazy-modules',
  setup(builder) {
    const filter = new RegExp(`^(${LAZY_VENDORED.join('|')})$`);
    builder.onResolve({ filter }, args => ({
      path: `./vendor/${args.path}.js`,
      external: true,
    }));
  },
};

function copyVendored() {
  fs.mkdirSync(vendorDir, { recursive: true });
  const requireFromAnalyzer = createRequire(
    requireFromPackage.resolve('@alpine-advisor/analyzer/package.json'),
  );
  for (const name of LAZY_VENDORED) {
    const source = requireFromAnalyzer.resolve(name);
    fs.copyFileSync(source, path.join(vendorDir, `${name}.js`));
  }
}

/** Packages whose named exports load the package on first call, by export name. */
const LAZY_FUNCTION_EXPORTS = {
  yaml: ['parseDocument'],
  // The build context's parsers: needed only when a Dockerfile has lockfiles beside it.
  '@yarnpkg/lockfile': ['parse'],
  '@yarnpkg/parsers': ['parseSyml'],
  'smol-toml': ['parse'],
  '@balena/dockerignore': ['default'],
};

const lazyFunctionExports = {
  name: 'lazy-function-exports',
  setup(builder) {
    const names = Object.keys(LAZY_FUNCTION_EXPORTS);
    builder.onResolve(
      { filter: new RegExp(`^(${names.join('|').replace(/[/]/g, '\\/')})$`) },
      args =>
        args.pluginData?.real
          ? undefined
          : {
              path: args.path,
              namespace: 'lazy-exports',
              pluginData: { resolveDir: args.resolveDir },
            },
    );
    builder.onLoad({ filter: /.*/, namespace: 'lazy-exports' }, async args => {
      // The real package, by file path so that this plugin does not catch it again.
      const resolved = await builder.resolve(args.path, {
        resolveDir: args.pluginData.resolveDir,
        kind: 'require-call',
        pluginData: { real: true },
      });
      const real = JSON.stringify(resolved.path);
      const contents = LAZY_FUNCTION_EXPORTS[args.path]
        .map(name =>
          name === 'default'
            ? `export default function (...args) { const m = require(${real}); return (m.default ?? m)(...args); }`
            : `export function ${name}(...args) { return require(${real}).${name}(...args); }`,
        )
        .join('\n');
      return { contents, loader: 'js', resolveDir: args.pluginData.resolveDir };
    });
  },
};

const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?child_process$/ }, args =>
      /[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'lazy-child-process', namespace: 'lazy' }
        : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: [
        'let real;',
        "const load = () => (real ??= require('node:child_process'));",
        'module.exports = new Proxy({}, { get: (_, key) => load()[key] });',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

async function bundle() {
  fs.mkdirSync(distDir, { recursive: true });
  copyVendored();
  // Built under a private name, then renamed: a CLI started meanwhile never loads half a file.
  const temporary = `${outfile}.${process.pid}.tmp`;
  await build({
    entryPoints: [path.join(packageDir, 'src', 'cli.ts')],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // Identifiers too: a third less to read and parse at every start.
    minify: true,
    sourcemap: false,
    legalComments: 'eof',
    logLevel: 'warning',
    plugins: [
      vendorLazyModules,
      lazyFunctionExports,
      lazyChildProcessForCommander,
    ],
  });
  fs.renameSync(temporary, outfile);
}

bundle().catch(error => {
  process.stderr.write(`alpine-advisor bundle: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
