import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The fixed concept phrases of the corpus README's "Concept phrases" table
 * (first column, in backticks): the vocabulary case.yaml concepts start with.
 */
export function readConceptPhrases(corpusDir: string): string[] {
  const readme = readFileSync(join(corpusDir, 'README.md'), 'utf8');
  const table = readme.split('## Concept phrases')[1]?.split('\n## ')[0] ?? '';
  return table
    .split('\n')
    .filter(line => line.startsWith('| `'))
    .flatMap(row => [...row.split('|')[1].matchAll(/`([^`]+)`/g)])
    .map(match => match[1]);
}
