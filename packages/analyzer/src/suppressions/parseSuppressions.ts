import { normalizeRuleReference } from './ruleReference';

/** Whose comment syntax a suppression was written in. @public */
export type SuppressionSyntax = 'alpine-advisor' | 'hadolint' | 'trivy';

/** A suppression comment found in a Dockerfile. @public */
export interface Suppression {
  syntax: SuppressionSyntax;
  /** `next-instruction`: the first instruction after the comment; `file`: the whole file. */
  scope: 'next-instruction' | 'file';
  /** Normalized rule references, e.g. `apk-no-cache`, `hadolint:DL3019`, `trivy:DS-0025`. */
  ruleReferences: string[];
  /** 1-based line of the comment. */
  line: number;
  /** Free text after the rule list, when given. */
  reason?: string;
  /** Trivy's `[exp:YYYY-MM-DD]`: the suppression stops applying after this day. */
  expiresAt?: Date;
}

const RULE_LIST = String.raw`([A-Za-z0-9][\w.:/-]*(?:\s*,\s*[A-Za-z0-9][\w.:/-]*)*)`;
const ALPINE_ADVISOR_PRAGMA = new RegExp(
  String.raw`^alpine-advisor:?\s+(global\s+)?ignore\s*=\s*${RULE_LIST}(.*)$`,
  'i',
);
const HADOLINT_PRAGMA = new RegExp(
  String.raw`^hadolint\s+(global\s+)?ignore\s*=\s*${RULE_LIST}(.*)$`,
  'i',
);
const TRIVY_PRAGMA = /^trivy:ignore:/i;
const TRIVY_RULE = /trivy:ignore:([\w-]+)(?:\[([^\]]*)\])?/gi;

/**
 * Finds every suppression comment in a Dockerfile's text. It does not know
 * where instructions are, so a `#` line inside a heredoc body is reported too:
 * binding comments to instructions (`applySuppressions`) drops those.
 * @public
 */
export function parseSuppressions(text: string): Suppression[] {
  // Most files carry no suppression at all: skip splitting them into lines.
  if (!/ignore/i.test(text)) return [];
  const suppressions: Suppression[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const comment = commentBody(lines[index]);
    if (comment === undefined) continue;
    const suppression = parseComment(comment, index + 1);
    if (suppression) suppressions.push(suppression);
  }
  return suppressions;
}

function commentBody(line: string): string | undefined {
  const trimmed = line.trimStart();
  return trimmed.startsWith('#') ? trimmed.slice(1).trim() : undefined;
}

function parseComment(comment: string, line: number): Suppression | undefined {
  const ours = ALPINE_ADVISOR_PRAGMA.exec(comment);
  if (ours) return listPragma('alpine-advisor', ours, line);
  const hadolint = HADOLINT_PRAGMA.exec(comment);
  if (hadolint) return listPragma('hadolint', hadolint, line);
  if (TRIVY_PRAGMA.test(comment)) return trivyPragma(comment, line);
  return undefined;
}

function listPragma(
  syntax: SuppressionSyntax,
  [, global, ruleList, rest]: RegExpExecArray,
  line: number,
): Suppression {
  const reason = rest.trim();
  return {
    syntax,
    scope: global ? 'file' : 'next-instruction',
    ruleReferences: ruleList.split(',').map(normalizeRuleReference),
    line,
    ...(reason ? { reason } : {}),
  };
}

/** `# trivy:ignore:DS-0002 trivy:ignore:AVD-DS-0026[exp:2026-01-31]` */
function trivyPragma(comment: string, line: number): Suppression | undefined {
  const ruleReferences: string[] = [];
  let expiresAt: Date | undefined;
  for (const match of comment.matchAll(TRIVY_RULE)) {
    ruleReferences.push(normalizeRuleReference(match[1]));
    const expiry = parseExpiry(match[2]);
    // One comment, one expiry: the earliest wins, which is the cautious reading.
    if (expiry && (!expiresAt || expiry < expiresAt)) expiresAt = expiry;
  }
  if (ruleReferences.length === 0) return undefined;
  return {
    syntax: 'trivy',
    scope: 'next-instruction',
    ruleReferences,
    line,
    ...(expiresAt ? { expiresAt } : {}),
  };
}

function parseExpiry(parameters: string | undefined): Date | undefined {
  const date = parameters && /exp:(\d{4}-\d{2}-\d{2})/.exec(parameters)?.[1];
  if (!date) return undefined;
  // Expires at the end of that day (UTC): the day written is still covered.
  const expiry = new Date(`${date}T23:59:59.999Z`);
  return Number.isNaN(expiry.getTime()) ? undefined : expiry;
}
