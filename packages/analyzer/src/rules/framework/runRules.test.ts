import { buildModel } from '../../model';
import { parseDockerfile } from '../../parse';
import type { RuleMeta } from '../../types';
import { runRules } from './runRules';
import type { Rule } from './types';

const meta: RuleMeta = {
  id: 'test-rule',
  title: 'Test rule',
  category: 'hygiene',
  severity: 'warning',
  rationale: 'For tests.',
  remediation: 'None.',
  references: [],
  aliases: [],
  fixable: true,
  scope: 'any',
};

/** Reports every word `x` of a RUN with the given message, fixed to `y` when `fixable` says so. */
function wordRule(
  message: (word: string) => string,
  fixable = () => true,
): Rule {
  return {
    meta,
    check: context => ({
      RUN(run) {
        for (const command of run.script.commands)
          for (const word of command.argv)
            if (/^x\d?$/.test(word.value))
              context.report({
                at: word,
                message: message(word.value),
                fix: fixable()
                  ? {
                      description: 'Replace x by y',
                      edits: [{ start: word.start, end: word.end, text: 'y' }],
                    }
                  : undefined,
              });
      },
    }),
  };
}

const findingsOf = (rule: Rule, text: string) =>
  runRules(buildModel(parseDockerfile(text)), [rule], { now: new Date(0) });

describe('runRules', () => {
  it('merges findings of one rule alike on one line, fixes included', () => {
    const findings = findingsOf(
      wordRule(() => 'an x'),
      'FROM alpine:3.22\nRUN x && x\n',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, column: 5, message: 'an x' });
    expect(findings[0].fix?.edits.map(edit => edit.column)).toEqual([5, 10]);
  });

  it('keeps findings whose messages tell them apart', () => {
    const findings = findingsOf(
      wordRule(word => `an ${word}`),
      'FROM alpine:3.22\nRUN x1 && x2\n',
    );
    expect(findings.map(finding => finding.message)).toEqual([
      'an x1',
      'an x2',
    ]);
  });

  it('offers no fix for a merged finding when one of its parts had none', () => {
    let count = 0;
    const findings = findingsOf(
      wordRule(
        () => 'an x',
        () => count++ === 0,
      ),
      'FROM alpine:3.22\nRUN x && x && x\n',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].fix).toBeUndefined();
  });
});
