/* eslint-disable no-console, new-cap -- a benchmark script: it prints its numbers, and the parsers expose Go-style capitalised methods. */
// Compares the npm shell parsers the analyzer could use for RUN bodies, on
// correctness (does it parse the bodies, and find the commands) and speed.
// Run: node --require @backstage/cli/config/nodeTransform.cjs packages/analyzer/bench/shell-parsers.mjs
// (the transform lets it load the analyzer's own TypeScript fast path too).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { RUN_BODIES } from './run-bodies.mjs';

const require = createRequire(import.meta.url);
const ITERATIONS = 300;

function timeSync(name, parseOne) {
  let failures = 0;
  for (const body of RUN_BODIES) {
    try {
      parseOne(body);
    } catch {
      failures++;
    }
  }
  const start = performance.now();
  for (let i = 0; i < ITERATIONS; i++) {
    for (const body of RUN_BODIES) {
      try {
        parseOne(body);
      } catch {
        // counted above
      }
    }
  }
  const perBody =
    ((performance.now() - start) * 1000) / (ITERATIONS * RUN_BODIES.length);
  console.log(
    `${name.padEnd(34)} ${perBody
      .toFixed(1)
      .padStart(8)} µs/RUN body   unparsed: ${failures}/${RUN_BODIES.length}`,
  );
}

const TOTAL_CHARS = RUN_BODIES.reduce((sum, body) => sum + body.length, 0);
console.log(
  `${RUN_BODIES.length} bodies, mean ${(
    TOTAL_CHARS / RUN_BODIES.length
  ).toFixed(0)} chars`,
);

async function timeAsync(name, parseOne) {
  let failures = 0;
  for (const body of RUN_BODIES) {
    try {
      await parseOne(body);
    } catch {
      failures++;
    }
  }
  const iterations = 20;
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    for (const body of RUN_BODIES) {
      try {
        await parseOne(body);
      } catch {
        // counted above
      }
    }
  }
  const perBody =
    ((performance.now() - start) * 1000) / (iterations * RUN_BODIES.length);
  console.log(
    `${name.padEnd(34)} ${perBody
      .toFixed(1)
      .padStart(8)} µs/RUN body   unparsed: ${failures}/${RUN_BODIES.length}`,
  );
}

function measureLoad(name, load) {
  const start = performance.now();
  const value = load();
  console.log(
    `${name.padEnd(34)} ${(performance.now() - start)
      .toFixed(1)
      .padStart(8)} ms module load`,
  );
  return value;
}

// mvdan-sh: GopherJS, synchronous.
const mvdan = measureLoad('mvdan-sh', () => require('mvdan-sh'));
const mvdanParser = mvdan.syntax.NewParser();
timeSync('mvdan-sh Parse', body => mvdanParser.Parse(body, 'run.sh'));
timeSync('mvdan-sh Parse + extract commands', body =>
  mvdanCommands(mvdanParser.Parse(body, 'run.sh'), body),
);

function mvdanCommands(file, source) {
  const commands = [];
  mvdan.syntax.Walk(file, node => {
    if (node && mvdan.syntax.NodeType(node) === 'CallExpr') {
      commands.push(
        node.Args.map(word =>
          source.slice(word.Pos().Offset(), word.End().Offset()),
        ),
      );
    }
    return true;
  });
  return commands;
}

// web-tree-sitter + tree-sitter-bash: async init, then synchronous parse.
const TreeSitter = measureLoad('web-tree-sitter', () =>
  require('web-tree-sitter'),
);
const initStart = performance.now();
await TreeSitter.Parser.init();
const bashWasm = readFileSync(
  require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'),
);
const bash = TreeSitter.Language.loadSync(new WebAssembly.Module(bashWasm));
console.log(
  `${'web-tree-sitter init + bash load'.padEnd(34)} ${(
    performance.now() - initStart
  )
    .toFixed(1)
    .padStart(8)} ms`,
);
const tsParser = new TreeSitter.Parser();
tsParser.setLanguage(bash);
timeSync('tree-sitter-bash parse + extract', body => {
  const tree = tsParser.parse(body);
  const commands = [];
  const cursor = tree.walk();
  let descending = true;
  for (;;) {
    if (descending && cursor.nodeType === 'command') {
      const node = cursor.currentNode;
      commands.push(
        node.namedChildren.map(child =>
          body.slice(child.startIndex, child.endIndex),
        ),
      );
    }
    if (descending && cursor.gotoFirstChild()) continue;
    if (cursor.gotoNextSibling()) {
      descending = true;
      continue;
    }
    if (!cursor.gotoParent()) break;
    descending = false;
  }
  tree.delete();
  return commands;
});
timeSync('tree-sitter-bash parse', body => {
  const tree = tsParser.parse(body);
  const failed = tree.rootNode.hasError;
  tree.delete();
  if (failed) throw new Error('syntax error');
});

// sh-syntax: mvdan/sh compiled to Go wasm; instantiates per call, JSON AST.
const shSyntax = measureLoad('sh-syntax', () => require('sh-syntax'));
await timeAsync('sh-syntax parse (async)', body =>
  shSyntax.parse(body, { variant: shSyntax.LangVariant.LangPOSIX }),
);

// The analyzer's fast path (src/shell/parseCommonShell.ts), when TypeScript can be loaded.
let parseCommonShell;
try {
  ({ parseCommonShell } = require('../src/shell/parseCommonShell.ts'));
} catch {
  console.log(
    'analyzer fast path: run with --require @backstage/cli/config/nodeTransform.cjs to include it',
  );
}
if (parseCommonShell) {
  timeSync('analyzer fast path (commands)', body => {
    if (!parseCommonShell(body, 0)) throw new Error('left to mvdan/sh');
  });
}
