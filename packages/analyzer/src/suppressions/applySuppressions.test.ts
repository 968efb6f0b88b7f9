import type { Finding } from '../types';
import { applySuppressions, InstructionLines } from './applySuppressions';

const aliases: Record<string, string[]> = {
  'apk-no-cache': ['hadolint:DL3019', 'trivy:DS-0025'],
  'apk-unpinned': ['hadolint:DL3018'],
  'no-root-user': ['hadolint:DL3002', 'trivy:DS-0002'],
};
const ruleAliases = (ruleId: string) => aliases[ruleId] ?? [];

function finding(ruleId: string, line: number): Finding {
  return {
    ruleId,
    category: 'alpine',
    severity: 'warning',
    line,
    endLine: line,
    column: 1,
    message: `${ruleId} on line ${line}`,
    remediation: '',
    // As the engine writes them: a finding carries its rule's aliases.
    aliases: ruleAliases(ruleId),
  };
}

/** Instruction ranges of a Dockerfile: a line that does not start with # or blank begins one. */
function instructionsOf(text: string): InstructionLines[] {
  const instructions: InstructionLines[] = [];
  let current: InstructionLines | undefined;
  text.split('\n').forEach((content, index) => {
    const line = index + 1;
    if (current && current.endLine === line - 1 && content.startsWith(' ')) {
      current.endLine = line;
    } else if (content.trim() && !content.trimStart().startsWith('#')) {
      current = { line, endLine: line };
      instructions.push(current);
    }
  });
  return instructions;
}

function remaining(text: string, findings: Finding[], now?: Date): string[] {
  return applySuppressions(
    findings,
    text,
    instructionsOf(text),
    ruleAliases,
    now,
  ).map(f => `${f.ruleId}@${f.line}`);
}

