import type { FormatContext } from './FormatContext';

/** The analyzer's versioned Report, as is: `{"version":1,"files":[…]}`. */
export function formatJson(context: FormatContext): string {
  return `${JSON.stringify(context.report, null, 2)}\n`;
}
