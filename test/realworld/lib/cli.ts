/* Argument handling shared by review.ts and precision.ts. */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

export const REALWORLD_DIR = resolve(__dirname, '..');
export const DEFAULT_REPOS = resolve(REALWORLD_DIR, 'repos.json');
export const DEFAULT_VERDICTS = resolve(REALWORLD_DIR, 'verdicts.json');

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--name value`, `--name=value` and bare `--name` (for names in `booleans`). */
export function parseArgs(
  argv: readonly string[],
  booleans: readonly string[],
): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (eq >= 0) flags.set(name, arg.slice(eq + 1));
    else if (booleans.includes(name)) flags.set(name, true);
    else {
      const value = argv[i + 1];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      flags.set(name, value);
      i++;
    }
  }
  return { positional, flags };
}

/** Paths given on the command line are relative to where `yarn` was run. */
export function userPath(path: string): string {
  if (isAbsolute(path)) return path;
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function numberFlag(
  args: ParsedArgs,
  name: string,
  fallback: number,
): number {
  const value = stringFlag(args, name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`--${name} must be a number`);
  return parsed;
}

export function corpusDir(args: ParsedArgs, usage: string): string {
  const dir = args.positional[0];
  if (!dir || !existsSync(userPath(dir))) {
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
  return userPath(dir);
}
