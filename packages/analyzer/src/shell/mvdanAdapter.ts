/*
 * The real shell parser for RUN bodies the fast path does not cover: mvdan/sh
 * (the parser behind shfmt), as the `mvdan-sh` GopherJS build.
 *
 * Why this one (measured by bench/shell-parsers.mjs on 12 realistic RUN
 * bodies, mean 224 chars, Node 22 on the 2-core build VM):
 * - mvdan-sh: synchronous, pure JavaScript, parses every valid body and
 *   rejects the broken one; 130–240 µs per body to parse, ~180 ms to load.
 *   Its public wrapper objects cost ~1 ms per body to walk (2.4 ms with
 *   `syntax.Walk`), so we read the Go structs underneath (`__internal_object__`,
 *   GopherJS slices) instead: ~0.3–0.45 ms per body parse + extraction.
 * - web-tree-sitter + tree-sitter-bash: 140 µs parse, ~400 µs with extraction
 *   through the wasm bindings, but `Parser.init()` is async-only (~80–120 ms)
 *   and the wasm files must be read from disk: it cannot serve a synchronous,
 *   file-system-free `analyzeDockerfile`.
 * - sh-syntax (mvdan/sh compiled to Go wasm): async, ~24 ms per body because
 *   it instantiates a fresh wasm runtime per call (reusing one crashes its GC),
 *   and its JSON AST drops the words of commands (a CallExpr comes back as
 *   positions only), so it cannot tell `apk add` from `apk del`.
 * Because even the fastest real parser costs more per RUN than dockerfile-ast
 * spends on a whole average file, the POSIX shell that Dockerfiles use (lists,
 * pipes, `if`/`for`/`while`/`case`, groups, subshells, quoting, `$(…)`) takes
 * the fast path (parseCommonShell.ts), checked against this parser by a
 * differential test, and this parser is loaded lazily, only for bodies with
 * backquotes, arithmetic, functions, nested heredocs or bash-only syntax, and
 * for malformed ones, where its verdict (parse or reject) is final. On the
 * same bench bodies the fast path is 5–12× faster than mvdan-sh's bare parse
 * (115 µs vs 1,357 µs per body on the loaded VM where all three were re-run
 * together; tree-sitter-bash parse alone: 580 µs).
 */
/* eslint-disable new-cap -- GopherJS exposes Go's exported methods, which are capitalised (Parse, Pos, End). */
import { CommandBuilder } from './commandBuilder';
import type { ShellCommand, ShellScript } from './types';

/* GopherJS objects: Go structs with exported fields, slices as {$array,$offset,$length}. */
interface GoSlice<T> {
  $array: T[];
  $offset: number;
  $length: number;
}
interface GoPos {
  offs: number;
}
interface GoNode {
  constructor: { string: string; nil?: unknown };
  [field: string]: any;
}
interface MvdanModule {
  syntax: {
    NewParser(): {
      Parse(src: string, name: string): { __internal_object__: GoNode };
    };
  };
}

let parser:
  | { Parse(src: string, name: string): { __internal_object__: GoNode } }
  | undefined;
let pipeOperators: Set<number> | undefined;

function loadParser() {
  if (!parser) {
    // Loaded on first use: the module takes ~180 ms to initialise, which
    // files made only of flat command lists never pay.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mvdan: MvdanModule = require('mvdan-sh');
    parser = mvdan.syntax.NewParser();
    pipeOperators = new Set(
      ['a | b', 'a |& b'].map(
        src =>
          firstStatements(parser!.Parse(src, '').__internal_object__)[0].Cmd.Op,
      ),
    );
  }
  return parser;
}

function firstStatements(file: GoNode): GoNode[] {
  return items(file.Stmts);
}

function items<T>(slice: GoSlice<T> | undefined): T[] {
  if (!slice || !slice.$array) return [];
  return slice.$array.slice(slice.$offset, slice.$offset + slice.$length);
}

function isNil(node: GoNode | undefined | null): boolean {
  return (
    !node ||
    node === node.constructor?.nil ||
    node.constructor?.string === undefined
  );
}

class StatementWalker {
  readonly commands: ShellCommand[] = [];
  hasPipeline = false;
  private readonly toIndex: (byteOffset: number) => number;

  constructor(private readonly source: string, private readonly base: number) {
    this.toIndex = byteToIndexMapper(source);
  }

  statements(
    list: GoSlice<GoNode>,
    inPipeline = false,
    inCondition = false,
  ): void {
    for (const statement of items(list))
      this.statement(statement, inPipeline, inCondition);
  }

  private statement(
    statement: GoNode,
    inPipeline: boolean,
    inCondition: boolean,
  ): void {
    if (isNil(statement)) return;
    const command = statement.Cmd as GoNode;
    const builder = isNil(command)
      ? undefined
      : this.command(command, inPipeline, inCondition);
    if (builder) {
      for (const redirect of items<GoNode>(statement.Redirs)) {
        this.redirect(builder, redirect);
      }
      this.commands.push(builder.build());
    }
  }

