/** What a line of a unified diff is, for colouring it. */
export type DiffLineKind = 'header' | 'removed' | 'added' | 'context';

/**
 * Classifies each line of a unified diff. File headers (`---`/`+++`) only
 * come before the first hunk: inside one, `--- x` is a removed line `-- x`.
 */
export function diffLineKinds(lines: string[]): DiffLineKind[] {
  let inHunk = false;
  return lines.map(line => {
    if (line.startsWith('@@')) {
      inHunk = true;
      return 'header';
    }
    if (!inHunk || line.startsWith('\\')) return 'header';
    if (line.startsWith('-')) return 'removed';
    if (line.startsWith('+')) return 'added';
    return 'context';
  });
}
