import type { Finding } from '../types';

/**
 * A finding's identity that survives unrelated edits: the file's path, the
 * rule and the text of the instruction lines it points at (whitespace
 * collapsed), not the line number, so a line added above keeps it. Two
 * findings of one rule on identical instruction text in one file share it.
 * 16 hex characters (two 32-bit FNV-1a hashes); not a security measure.
 * @public
 */
export function findingFingerprint(
  path: string,
  finding: Pick<Finding, 'ruleId' | 'line' | 'endLine'>,
  text: string,
): string {
  return fingerprintOf(path, finding, lineTable(text));
}

/** The same, over lines already split (one split per file). */
export function fingerprintOf(
  path: string,
  finding: Pick<Finding, 'ruleId' | 'line' | 'endLine'>,
  lines: readonly string[],
): string {
  const first = Math.max(1, finding.line);
  const last = Math.min(lines.length, Math.max(first, finding.endLine));
  const snippet = lines
    .slice(first - 1, last)
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
  const key = `${path}\u0000${finding.ruleId}\u0000${snippet}`;
  return hex(fnv1a(key, 0x811c9dc5)) + hex(fnv1a(key, 0x01000193 ^ 0x5bd1e995));
}

export function lineTable(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function hex(value: number): string {
  return value.toString(16).padStart(8, '0');
}
