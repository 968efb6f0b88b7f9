/**
 * Helpers shared by the repository-level test suites (test/corpus, …): they
 * read the Dockerfile corpus so that every suite sees the same cases.
 *
 * @packageDocumentation
 */
export { loadCorpusCases, parseConcept } from './corpusCases';
export type { CorpusCase, ExpectedConcept, Grade } from './corpusCases';
export { readConceptPhrases } from './conceptPhrases';
