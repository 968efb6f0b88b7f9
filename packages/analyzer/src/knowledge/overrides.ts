/*
 * The one loader of knowledge overrides given as text or data.
 */
import { parseDocument } from 'yaml';
import { ConfigError } from '../config/ConfigError';
import { describeIssue } from '../config/describeIssue';
import type { KnowledgeOverrides } from '../types';
import {
  knowledgeKeysAt,
  knowledgeSchema,
  toKnowledgeOverrides,
} from './overridesSchema';

/**
 * Validates knowledge overrides given as data (from app-config or a
 * refresh) or as YAML/JSON text (a `--knowledge` file). Throws ConfigError
 * naming `sourceName`, the key and what is wrong.
 * @public
 */
export function parseKnowledge(
  input: unknown,
  sourceName: string,
): KnowledgeOverrides {
  const raw = typeof input === 'string' ? readText(input, sourceName) : input;
  if (raw === null || raw === undefined) return {};
  const parsed = knowledgeSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      sourceName,
      parsed.error.issues.flatMap(issue =>
        describeIssue(issue, knowledgeKeysAt),
      ),
    );
  }
  return toKnowledgeOverrides(parsed.data);
}

function readText(text: string, sourceName: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigError(sourceName, [
      {
        keyPath: '',
        message: `invalid YAML or JSON: ${
          document.errors[0].message.split('\n')[0]
        }`,
      },
    ]);
  }
  try {
    return document.toJS();
  } catch (error) {
    throw new ConfigError(sourceName, [
      { keyPath: '', message: `invalid YAML: ${(error as Error).message}` },
    ]);
  }
}
