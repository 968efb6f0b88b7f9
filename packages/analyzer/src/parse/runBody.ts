import type { Instruction, Run } from 'dockerfile-ast';
import { typedInstruction } from './deferredParse';
import { execFormStrings } from './execForm';
import { parseShell } from '../shell';
import type { ShellCommand, ShellScript, ShellWord } from '../shell';
import { commandBaseName } from '../shell';
import type { LineIndex } from './lineIndex';

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash', 'zsh', 'ksh', 'mksh']);

export interface RunBody {
  form: 'shell' | 'exec' | 'heredoc';
  script: ShellScript;
  /** Heredocs that never reach their closing delimiter. */
  unterminatedHeredoc?: string;
}

const EMPTY_SCRIPT: ShellScript = {
  commands: [],
  hasPipeline: false,
  parser: 'flat',
};

/**
 * Turns a RUN into the shell script it executes: the exec form's argv, the
 * shell form with continuations joined, or a heredoc body fed to the shell.
 */
export function readRunBody(
  instruction: Instruction,
  text: string,
  lines: LineIndex,
  argsStart: number,
  end: number,
  escapeChar: string,
): RunBody {
  // dockerfile-ast's Run (built on demand) knows JSON strings and heredocs.
  const run = () => typedInstruction(instruction) as Run;
  if (text[argsStart] === '[') {
    const exec = readExecForm(instruction, text, lines, argsStart, end);
    if (exec) return { form: 'exec', script: exec };
  }
  // getHeredocs() re-tokenizes the instruction: only ask when a `<<` is there.
  const mayHaveHeredoc = text.slice(argsStart, end).includes('<<');
  if (!mayHaveHeredoc || run().getHeredocs().length === 0) {
    const body = joinContinuations(text.slice(argsStart, end), escapeChar);
    return { form: 'shell', script: parseShell(body, argsStart) };
  }
  return readHeredocs(run(), text, lines, argsStart, escapeChar);
}

function readExecForm(
  instruction: Instruction,
  text: string,
  lines: LineIndex,
  argsStart: number,
  end: number,
): ShellScript | undefined {
  const strings = execFormStrings(instruction, text, lines, argsStart, end);
  if (!strings) return undefined;
  const argv: ShellWord[] = strings.map(({ start, end: stringEnd }) => {
    const raw = text.slice(start, stringEnd);
    return {
      text: raw,
      value: jsonStringValue(raw),
      literal: true,
      start,
      end: stringEnd,
    };
  });
  const shellIndex = SHELLS.has(commandBaseName(argv[0].value))
    ? argv.findIndex(w => /^-[a-z]*c[a-z]*$/.test(w.value))
    : -1;
  if (shellIndex > 0 && argv[shellIndex + 1]) {
    const script = argv[shellIndex + 1];
    return parseShell(script.value, script.start + 1);
  }
  return {
    commands: [
      {
        name: commandBaseName(argv[0].value),
        argv,
        args: argv.slice(1),
        assignments: [],
        redirects: [],
        inPipeline: false,
        start: argv[0].start,
        end: argv[argv.length - 1].end,
      },
    ],
    hasPipeline: false,
    parser: 'flat',
  };
}

