// Checks that every corpus case is well-formed: case.yaml shape, the file it names,
// concept phrases from the README vocabulary, and line numbers inside the file.
// Usage: node test/corpus/check.mjs   (exit code 1 and one line per problem otherwise)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const corpusDir = new URL('.', import.meta.url).pathname;
const GRADES = ['A', 'B', 'C', 'D', 'F'];
const CASE_FOLDER = /^(\d{3})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

// The README's "Concept phrases" table is the vocabulary: the first column holds one or
// more phrases in backticks, the last the Part B pattern numbers ("17–19", "8, 9") a
// concept may cite as "(musl B1#17)".
function conceptPhrases() {
  const readme = readFileSync(join(corpusDir, 'README.md'), 'utf8');
  const table = readme.split('## Concept phrases')[1].split('\n## ')[0];
  const phrases = new Map();
  for (const row of table.split('\n').filter(line => line.startsWith('| `'))) {
    const cells = row.split('|');
    const patterns = partBNumbers(cells[cells.length - 2]);
    for (const [, phrase] of cells[1].matchAll(/`([^`]+)`/g))
      phrases.set(phrase, patterns);
  }
  return phrases;
}

function partBNumbers(cell) {
  const numbers = new Set();
  for (const [, from, to] of cell.matchAll(/(\d+)(?:\s*[–-]\s*(\d+))?/g)) {
    for (let n = Number(from); n <= Number(to ?? from); n++) numbers.add(n);
  }
  return numbers;
}

function caseFolders() {
  return readdirSync(corpusDir)
    .filter(name => statSync(join(corpusDir, name)).isDirectory())
    .sort();
}

function fileLines(path) {
  return readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
}

function checkCase(folder, phrases) {
  const problems = [];
  const fail = message => problems.push(`${folder}: ${message}`);
  const casePath = join(corpusDir, folder, 'case.yaml');
  if (!existsSync(casePath)) return [`${folder}: case.yaml missing`];
  const spec = parse(readFileSync(casePath, 'utf8'));

  if (typeof spec.description !== 'string' || spec.description.length < 20)
    fail('description missing or too short');
  const dockerfile = join(corpusDir, folder, String(spec.file));
  if (!existsSync(dockerfile))
    return [...problems, `${folder}: file ${spec.file} does not exist`];
  const lines = fileLines(dockerfile);

  const tags = Array.isArray(spec.tags) ? spec.tags : [];
  if (tags.filter(tag => tag === 'good' || tag === 'bad').length !== 1)
    fail('tags need exactly one of good/bad');

  const { clean, grade, concepts } = spec.expect ?? {};
  if (typeof clean !== 'boolean') fail('expect.clean must be true or false');
  if (
    !Array.isArray(grade) ||
    grade.length !== 2 ||
    !grade.every(g => GRADES.includes(g))
  ) {
    fail('expect.grade must be [best, worst] with grades A..F');
  } else if (GRADES.indexOf(grade[0]) > GRADES.indexOf(grade[1])) {
    fail(`expect.grade ${grade} is not ordered best to worst`);
  }
  if (!Array.isArray(concepts))
    return [...problems, `${folder}: expect.concepts must be a list`];

  if (clean !== tags.includes('good'))
    fail('tag good must go with expect.clean: true and bad with false');
  if (clean && concepts.some(concept => !concept.endsWith('(info)')))
    fail('a clean case may list info concepts only');
  if (!clean && concepts.length === 0)
    fail('a case that is not clean must list its concepts');
  if (tags.includes('parse-error') && grade?.join() !== 'F,F')
    fail('parse errors must expect grade [F, F]');

  for (const concept of concepts) {
    const [, phrase, cited] = /^(.+?)(?: \(musl B\d#(\d+)\))?: /.exec(
      concept,
    ) ?? [undefined, concept];
    if (!phrases.has(phrase)) fail(`unknown concept phrase "${phrase}"`);
    else if (cited && !phrases.get(phrase).has(Number(cited)))
      fail(`"${phrase}" does not match Part B #${cited}`);
    for (const [, number] of concept.matchAll(/\bline (\d+)/g)) {
      const line = lines[Number(number) - 1];
      if (line === undefined || line.trim() === '')
        fail(
          `"${concept}" points at line ${number}, which is empty or missing`,
        );
    }
  }
  return problems;
}

const phrases = conceptPhrases();
const folders = caseFolders();
const problems = [];
folders.forEach((folder, index) => {
  const match = CASE_FOLDER.exec(folder);
  if (!match) problems.push(`${folder}: folder name must be NNN-kebab-case`);
  else if (Number(match[1]) !== index + 1)
    problems.push(
      `${folder}: expected number ${String(index + 1).padStart(3, '0')}`,
    );
  problems.push(...checkCase(folder, phrases));
});

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} problem(s) in ${folders.length} cases`);
  process.exit(1);
}
console.log(
  `${folders.length} cases, ${phrases.size} concept phrases: all well-formed`,
);