describe('applySuppressions', () => {
  const dockerfile = [
    'FROM alpine:3.20', // 1
    '# alpine-advisor ignore=apk-no-cache  we clean up in a later layer', // 2
    '', // 3
    '# another comment does not break the chain', // 4
    'RUN apk add curl \\', // 5
    '    git', // 6
    'RUN apk add jq', // 7
  ].join('\n');

  it('suppresses the named rule on every line of the next instruction only', () => {
    const findings = [
      finding('apk-no-cache', 5),
      finding('apk-no-cache', 6),
      finding('apk-no-cache', 7),
      finding('apk-unpinned', 5),
    ];
    expect(remaining(dockerfile, findings)).toEqual([
      'apk-no-cache@7',
      'apk-unpinned@5',
    ]);
  });

  it('suppresses everywhere with a global comment, wherever it sits', () => {
    const text = `${dockerfile}\n# alpine-advisor global ignore=apk-unpinned\n`;
    const findings = [finding('apk-unpinned', 5), finding('apk-unpinned', 7)];
    expect(remaining(text, findings)).toEqual([]);
  });

  it('honours hadolint comments through the rule aliases', () => {
    const text = [
      '# hadolint global ignore=DL3002',
      'FROM alpine:3.20',
      '# hadolint ignore=DL3019,SC2086',
      'RUN apk add curl',
      'RUN apk add jq',
    ].join('\n');
    const findings = [
      finding('no-root-user', 2),
      finding('apk-no-cache', 4),
      finding('apk-no-cache', 5),
      finding('apk-unpinned', 4),
    ];
    expect(remaining(text, findings)).toEqual([
      'apk-no-cache@5',
      'apk-unpinned@4',
    ]);
  });

  it.each(['DS-0025', 'AVD-DS-0025', 'DS025'])(
    'honours trivy:ignore:%s through the rule aliases',
    trivyId => {
      const text = `FROM alpine:3.20\n# trivy:ignore:${trivyId}\nRUN apk add curl\n`;
      expect(remaining(text, [finding('apk-no-cache', 3)])).toEqual([]);
    },
  );

  it('does not let a hadolint or trivy id silence a rule without that alias', () => {
    const text = [
      'FROM alpine:3.20',
      '# hadolint ignore=DL3019',
      '# trivy:ignore:DS-0025',
      'RUN apk add curl',
    ].join('\n');
    expect(remaining(text, [finding('apk-unpinned', 4)])).toEqual([
      'apk-unpinned@4',
    ]);
  });

  it('accepts an alias in our own syntax, and aliases carried by the finding', () => {
    const text =
      'FROM alpine\n# alpine-advisor ignore=hadolint:DL3018,trivy:DS-0099\nRUN apk add curl\n';
    const carried = {
      ...finding('custom-rule', 3),
      aliases: ['trivy:DS-0099'],
    };
    expect(remaining(text, [finding('apk-unpinned', 3), carried])).toEqual([]);
  });

  it('uses the aliases a finding narrowed itself to over the rule aliases', () => {
    const text =
      'FROM alpine\n# alpine-advisor ignore=trivy:DS-0002\nRUN apk add curl\n';
    const narrowed = {
      ...finding('no-root-user', 3),
      aliases: ['hadolint:DL3002'],
    };
    expect(remaining(text, [narrowed])).toEqual(['no-root-user@3']);
    const withoutAliases = { ...finding('no-root-user', 3) };
    delete (withoutAliases as Partial<Finding>).aliases;
    expect(remaining(text, [withoutAliases])).toEqual([]);
  });

  it('matches rule ids case-insensitively', () => {
    const text =
      'FROM alpine\n# alpine-advisor ignore=APK-No-Cache\nRUN apk add curl\n';
    expect(remaining(text, [finding('apk-no-cache', 3)])).toEqual([]);
  });

  it('ignores a comment inside an instruction (heredoc body or continuation)', () => {
    const text = [
      'FROM alpine:3.20', // 1
      'RUN <<EOF', // 2
      ' # alpine-advisor ignore=apk-no-cache', // 3 (heredoc body)
      ' # alpine-advisor global ignore=apk-unpinned', // 4 (heredoc body)
      ' apk add curl', // 5
      ' EOF', // 6
      'RUN apk add jq', // 7
    ].join('\n');
    const findings = [
      finding('apk-no-cache', 2),
      finding('apk-no-cache', 7),
      finding('apk-unpinned', 7),
    ];
    expect(remaining(text, findings)).toEqual([
      'apk-no-cache@2',
      'apk-no-cache@7',
      'apk-unpinned@7',
    ]);
  });

  it('does nothing with an inline comment that no instruction follows', () => {
    const text =
      'FROM alpine\nRUN apk add curl\n# alpine-advisor ignore=apk-no-cache\n';
    expect(remaining(text, [finding('apk-no-cache', 2)])).toEqual([
      'apk-no-cache@2',
    ]);
  });

  it('stops applying an expired Trivy suppression', () => {
    const text =
      'FROM alpine\n# trivy:ignore:DS-0025[exp:2025-06-30]\nRUN apk add curl\n';
    const findings = [finding('apk-no-cache', 3)];
    expect(remaining(text, findings, new Date('2025-06-30T12:00:00Z'))).toEqual(
      [],
    );
    expect(remaining(text, findings, new Date('2025-07-01T00:00:00Z'))).toEqual(
      ['apk-no-cache@3'],
    );
  });

  it('survives an alias lookup that throws', () => {
    const text =
      'FROM alpine\n# alpine-advisor ignore=apk-no-cache\nRUN apk add curl\n';
    const throwing = () => {
      throw new Error('unknown rule');
    };
    expect(
      applySuppressions(
        [finding('apk-no-cache', 3)],
        text,
        instructionsOf(text),
        throwing,
      ),
    ).toEqual([]);
  });

  it('keeps the order of the findings it does not drop', () => {
    const text = 'FROM alpine\n# alpine-advisor ignore=b\nRUN x\n';
    const findings = [finding('c', 3), finding('b', 3), finding('a', 1)];
    expect(remaining(text, findings)).toEqual(['c@3', 'a@1']);
  });
});
