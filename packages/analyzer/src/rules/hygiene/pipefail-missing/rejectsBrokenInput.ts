import type { ShellCommand } from '../../../shell';

const CHECKSUM_TOOLS = /^(sha(1|224|256|384|512)|md5)sum$/;

/** `busybox tar xz` is `tar xz`. */
function unwrapBusybox(command: ShellCommand): [string, string[]] {
  const words = command.args.map(arg => arg.value);
  if (command.name === 'busybox' && words.length > 0) {
    return [words[0], words.slice(1)];
  }
  return [command.name, words];
}

function isCheckFlag(arg: string): boolean {
  return /^(-[a-z]*c[a-z]*|--check)$/.test(arg);
}

function isDecompressFlag(arg: string): boolean {
  return /^(-[a-z1-9]*d[a-z1-9]*|--decompress|--uncompress)$/.test(arg);
}

const COMPRESSION_LETTERS = /[zjJ]/;
const COMPRESSION_OPTIONS = /^--(gzip|gunzip|ungzip|bzip2|xz)$/;

/**
 * `tar xz`, `tar -xzf -`, `tar -C /opt -xJ`, `tar --extract --gzip`: an
 * extraction of a compressed archive read from the pipe (no `-f FILE`).
 * The first word may be a bundle of letters without a dash (`tar xzf -`).
 */
function extractsCompressedStdin(args: string[]): boolean {
  let extracts = false;
  let compressed = false;
  let archive: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const letters = letterBundle(arg, index);
    if (letters !== undefined) {
      extracts ||= letters.includes('x');
      compressed ||= COMPRESSION_LETTERS.test(letters);
      const file = letters.indexOf('f');
      if (file >= 0) {
        // `-xzf-` names it in the bundle, `xzf -` in the next word.
        const rest = letters.slice(file + 1);
        archive = rest && arg.startsWith('-') ? rest : args[index + 1];
      }
    } else if (arg === '--extract' || arg === '--get') {
      extracts = true;
    } else if (COMPRESSION_OPTIONS.test(arg)) {
      compressed = true;
    } else if (arg === '--file') {
      archive = args[index + 1];
    } else if (arg.startsWith('--file=')) {
      archive = arg.slice('--file='.length);
    }
  }
  return extracts && compressed && (archive === undefined || archive === '-');
}

/** The letters of `-xzvf` or of a dashless first word `xzvf`; undefined for other words. */
function letterBundle(arg: string, index: number): string | undefined {
  if (/^-[A-Za-z]+$/.test(arg)) return arg.slice(1);
  if (/^-[A-Za-z]+f-$/.test(arg)) return arg.slice(1);
  if (index === 0 && /^[A-Za-z]+$/.test(arg)) return arg;
  return undefined;
}

/**
 * Whether the last command of a pipe fails by itself on what a failed
 * producer leaves it: nothing, a truncated stream or an error page. Then the
 * RUN fails either way, and pipefail only changes which error is printed.
 *
 * Checked against GNU tar/gzip/bzip2 and BusyBox 1.35 (test/shell): each of
 * these exits non-zero on empty, truncated and HTML input. Left out because
 * they let one of those through: BusyBox `xz -d`/`unxz` (exit 0 on empty
 * input), BusyBox `zcat` (exit 0 on a truncated stream) and an uncompressed
 * `tar x` (GNU tar exits 0 when the stream ends on a header boundary).
 */
export function rejectsBrokenInput(command: ShellCommand): boolean {
  const [name, args] = unwrapBusybox(command);
  if (name === 'patch') return true;
  if (CHECKSUM_TOOLS.test(name)) return args.some(isCheckFlag);
  if (name === 'gunzip' || name === 'bunzip2') return true;
  if (name === 'gzip' || name === 'bzip2') return args.some(isDecompressFlag);
  if (name === 'tar') return extractsCompressedStdin(args);
  return false;
}
