import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A grade letter, best first. */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

/** One expected problem of a case, split into its fixed phrase and the lines it names. */
export interface ExpectedConcept {
  /** The whole line as written in case.yaml. */
  text: string;
  /** The fixed phrase before the colon (and before any "(musl B1#n)" citation). */
  phrase: string;
  /** Every "line N" the details mention, in order of appearance. */
  lines: number[];
  /** Concepts ending in "(info)" are advice. */
  info: boolean;
}

/** One folder of test/corpus, read and parsed. */
export interface CorpusCase {
  /** The folder name, e.g. `023-apk-add-without-no-cache`. */
  id: string;
  description: string;
  /** The file under test, relative to the case folder. */
  file: string;
  /** Raw bytes: BOM and CRLF cases must reach the analyzer as written. */
  content: Buffer;
  tags: string[];
  expect: {
    clean: boolean;
    /** Best and worst acceptable grade. */
    grade: [Grade, Grade];
    concepts: ExpectedConcept[];
  };
}

const CONCEPT_PATTERN = /^(.+?)(?: \(musl B\d#\d+\))?: /;

/** Splits a case.yaml concept line into phrase, cited lines and advice flag. */
export function parseConcept(text: string): ExpectedConcept {
  const phrase = CONCEPT_PATTERN.exec(text)?.[1] ?? text;
  const lines = [...text.matchAll(/\bline (\d+)/g)].map(match =>
    Number(match[1]),
  );
  return { text, phrase, lines, info: text.endsWith('(info)') };
}

function isCaseFolder(corpusDir: string, name: string): boolean {
  return /^\d{3}-/.test(name) && statSync(join(corpusDir, name)).isDirectory();
}

function readCase(corpusDir: string, id: string): CorpusCase {
  const spec = parse(readFileSync(join(corpusDir, id, 'case.yaml'), 'utf8'));
  return {
    id,
    description: spec.description,
    file: spec.file,
    content: readFileSync(join(corpusDir, id, spec.file)),
    tags: spec.tags ?? [],
    expect: {
      clean: spec.expect.clean,
      grade: spec.expect.grade,
      concepts: (spec.expect.concepts ?? []).map(parseConcept),
    },
  };
}

/** Every case folder (`NNN-name`) of a corpus directory, in number order. */
export function loadCorpusCases(corpusDir: string): CorpusCase[] {
  return readdirSync(corpusDir)
    .filter(name => isCaseFolder(corpusDir, name))
    .sort()
    .map(id => readCase(corpusDir, id));
}
