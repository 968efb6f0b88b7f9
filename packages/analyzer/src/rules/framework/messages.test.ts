import fs from 'fs';
import path from 'path';
import { RULES } from '..';
import { ruleFolder } from '../docs/renderRuleDocs';
import { analyzeWithRules } from '../../analyze';
import { auditMessages } from '../../__testUtils__/auditMessages';
import { loadSeedDockerfiles } from '../../__testUtils__/fuzz/seedDockerfiles';

import {
  formatMessage,
  malformedPlaceholders,
  messageIssues,
  placeholdersOf,
  problemMessage,
} from './messages';
import type { RuleMeta } from '../../types';

const meta = {
  id: 'example',
  messages: { named: '{{tool}} is missing (line {{ line }})' },
} as unknown as RuleMeta;

describe('rule messages by id', () => {
  it('fills placeholders from data, and takes a literal message as it is', () => {
    expect(formatMessage(meta, 'named', { tool: 'bash', line: 3 })).toBe(
      'bash is missing (line 3)',
    );
    expect(
      problemMessage(meta, { at: { start: 0, end: 1 }, message: 'x' }),
    ).toBe('x');
    expect(placeholdersOf(meta.messages!.named)).toEqual(['tool', 'line']);
  });

  it('refuses an unknown id, a missing value or no message at all', () => {
    expect(() => formatMessage(meta, 'other')).toThrow("no message 'other'");
    expect(() => formatMessage(meta, 'toString')).toThrow('no message');
    expect(() => formatMessage(meta, 'named', { tool: 'bash' })).toThrow(
      'no value for {{line}}',
    );
    expect(() => problemMessage(meta, { at: { start: 0, end: 1 } })).toThrow(
      'without a message',
    );
  });

  it('every messageId a built-in rule reports is one of its meta.messages', () => {
    const unknown = RULES.flatMap(rule => {
      const folder = path.join(__dirname, '..', ruleFolder(rule.meta));
      const source = fs
        .readdirSync(folder)
        .filter(file => file.endsWith('.ts') && !file.endsWith('.test.ts'))
        .map(file => fs.readFileSync(path.join(folder, file), 'utf8'))
        .join('\n');
      const declared = Object.keys(rule.meta.messages ?? {});
      // Literal ids; computed ones are covered by the rule's own tests.
      const used = [...source.matchAll(/messageId:\s*'(\w+)'/g)].map(
        match => match[1],
      );
      return used
        .filter(id => !declared.includes(id))
        .map(id => `${rule.meta.id}: ${id}`);
    });
    expect(unknown).toEqual([]);
  });

  it('names what is wrong with how a problem gives its message', () => {
    const at = { start: 0, end: 1 };
    expect(
      messageIssues(meta, {
        at,
        messageId: 'named',
        data: { tool: 'bash', line: 1 },
      }),
    ).toEqual([]);
    expect(messageIssues(meta, { at, message: 'bash is missing' })).toEqual([
      'rule example reports a literal message instead of a messageId: "bash is missing"',
    ]);
    expect(messageIssues(meta, { at, messageId: 'other' })).toEqual([
      "rule example reports unknown messageId 'other'",
    ]);
    expect(
      messageIssues(meta, { at, messageId: 'named', data: { tool: 'bash' } }),
    ).toEqual(["rule example, message 'named': no value for {{line}}"]);
    expect(messageIssues(meta, { at })).toEqual([
      'rule example reported a problem without a messageId',
    ]);
    expect(malformedPlaceholders('{{tool}} in {{ the-file }}')).toEqual([
      '{{',
      '}}',
    ]);
  });

  it('every built-in rule declares its messages, each with well-formed placeholders', () => {
    const problems = RULES.flatMap(rule => {
      const messages = Object.entries(rule.meta.messages ?? {});
      if (messages.length === 0) return [`${rule.meta.id}: no meta.messages`];
      return messages
        .filter(([, template]) => malformedPlaceholders(template).length > 0)
        .map(([id, template]) => `${rule.meta.id}.${id}: ${template}`);
    });
    expect(problems).toEqual([]);
  });

  it('no built-in rule builds a literal message in its source', () => {
    const literal = RULES.flatMap(rule => {
      const folder = path.join(__dirname, '..', ruleFolder(rule.meta));
      return fs
        .readdirSync(folder)
        .filter(file => file.endsWith('.ts') && !file.endsWith('.test.ts'))
        .filter(file =>
          /\bmessage\s*:/.test(
            fs.readFileSync(path.join(folder, file), 'utf8'),
          ),
        )
        .map(file => `${rule.meta.id}/${file}`);
    });
    expect(literal).toEqual([]);
  });

  it('built-in rules report by id with every placeholder filled, on every seed Dockerfile', () => {
    const issues: string[] = [];
    const rules = RULES.map(rule => auditMessages(rule, issues));
    const reported = new Set<string>();
    for (const content of loadSeedDockerfiles()) {
      const { findings } = analyzeWithRules(
        { path: 'Dockerfile', content },
        rules,
        { now: new Date('2026-06-01T00:00:00Z') },
      );
      for (const finding of findings) reported.add(finding.ruleId);
    }
    expect(issues).toEqual([]);
    // The seeds reach most rules: a guard that this test still looks at something.
    expect(reported.size).toBeGreaterThan(RULES.length / 2);
  });
});
