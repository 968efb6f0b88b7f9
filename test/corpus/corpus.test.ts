import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { analyzeDockerfile, listRules } from '@alpine-advisor/analyzer';
import { loadCorpusCases, readConceptPhrases } from '../src';
import { compareCase, discrepancyKey } from './compareCase';
import { CONCEPT_RULES, KNOWN_GAPS } from './concepts';
import { EXPECTED_DISCREPANCIES } from './expectedDiscrepancies';

// End-of-life expectations in the cases assume this analysis date.
const ANALYSIS_DATE = new Date('2026-11-28');

const corpusDir = __dirname;
const cases = loadCorpusCases(corpusDir);
const registeredRules = new Set(listRules().map(rule => rule.id));

function expectedFor(caseId: string): string[] {
  return EXPECTED_DISCREPANCIES.filter(entry => entry.caseId === caseId)
    .map(discrepancyKey)
    .sort();
}

describe('Dockerfile corpus', () => {
  it('is well-formed (check.mjs)', () => {
    expect(() =>
      execFileSync(process.execPath, [join(corpusDir, 'check.mjs')], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });

  describe('concept table', () => {
    const phrases = readConceptPhrases(corpusDir);

    it('maps every README phrase to rules or lists it as a known gap, not both', () => {
      const unaccounted = phrases.filter(
        phrase => !(phrase in CONCEPT_RULES) && !(phrase in KNOWN_GAPS),
      );
      const both = phrases.filter(
        phrase => phrase in CONCEPT_RULES && phrase in KNOWN_GAPS,
      );
      const unknown = [
        ...Object.keys(CONCEPT_RULES),
        ...Object.keys(KNOWN_GAPS),
      ].filter(phrase => !phrases.includes(phrase));
      expect({ unaccounted, both, unknown }).toEqual({
        unaccounted: [],
        both: [],
        unknown: [],
      });
    });

    it('names only registered rules', () => {
      const unregistered = Object.entries(CONCEPT_RULES).flatMap(
        ([phrase, ruleIds]) =>
          ruleIds
            .filter(ruleId => !registeredRules.has(ruleId))
            .map(ruleId => `${phrase} → ${ruleId}`),
      );
      expect(unregistered).toEqual([]);
    });

    it('lists as known gaps only concepts whose awaited rule is still missing', () => {
      const arrived = Object.entries(KNOWN_GAPS)
        .filter(
          ([, gap]) => gap.awaitedRule && registeredRules.has(gap.awaitedRule),
        )
        .map(
          ([phrase, gap]) =>
            `${phrase}: ${gap.awaitedRule} is registered, move it to CONCEPT_RULES`,
        );
      expect(arrived).toEqual([]);
    });

    it('lists expected discrepancies only for existing cases, with a reason', () => {
      const caseIds = new Set(cases.map(corpusCase => corpusCase.id));
      const invalid = EXPECTED_DISCREPANCIES.filter(
        entry => !caseIds.has(entry.caseId) || entry.reason.trim() === '',
      );
      expect(invalid).toEqual([]);
    });
  });

  describe.each(cases.map(corpusCase => [corpusCase.id, corpusCase] as const))(
    '%s',
    (_id, corpusCase) => {
      it('gets the expected findings and grade (or exactly the listed discrepancies)', () => {
        const report = analyzeDockerfile(
          { path: corpusCase.file, content: corpusCase.content },
          { now: ANALYSIS_DATE },
        );
        const actual = compareCase(corpusCase, report);
        const expected = expectedFor(corpusCase.id);
        const unlisted = actual
          .filter(
            discrepancy => !expected.includes(discrepancyKey(discrepancy)),
          )
          .map(
            discrepancy =>
              `${discrepancyKey(discrepancy)}: ${discrepancy.detail}`,
          );
        const actualKeys = actual.map(discrepancyKey);
        const stale = expected.filter(key => !actualKeys.includes(key));
        expect({ unlisted, stale }).toEqual({ unlisted: [], stale: [] });
      });
    },
  );
});
