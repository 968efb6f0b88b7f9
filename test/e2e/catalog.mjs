// Reads the example catalog from examples/ so tests follow the data, not a copy of it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const examplesDir = new URL('../../examples', import.meta.url).pathname;

function catalogFiles(dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return catalogFiles(path);
    return name === 'catalog-info.yaml' || name === 'org.yaml' ? [path] : [];
  });
}

export function exampleEntities() {
  return catalogFiles(examplesDir).flatMap(file =>
    parseAllDocuments(readFileSync(file, 'utf8'))
      .map(doc => doc.toJS())
      .filter(Boolean),
  );
}

export function exampleComponents() {
  return exampleEntities().filter(entity => entity.kind === 'Component');
}
