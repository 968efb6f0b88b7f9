/**
 * Formats a location in the config as a reader would write it:
 * `overrides[0].severity.apk-no-cache`. Keys that would be ambiguous in dotted
 * form are quoted.
 */
export function formatKeyPath(path: ReadonlyArray<string | number>): string {
  let formatted = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      formatted += `[${segment}]`;
    } else if (/^[\w:/-]+$/.test(segment)) {
      formatted += formatted ? `.${segment}` : segment;
    } else {
      formatted += `[${JSON.stringify(segment)}]`;
    }
  }
  return formatted;
}
