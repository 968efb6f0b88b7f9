import { Instruction, Onbuild, PropertyInstruction } from 'dockerfile-ast';
import { shellWord } from '../shell/words';
import type { LineIndex } from './lineIndex';
import type {
  BaseInstruction,
  CommandInstruction,
  CopyInstruction,
  DockerInstruction,
  EnvInstruction,
  FlagToken,
  FromInstruction,
  Mount,
  OtherInstruction,
  RunInstruction,
  Token,
} from './nodes';
import { typedInstruction } from './deferredParse';
import { execFormStrings } from './execForm';
import { jsonStringValue, readRunBody } from './runBody';
import { tokenizeInstruction } from './tokenizeInstruction';
import type { SyntaxProblem } from './syntaxProblem';

const KNOWN_KEYWORDS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/** Instructions that take `--flag` options before their arguments. */
const FLAGGED_KEYWORDS = new Set(['FROM', 'COPY', 'ADD', 'HEALTHCHECK', 'RUN']);

/** Instructions with a JSON array form whose arguments dockerfile-ast splits for us. */
const JSON_FORM_KEYWORDS = new Set(['COPY', 'ADD', 'VOLUME']);

/** `type=cache,target=/var/cache/apk,sharing=locked` → a Mount. */
function readMount(flag: FlagToken): Mount {
  const options = new Map<string, string>();
  for (const part of (flag.flagValue ?? '').split(',')) {
    const equals = part.indexOf('=');
    if (equals === -1) options.set(part.trim().toLowerCase(), 'true');
    else
      options.set(
        part.slice(0, equals).trim().toLowerCase(),
        part.slice(equals + 1).trim(),
      );
  }
  return {
    type: options.get('type') ?? 'bind',
    target:
      options.get('target') ?? options.get('dst') ?? options.get('destination'),
    from: options.get('from'),
    source: options.get('source') ?? options.get('src'),
    flag,
  };
}

/**
 * Turns one dockerfile-ast instruction into our node, calling each of its
 * tokenizing getters once. Nodes copy the base fields one by one: spreading
 * the base node was the costliest step of a small file (≈ 18 µs of 33 µs for
 * a one-FROM file, ≈ 15 µs per RUN or COPY).
 */
