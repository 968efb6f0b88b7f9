#!/usr/bin/env node
/*
 * Writes src/api/generated/openapi.ts from the backend's OpenAPI spec
 * (plugins/alpine-advisor-backend/src/schema/openapi.yaml) with
 * openapi-typescript: the schemas of the HTTP contract as TypeScript types,
 * which -common exports to the frontend and to other backend modules. The
 * spec is read with merge keys resolved (EntityReport extends EntitySummary
 * through `<<: *anchor`), then handed to openapi-typescript as an object.
 *
 * `--check` exits 1 when the committed file differs from what the spec gives
 * (CI runs it, so the types never drift from the spec).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import openapiTS, { astToString } from 'openapi-typescript';

const require = createRequire(import.meta.url);
const prettier = require('prettier');
const prettierConfig = require('@backstage/cli/config/prettier');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specPath = resolve(
  root,
  '../alpine-advisor-backend/src/schema/openapi.yaml',
);
const outPath = resolve(root, 'src/api/generated/openapi.ts');

async function render() {
  const spec = parse(readFileSync(specPath, 'utf8'), { merge: true });
  const ast = await openapiTS(spec, { alphabetize: false });
  const header = `// Generated from ${relative(
    root,
    specPath,
  )} by scripts/generate-api-types.mjs (openapi-typescript).
// Do not edit: change the spec and run \`yarn generate:api-types\` in plugins/alpine-advisor-common.
/* eslint-disable */
`;
  // -common exports the schemas and the operations (as
  // AlpineAdvisorApiComponents and AlpineAdvisorApiOperations): tag them for
  // the API report like the rest of its public API.
  const types = astToString(ast)
    .replace(
      /^export interface components \{/m,
      '/** The schemas of the OpenAPI spec. @public */\nexport interface components {',
    )
    .replace(
      /^export interface operations \{/m,
      '/** The operations of the OpenAPI spec: parameters and responses. @public */\nexport interface operations {',
    )
    // openapi-typescript's JSDoc tags are not TSDoc (the API report warns
    // on them): the enum is in the type, the description is the comment.
    .replace(/^\s*\/\*\* @enum \{\w+\} \*\/\n/gm, '')
    .replace(/^(\s*\*) @enum \{\w+\}\n/gm, '')
    .replace(/@description /g, '');
  return prettier.format(header + types, {
    ...prettierConfig,
    parser: 'typescript',
  });
}

const text = await render();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(outPath, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (current !== text) {
    process.stderr.write(
      `${relative(
        process.cwd(),
        outPath,
      )} is out of date with the OpenAPI spec: run \`yarn generate:api-types\` in plugins/alpine-advisor-common\n`,
    );
    process.exit(1);
  }
} else {
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, text);
}
