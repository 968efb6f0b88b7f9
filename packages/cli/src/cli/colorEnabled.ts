import type { CliIO } from './io';
import type { CliOptions } from './options';

/**
 * Colour only for a human at a terminal: `--color`/`--no-color` decide when
 * given, then NO_COLOR (https://no-color.org) and FORCE_COLOR, then whether
 * stdout is a TTY. A report written to a file never has escapes.
 */
export function colorEnabled(options: CliOptions, io: CliIO): boolean {
  if (options.output) return false;
  if (options.color !== undefined) return options.color;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '')
    return force !== '0' && force !== 'false';
  return Boolean(io.stdout.isTTY);
}