export class InstructionReader {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly escapeChar: string,
    private readonly problems: SyntaxProblem[],
  ) {}

  /** Argument lists read from a JSON array (already unquoted). */
  private readonly jsonFormArgs = new WeakSet<Token[]>();

  read(instruction: Instruction, onbuild = false): DockerInstruction {
    if (instruction instanceof Onbuild) {
      const trigger = instruction.getTriggerInstruction();
      if (trigger) return this.read(trigger, true);
    }
    const keyword = instruction.getKeyword().toUpperCase();
    const base = this.base(
      instruction,
      KNOWN_KEYWORDS.has(keyword) ? keyword : 'UNKNOWN',
      onbuild,
    );
    switch (keyword) {
      case 'RUN':
        return this.run(instruction, base);
      case 'FROM':
        return this.from(base);
      case 'COPY':
      case 'ADD':
        return this.copy(base, keyword);
      case 'ENV':
      case 'ARG':
      case 'LABEL':
        return this.properties(
          typedInstruction(instruction) as PropertyInstruction,
          base,
          keyword,
        );
      case 'CMD':
      case 'ENTRYPOINT':
      case 'SHELL':
      case 'HEALTHCHECK':
        return this.command(instruction, base, keyword);
      default:
        // The base node already holds everything an instruction without its own fields has.
        return base as OtherInstruction;
    }
  }

  private base(
    instruction: Instruction,
    keyword: string,
    onbuild: boolean,
  ): BaseInstruction {
    const range = instruction.getRange();
    const start = this.lines.offsetAt(range.start);
    const end = this.lines.offsetAt(range.end);
    const tokenStart = onbuild
      ? this.lines.offsetAt(instruction.getInstructionRange().start)
      : start;
    const tokens = tokenizeInstruction(
      this.text,
      tokenStart,
      end,
      this.escapeChar,
      {
        readFlags: FLAGGED_KEYWORDS.has(keyword),
        flagsOnly: keyword === 'RUN',
      },
    );
    const jsonStrings =
      tokens.args[0]?.value.startsWith('[') && JSON_FORM_KEYWORDS.has(keyword)
        ? execFormStrings(
            instruction,
            this.text,
            this.lines,
            tokens.argsStart,
            end,
          )
        : undefined;
    // The JSON form's strings, decoded (`["a b.txt", "/dst/"]`); an unclosed array is shell form, as in Docker.
    const args = jsonStrings
      ? jsonStrings.map(({ start: from, end: to }) => ({
          value: jsonStringValue(this.text.slice(from, to)),
          start: from,
          end: to,
        }))
      : tokens.args;
    if (jsonStrings) this.jsonFormArgs.add(args);
    return {
      keyword,
      onbuild,
      start,
      end,
      line: range.start.line + 1,
      endLine: range.end.line + 1,
      column: range.start.character + 1,
      argsStart: tokens.argsStart,
      args,
      flags: tokens.flags,
      source: instruction,
    };
  }

  private run(run: Instruction, base: BaseInstruction): RunInstruction {
    const body = readRunBody(
      run,
      this.text,
      this.lines,
      base.argsStart,
      base.end,
      this.escapeChar,
    );
    if (body.unterminatedHeredoc) {
      this.problems.push({
        message: `heredoc <<${body.unterminatedHeredoc} is never closed by a "${body.unterminatedHeredoc}" line`,
        start: base.start,
        end: base.end,
      });
    }
    return {
      keyword: 'RUN',
      onbuild: base.onbuild,
      start: base.start,
      end: base.end,
      line: base.line,
      endLine: base.endLine,
      column: base.column,
      argsStart: base.argsStart,
      args: base.args,
      flags: base.flags,
      source: base.source,
      form: body.form,
      script: body.script,
      mounts: base.flags.filter(flag => flag.name === 'mount').map(readMount),
    };
  }

  private from(base: BaseInstruction): FromInstruction {
    const [image, as, name] = base.args;
    return {
      keyword: 'FROM',
      onbuild: base.onbuild,
      start: base.start,
      end: base.end,
      line: base.line,
      endLine: base.endLine,
      column: base.column,
      argsStart: base.argsStart,
      args: base.args,
      flags: base.flags,
      source: base.source,
      imageText: image?.value ?? '',
      imageToken: image,
      stageName: as && /^as$/i.test(as.value) && name ? name.value : undefined,
      platform: base.flags.find(flag => flag.name === 'platform')?.flagValue,
    };
  }

  private copy(
    base: BaseInstruction,
    keyword: 'COPY' | 'ADD',
  ): CopyInstruction {
    // Docker removes quotes from COPY/ADD paths (`ADD "app.tgz" /srv/`); the JSON form is already unquoted.
    const paths = this.jsonFormArgs.has(base.args)
      ? base.args
      : base.args.map(arg => unquotePath(arg, this.escapeChar));
    return {
      keyword,
      onbuild: base.onbuild,
      start: base.start,
      end: base.end,
      line: base.line,
      endLine: base.endLine,
      column: base.column,
      argsStart: base.argsStart,
      args: base.args,
      flags: base.flags,
      source: base.source,
      from: base.flags.find(flag => flag.name === 'from')?.flagValue,
      sources: paths.slice(0, -1),
      destination: paths.length > 1 ? paths[paths.length - 1] : undefined,
    };
  }

  private properties(
    instruction: PropertyInstruction,
    base: BaseInstruction,
    keyword: 'ENV' | 'ARG' | 'LABEL',
  ): EnvInstruction {
    return {
      keyword,
      onbuild: base.onbuild,
      start: base.start,
      end: base.end,
      line: base.line,
      endLine: base.endLine,
      column: base.column,
      argsStart: base.argsStart,
      args: base.args,
      flags: base.flags,
      source: base.source,
      pairs: instruction.getProperties().map(property => {
        const range = property.getRange();
        const value = property.getValue();
        return {
          name: property.getName(),
          value: value === null ? undefined : value,
          start: this.lines.offsetAt(range.start),
          end: this.lines.offsetAt(range.end),
        };
      }),
    };
  }

  private command(
    instruction: Instruction,
    base: BaseInstruction,
    keyword: CommandInstruction['keyword'],
  ): CommandInstruction {
    const strings = execFormStrings(
      instruction,
      this.text,
      this.lines,
      base.argsStart,
      base.end,
    );
    // `CMD []` is the exec form with no arguments (it clears the inherited CMD), not a shell command "[]".
    const emptyArray =
      !strings &&
      /^\[[ \t]*\][ \t]*$/.test(this.text.slice(base.argsStart, base.end));
    const shellArgs = emptyArray ? [] : base.args;
    return {
      keyword,
      onbuild: base.onbuild,
      start: base.start,
      end: base.end,
      line: base.line,
      endLine: base.endLine,
      column: base.column,
      argsStart: base.argsStart,
      args: base.args,
      flags: base.flags,
      source: base.source,
      form: strings || emptyArray ? 'exec' : 'shell',
      argv: strings
        ? strings.map(({ start, end }) => {
            const raw = this.text.slice(start, end);
            return {
              text: raw,
              value: jsonStringValue(raw),
              literal: true,
              start,
              end,
            };
          })
        : shellArgs.map(arg =>
            shellWord(this.text.slice(arg.start, arg.end), arg.start),
          ),
    };
  }
}

/**
 * A COPY/ADD path as Docker reads it: quotes removed (`"my file.txt"` →
 * `my file.txt`, an escaped quote inside double quotes kept). Other escapes
 * are left alone: under a backtick escape directive a backslash is part of
 * a Windows path.
 */
export function unquotePath(token: Token, escapeChar: string): Token {
  if (!/["']/.test(token.value)) return token;
  let value = '';
  let quote: string | undefined;
  const text = token.value;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote === undefined && (char === '"' || char === "'")) {
      quote = char;
    } else if (char === quote) {
      quote = undefined;
    } else if (
      quote === '"' &&
      char === escapeChar &&
      (text[i + 1] === '"' || text[i + 1] === escapeChar)
    ) {
      value += text[i + 1];
      i++;
    } else {
      value += char;
    }
  }
  return { ...token, value };
}
