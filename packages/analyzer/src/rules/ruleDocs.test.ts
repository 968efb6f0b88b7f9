import fs from 'fs';
import path from 'path';
import { listRules, rationaleFromDocs } from '../catalog';
import { RULES } from '.';
import {
  renderDocsModule,
  renderRuleIndex,
  ruleFolder,
} from './docs/renderRuleDocs';

const packageRoot = path.resolve(__dirname, '../..');
const REGENERATE =
  'run `yarn workspace @alpine-advisor/analyzer generate:rule-docs`';

function read(relativePath: string): string {
  return fs.readFileSync(path.join(packageRoot, relativePath), 'utf8');
}

describe('rule docs', () => {
  const metas = RULES.map(rule => rule.meta);

  it('keeps one folder per rule with meta, check, docs and tests', () => {
    const missing = metas.flatMap(meta => {
      const files = fs.readdirSync(
        path.join(packageRoot, 'src/rules', ruleFolder(meta)),
      );
      return ['meta.ts', 'check.ts', 'docs.md', `${meta.id}.test.ts`]
        .filter(file => !files.includes(file))
        .map(file => `${meta.id}/${file}`);
    });
    expect(missing).toEqual([]);
  });

  it('marks fixable exactly the rules whose tests check a fixed output', () => {
    const mismatched = metas.filter(meta => {
      const test = read(`src/rules/${ruleFolder(meta)}/${meta.id}.test.ts`);
      return meta.fixable !== /\boutput:/.test(test);
    });
    expect(mismatched.map(meta => meta.id)).toEqual([]);
  });

  it('has unique ids, and no alias that is another rule id', () => {
    // Aliases may be shared: Trivy's DS-0001 covers both untagged and latest bases.
    const ids = metas.map(meta => meta.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(
      metas.flatMap(meta => meta.aliases).filter(alias => ids.includes(alias)),
    ).toEqual([]);
    for (const meta of metas)
      expect(new Set(meta.aliases).size).toBe(meta.aliases.length);
  });

  it('documents every rule with a bad and a good example', () => {
    for (const meta of metas) {
      const markdown = read(`src/rules/${ruleFolder(meta)}/docs.md`);
      expect({
        id: meta.id,
        heading: markdown.startsWith(`# ${meta.id}\n`),
      }).toEqual({ id: meta.id, heading: true });
      expect({
        id: meta.id,
        bad: /^## Bad$/m.test(markdown),
        good: /^## Good$/m.test(markdown),
      }).toEqual({
        id: meta.id,
        bad: true,
        good: true,
      });
    }
  });

  it(`has an up-to-date rule index (else ${REGENERATE})`, () => {
    expect(read('docs/rules.md')).toBe(renderRuleIndex(metas));
  });

  it(`has an up-to-date docs module (else ${REGENERATE})`, () => {
    const docs = metas.map(
      meta => [meta.id, read(`src/rules/${ruleFolder(meta)}/docs.md`)] as const,
    );
    expect(read('src/rules/ruleDocs.generated.ts')).toBe(
      renderDocsModule(docs),
    );
  });
});

describe("a rule's why", () => {
  it('is written once, in docs.md: the catalog takes its first paragraph', () => {
    expect(
      RULES.filter(rule => rule.meta.rationale !== undefined).map(
        rule => rule.meta.id,
      ),
    ).toEqual([]);
    for (const rule of listRules()) {
      expect(rule.rationale.length).toBeGreaterThan(80);
      expect(rule.rationale).not.toMatch(/^#|\n|:$/);
      expect(rule.docs.replace(/\s+/g, ' ')).toContain(rule.rationale);
    }
    expect(rationaleFromDocs('# x\n\nWhy it\nmatters.\n\nMore.\n')).toBe(
      'Why it matters.',
    );
    expect(
      rationaleFromDocs('# x\n\nWhy it matters. Reported when:\n\n- a\n'),
    ).toBe('Why it matters.');
  });
});
