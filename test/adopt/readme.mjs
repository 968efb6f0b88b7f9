// The README's installation steps, as the adoption test applies them: each
// step is a fenced block right after an `<!-- adopt:ID -->` marker, so what
// the test runs is what an adopter reads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../packaging/packages.mjs';

/** Every marked block of the README by id: `{ lang, code }`. */
export function readmeSnippets(file = path.join(ROOT, 'README.md')) {
  const text = readFileSync(file, 'utf8');
  const snippets = new Map();
  const pattern = /<!-- adopt:([\w-]+) -->\s*\n```(\w*)\n([\s\S]*?)\n```/g;
  for (const [, id, lang, code] of text.matchAll(pattern)) {
    if (snippets.has(id)) throw new Error(`README: adopt:${id} appears twice`);
    snippets.set(id, { lang, code });
  }
  return snippets;
}

/** One marked block; fails when the README lost it. */
export function snippet(snippets, id) {
  const found = snippets.get(id);
  if (!found) throw new Error(`README has no <!-- adopt:${id} --> block`);
  return found.code;
}
