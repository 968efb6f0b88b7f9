#!/usr/bin/env node
/*
 * Writes docs/rules.md (the rule index) and src/rules/ruleDocs.generated.ts
 * (each rule's docs.md as a string, since the analyzer reads no files at run
 * time) from the rule registry. src/rules/ruleDocs.test.ts fails when either
 * is out of date.
 */
require('sucrase/register/ts');
const fs = require('fs');
const path = require('path');
const { RULES } = require('../src/rules/index.ts');
const {
  renderDocsModule,
  renderRuleIndex,
  ruleFolder,
} = require('../src/rules/docs/renderRuleDocs.ts');

const root = path.resolve(__dirname, '..');
const metas = RULES.map(rule => rule.meta);
const docs = metas.map(meta => [
  meta.id,
  fs.readFileSync(
    path.join(root, 'src/rules', ruleFolder(meta), 'docs.md'),
    'utf8',
  ),
]);
fs.writeFileSync(path.join(root, 'docs/rules.md'), renderRuleIndex(metas));
fs.writeFileSync(
  path.join(root, 'src/rules/ruleDocs.generated.ts'),
  renderDocsModule(docs),
);
// eslint-disable-next-line no-console
console.log(
  `Wrote docs/rules.md and src/rules/ruleDocs.generated.ts for ${metas.length} rules.`,
);
