#!/usr/bin/env node
/*
 * Writes src/schema/openapi/generated/router.ts from src/schema/openapi.yaml:
 * the spec as a typed constant plus a validating router factory, which is
 * what `backstage-repo-tools package schema openapi generate --server`
 * produces. Kept in-repo because that tool is not installed here.
 * `--check` exits 1 when the generated file is out of date.
 */
const { readFileSync, writeFileSync, mkdirSync } = require('node:fs');
const { resolve, dirname } = require('node:path');
const { parse } = require('yaml');
const prettier = require('prettier');
const prettierConfig = require('@backstage/cli/config/prettier');

const root = resolve(__dirname, '..');
const specPath = resolve(root, 'src/schema/openapi.yaml');
const outPath = resolve(root, 'src/schema/openapi/generated/router.ts');

function render() {
  // Merge keys (`<<: *anchor`) let EntityReport extend EntitySummary while
  // both stay closed objects (additionalProperties: false).
  const spec = parse(readFileSync(specPath, 'utf8'), { merge: true });
  return `// Generated from src/schema/openapi.yaml by scripts/generate-openapi-router.js.
// Do not edit: change the YAML and run \`yarn generate:openapi\` in the plugin folder.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;
}

const output = prettier.format(render(), {
  ...prettierConfig,
  parser: 'typescript',
});
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(outPath, 'utf8');
  } catch {
    // Missing counts as out of date.
  }
  if (current !== output) {
    console.error(`${outPath} is out of date: run yarn generate:openapi`);
    process.exit(1);
  }
} else {
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, output);
}