function readHeredocs(
  run: Run,
  text: string,
  lines: LineIndex,
  argsStart: number,
  escapeChar: string,
): RunBody {
  const heredocs = run.getHeredocs();
  const firstContent = heredocs[0].getStartRange();
  const commandEnd = lines.lineEnd(firstContent.start.line + 1);
  // Blank the `<<EOF` operators (offsets stay put) so the command line parses alone.
  const commandLine = joinContinuations(
    text.slice(argsStart, commandEnd),
    escapeChar,
  ).replace(/<<-?\s*(["']?)[A-Za-z0-9_.-]+\1/g, match =>
    ' '.repeat(match.length),
  );
  const commandScript = parseShell(commandLine, argsStart);
  const feedsShell = isShellReadingStdin(commandScript);
  let unterminated: string | undefined;
  const scripts: ShellScript[] = [commandScript];
  for (const heredoc of heredocs) {
    if (!heredoc.getDelimiterRange()) unterminated = heredoc.getName();
    const content = heredoc.getContentRange();
    if (!feedsShell || !content) continue;
    const start = lines.offsetAt(content.start);
    const end = lines.offsetAt(content.end);
    scripts.push(heredocScript(text.slice(start, end), start));
  }
  const commands = scripts.flatMap(script => script.commands);
  const error = scripts.map(script => script.error).find(Boolean);
  const script: ShellScript = {
    commands,
    hasPipeline: scripts.some(s => s.hasPipeline),
    parser: scripts.some(s => s.parser === 'tokenizer')
      ? 'tokenizer'
      : commandScript.parser,
    ...(error ? { error } : {}),
  };
  return {
    form: feedsShell ? 'heredoc' : 'shell',
    script: commands.length > 0 ? script : EMPTY_SCRIPT,
    unterminatedHeredoc: unterminated,
  };
}

/**
 * A heredoc body run as a script. BuildKit honours a `#!` line: the
 * interpreter it names is itself a command of the RUN (so `#!/bin/bash` on
 * Alpine is seen as using bash), and a non-shell interpreter's body is not
 * shell.
 */
function heredocScript(body: string, start: number): ShellScript {
  const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(body);
  if (!shebang) return parseShell(body, start);
  const viaEnv =
    commandBaseName(shebang[1]) === 'env' && shebang[2] !== undefined;
  const path = viaEnv ? shebang[2] : shebang[1];
  const pathStart = start + shebang[0].lastIndexOf(path);
  const interpreter: ShellCommand = {
    name: commandBaseName(path),
    argv: [
      {
        text: path,
        value: path,
        literal: true,
        start: pathStart,
        end: pathStart + path.length,
      },
    ],
    args: [],
    assignments: [],
    redirects: [],
    inPipeline: false,
    start: pathStart,
    end: pathStart + path.length,
  };
  const script = SHELLS.has(interpreter.name)
    ? parseShell(body, start)
    : EMPTY_SCRIPT;
  return { ...script, commands: [interpreter, ...script.commands] };
}

/** `RUN <<EOF` alone, or `RUN bash <<EOF`: the heredoc is the script. */
function isShellReadingStdin(commandLine: ShellScript): boolean {
  const commands = commandLine.commands.filter(c => c.name !== '');
  if (commands.length === 0) return true;
  const [first] = commands;
  return (
    commands.length === 1 &&
    SHELLS.has(first.name) &&
    !first.args.some(arg => /^-[a-z]*c[a-z]*$/.test(arg.value))
  );
}

/**
 * Joins continuation lines without moving any character: the escape and its
 * line break become spaces, and comment or blank lines inside the
 * continuation (which Docker drops) become spaces too.
 */
export function joinContinuations(body: string, escapeChar: string): string {
  if (!body.includes(escapeChar)) return body;
  const out: string[] = [];
  let lineStart = 0;
  let continued = false;
  while (lineStart <= body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = body.length;
    const line = body.slice(lineStart, lineEnd);
    const breakText = lineEnd < body.length ? '\n' : '';
    const trimmed = line.trim();
    if (continued && (trimmed === '' || trimmed.startsWith('#'))) {
      out.push(' '.repeat(line.length + breakText.length));
    } else {
      const continuation = continuationStart(line, escapeChar);
      if (continuation === -1) {
        out.push(line + breakText);
        continued = false;
      } else {
        out.push(
          line.slice(0, continuation) +
            ' '.repeat(line.length - continuation + breakText.length),
        );
        continued = true;
      }
    }
    lineStart = lineEnd + 1;
  }
  return out.join('');
}

/** Index of a trailing escape character (followed only by blanks), or -1. */
function continuationStart(line: string, escapeChar: string): number {
  let end = line.length;
  while (
    end > 0 &&
    (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '\r')
  )
    end--;
  return end > 0 && line[end - 1] === escapeChar ? end - 1 : -1;
}

/** The value of a JSON string token; dockerfile-ast's getJSONValue() drops blanks. */
export function jsonStringValue(raw: string): string {
  // Without a backslash, JSON.parse (or its fallback) only drops the quotes.
  if (
    raw.length >= 2 &&
    raw[0] === '"' &&
    raw[raw.length - 1] === '"' &&
    !raw.includes('\\')
  )
    return raw.slice(1, -1);
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : raw;
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
}
