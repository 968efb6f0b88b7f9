import type { OutputFormat } from '../cli/options';
import { formatCheckstyle } from './checkstyle';
import { formatCodeClimate } from './codeclimate';
import type { Formatter } from './FormatContext';
import { formatGnu } from './gnu';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatTty } from './tty';

export type { FormatContext, Formatter } from './FormatContext';

const FORMATTERS: Record<OutputFormat, Formatter> = {
  tty: formatTty,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
  checkstyle: formatCheckstyle,
  codeclimate: formatCodeClimate,
  junit: formatJunit,
  gnu: formatGnu,
};

export function formatterFor(format: OutputFormat): Formatter {
  return FORMATTERS[format];
}
