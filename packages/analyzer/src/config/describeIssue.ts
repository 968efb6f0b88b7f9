import type { ZodIssue } from 'zod';
import { ConfigProblem } from './ConfigError';
import { formatKeyPath } from './keyPath';
import { knowledgeKeysAt } from '../knowledge/overridesSchema';
import { OVERRIDE_KEYS, TOP_LEVEL_KEYS } from './schema';

const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  null: 'nothing (null)',
};

/** Turns a schema violation into problems a user can act on, one per bad key. */
export function describeIssue(
  issue: ZodIssue,
  keysAt: (
    path: ReadonlyArray<string | number>,
  ) => readonly string[] = allowedKeysAt,
): ConfigProblem[] {
  const keyPath = formatKeyPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map(key => ({
        keyPath: formatKeyPath([...issue.path, key]),
        message: unknownKeyMessage(key, keysAt(issue.path)),
      }));
    case 'invalid_enum_value':
      return [
        {
          keyPath,
          message: `expected one of ${issue.options.join(
            ', ',
          )}, got ${JSON.stringify(issue.received)}`,
        },
      ];
    case 'invalid_type':
      return [
        {
          keyPath,
          message:
            issue.received === 'undefined'
              ? `is required (${typeName(issue.expected)})`
              : `expected ${typeName(issue.expected)}, got ${typeName(
                  issue.received,
                )}`,
        },
      ];
    case 'too_small':
      return [
        {
          keyPath,
          message:
            issue.type === 'array'
              ? 'must list at least one entry'
              : 'must not be empty',
        },
      ];
    default:
      return [{ keyPath, message: issue.message }];
  }
}

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function allowedKeysAt(
  path: ReadonlyArray<string | number>,
): readonly string[] {
  if (path[0] === 'knowledge') return knowledgeKeysAt(path.slice(1));
  return path.length === 0 ? TOP_LEVEL_KEYS : OVERRIDE_KEYS;
}

function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  const suggestion = closest(key, allowed);
  const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
  return `unknown key (${hint}allowed: ${allowed.join(', ')})`;
}

/** The allowed key a typo most likely meant, if any is close enough. */
function closest(
  key: string,
  candidates: readonly string[],
): string | undefined {
  const normalized = key.toLowerCase().replace(/[-_\s]/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(normalized, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(key.length / 3))
    ? best
    : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}