  /** Returns a builder for a simple command; walks compound ones. */
  private command(
    command: GoNode,
    inPipeline: boolean,
    inCondition: boolean,
  ): CommandBuilder | undefined {
    switch (command.constructor.string) {
      case '*syntax.CallExpr':
        return this.callExpression(command, inPipeline, inCondition);
      case '*syntax.DeclClause':
        return this.declaration(command, inPipeline, inCondition);
      case '*syntax.BinaryCmd': {
        const piped = pipeOperators!.has(command.Op);
        if (piped) this.hasPipeline = true;
        this.statement(command.X, inPipeline || piped, inCondition);
        this.statement(command.Y, inPipeline || piped, inCondition);
        return undefined;
      }
      case '*syntax.IfClause':
        // An `else` is an IfClause without a condition.
        this.statements(command.Cond, inPipeline, true);
        this.statements(command.Then, inPipeline, inCondition);
        if (!isNil(command.Else))
          this.command(command.Else, inPipeline, inCondition);
        return undefined;
      case '*syntax.WhileClause':
        this.statements(command.Cond, inPipeline, true);
        this.statements(command.Do, inPipeline, inCondition);
        return undefined;
      case '*syntax.ForClause':
        if (command.Loop?.constructor?.string === '*syntax.WordIter') {
          for (const item of items<GoNode>(command.Loop.Items))
            this.wordSubstitutions(item);
        }
        this.statements(command.Do, inPipeline, inCondition);
        return undefined;
      case '*syntax.CaseClause':
        this.wordSubstitutions(command.Word);
        for (const item of items<GoNode>(command.Items))
          this.statements(item.Stmts, inPipeline, inCondition);
        return undefined;
      case '*syntax.Block':
      case '*syntax.Subshell':
        this.statements(command.Stmts, inPipeline, inCondition);
        return undefined;
      case '*syntax.FuncDecl':
      case '*syntax.TimeClause':
      case '*syntax.CoprocClause':
        this.statement(command.Body ?? command.Stmt, inPipeline, inCondition);
        return undefined;
      default:
        return undefined;
    }
  }

  private callExpression(
    call: GoNode,
    inPipeline: boolean,
    inCondition: boolean,
  ): CommandBuilder {
    const builder = new CommandBuilder();
    builder.inPipeline = inPipeline;
    builder.inCondition = inCondition;
    for (const assign of items<GoNode>(call.Assigns)) {
      this.addSpan(builder, assign);
      if (!isNil(assign.Value)) this.wordSubstitutions(assign.Value);
    }
    for (const word of items<GoNode>(call.Args)) {
      this.addSpan(builder, word);
      this.wordSubstitutions(word);
    }
    return builder;
  }

  /** `export A=1 B`: a command named by its variant, arguments as written. */
  private declaration(
    declaration: GoNode,
    inPipeline: boolean,
    inCondition: boolean,
  ): CommandBuilder {
    const builder = new CommandBuilder();
    builder.inPipeline = inPipeline;
    builder.inCondition = inCondition;
    this.addSpan(builder, declaration.Variant);
    for (const assign of items<GoNode>(declaration.Args)) {
      this.addSpan(builder, assign);
      if (!isNil(assign.Value)) this.wordSubstitutions(assign.Value);
    }
    return builder;
  }

  private redirect(builder: CommandBuilder, redirect: GoNode): void {
    const word = redirect.Word as GoNode;
    if (isNil(word)) return;
    const operatorStart = this.toIndex((redirect.OpPos as GoPos).offs);
    const targetStart = this.toIndex(word.Pos().offs);
    const targetEnd = this.toIndex(word.End().offs);
    const operator = this.source.slice(operatorStart, targetStart).trim();
    const fdStart = isNil(redirect.N)
      ? operatorStart
      : this.toIndex(redirect.N.Pos().offs);
    builder.addRedirect(
      operator,
      this.source.slice(targetStart, targetEnd),
      this.base + targetStart,
      this.base + fdStart,
    );
  }

  private addSpan(builder: CommandBuilder, node: GoNode): void {
    const start = this.toIndex(node.Pos().offs);
    const end = this.toIndex(node.End().offs);
    builder.addWord(this.source.slice(start, end), this.base + start);
  }

  /** Commands inside `$(…)`, backquotes and `<(…)` run too: collect them. */
  private wordSubstitutions(word: GoNode): void {
    if (isNil(word)) return;
    for (const part of items<GoNode>(word.Parts)) this.part(part);
  }

  private part(part: GoNode): void {
    switch (part.constructor.string) {
      case '*syntax.CmdSubst':
      case '*syntax.ProcSubst':
        this.statements(part.Stmts);
        return;
      case '*syntax.DblQuoted':
        for (const inner of items<GoNode>(part.Parts)) this.part(inner);
        return;
      default:
        return;
    }
  }
}

/** Parses with mvdan/sh; throws the parser's error for invalid shell. */
export function parseWithMvdan(source: string, base: number): ShellScript {
  const file = loadParser().Parse(source, '').__internal_object__;
  const walker = new StatementWalker(source, base);
  walker.statements(file.Stmts);
  const commands = walker.commands.sort((a, b) => a.start - b.start);
  return { commands, hasPipeline: walker.hasPipeline, parser: 'mvdan-sh' };
}

/** mvdan/sh reports UTF-8 byte offsets; JavaScript strings index UTF-16 units. */
function byteToIndexMapper(source: string): (byteOffset: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(source)) return offset => offset;
  const indexOfByte: number[] = [];
  for (let index = 0; index < source.length; index++) {
    const code = source.codePointAt(index)!;
    const bytes = utf8Length(code);
    for (let b = 0; b < bytes; b++) indexOfByte.push(index);
    if (code >= 0x10000) index++;
  }
  indexOfByte.push(source.length);
  return offset => indexOfByte[Math.min(offset, indexOfByte.length - 1)];
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}
