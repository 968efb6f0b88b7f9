import type { OutputFormat } from '../cli/options';
import type { Formatter } from './FormatContext';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatTty } from './tty';

export type { FormatContext, Formatter } from './FormatContext';

const FORMATTERS: Record<OutputFormat, Formatter> = {
  tty: formatTty,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
};

export function formatterFor(format: OutputFormat): Formatter {
  return FORMATTERS[format];
}
