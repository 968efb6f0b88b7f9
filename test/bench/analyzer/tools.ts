import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A linter reduced to "text in, result out", loaded on demand so its load cost is measurable. */
export interface Tool {
  name: string;
  /** What the row measures, printed under the table. */
  note: string;
  load(): Promise<LoadedTool>;
}

export interface LoadedTool {
  /** Everything the tool produces for one file, as its API returns it. */
  lint(text: string): unknown;
  /** How many findings a result holds; undefined for the parse floor. */
  countFindings?(result: unknown): number;
}

const length = (result: unknown) => (result as unknown[]).length;

/* eslint-disable @typescript-eslint/no-require-imports */

export const TOOLS: Tool[] = [
  {
    name: 'dockerfile-ast parse (floor)',
    note: 'DockerfileParser.parse(text): the parse every dockerfile-ast based tool pays.',
    async load() {
      const { DockerfileParser } = require('dockerfile-ast');
      return { lint: text => DockerfileParser.parse(text) };
    },
  },
  {
    name: 'alpine-advisor analyzeDockerfile',
    note: 'Our full analysis: parse, stage model, shell parsing, all rules, suppressions, score.',
    async load() {
      const { analyzeDockerfile } = require('../../../packages/analyzer/src');
      return {
        lint: (text: string) =>
          analyzeDockerfile({ path: 'Dockerfile', content: text }),
        countFindings: (result: unknown) =>
          (result as { findings: unknown[] }).findings.length,
      };
    },
  },
  {
    name: 'dockerfilelint run()',
    note: 'replicatedhq/dockerfilelint 1.8.0: line split + regexes; stats its rc file on every call.',
    async load() {
      const dockerfilelint = require('dockerfilelint');
      // An empty directory: no .dockerfilelintrc, default rules, as in the perf anchors.
      const configDir = mkdtempSync(join(tmpdir(), 'dockerfilelint-'));
      return {
        lint: text => dockerfilelint.run(configDir, text),
        countFindings: length,
      };
    },
  },
  {
    name: 'dockerfile-utils validate()',
    note: 'rcjsuen/dockerfile-utils: the Dockerfile language server validator, on dockerfile-ast.',
    async load() {
      const { validate } = require('dockerfile-utils');
      return { lint: text => validate(text), countFindings: length };
    },
  },
  {
    name: 'dockerlinter (ShellCheck off)',
    note: "buddy-works/dockerlinter 2.0.0: its CLI pipeline rebuilt from lib/ (it has no library API), '-s none'.",
    async load() {
      const base = 'dockerlinter/lib';
      const parser = await import(`${base}/parser.js`);
      const directives = await import(`${base}/directives.js`);
      const groups = await import(`${base}/groups.js`);
      const errors = await import(`${base}/errors.js`);
      const lints = (await import(`${base}/lints.js`)).default;
      const lintNames = Object.keys(lints);
      const lint = (text: string) => {
        errors.cleanErrors();
        const lines = parser.parseToLines(text);
        const inlineIgnores = groups.getInlineIgnores(lines);
        const parserDirectives = directives.directivesParser(lines);
        const escape = directives.getEscape(parserDirectives);
        let grouped = groups.groupByCommand(
          groups.groupLinesByInstruction(lines, escape),
        );
        grouped = groups.replaceArgAndEnv(grouped, escape);
        const aliases = directives.parseFromAliases(grouped);
        const parsedFile = {
          lines,
          parserDirectives,
          escape,
          groups: grouped,
          aliases,
          inlineIgnores,
        };
        for (const name of lintNames) lints[name](parsedFile);
        return errors.getErrors();
      };
      return { lint, countFindings: length };
    },
  },
];
