import { DockerfileParser, Instruction } from 'dockerfile-ast';
import type { Dockerfile } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';

/*
 * Why this exists: DockerfileParser.parse() builds every RUN, COPY, ADD, CMD,
 * ENTRYPOINT, SHELL and VOLUME as a JSONInstruction, whose constructor
 * tokenizes the arguments three times to look for a JSON array; the parser
 * builds each of those instructions twice (once to look for heredocs) and
 * tokenizes a third time for the heredocs. That is ≈ 85 % of the parse of a
 * typical Dockerfile (measured on test/corpus: 94 µs/file for
 * DockerfileParser.parse, 13 µs/file with the instruction classes deferred).
 * We tokenize every instruction once ourselves (tokenizeInstruction), so we
 * let dockerfile-ast find the structure (directives, escape character,
 * comments, continuations, heredoc bodies) and build an instruction's own
 * class (Run, Env, Copy…) only when the reader asks for what only that class
 * knows: JSON strings, heredocs, ENV/ARG/LABEL properties.
 *
 * This reaches into the Parser's private `createInstruction` and
 * `processHeredocs` (dockerfile-ast 0.7). When they are not there (another
 * version), parse() falls back to DockerfileParser.parse(), which gives the
 * same nodes, only slower; parseDockerfile's tests check both paths agree.
 */

/** An instruction whose dockerfile-ast class is built on first use. */
export class DeferredInstruction extends Instruction {
  private typed?: Instruction;

  /** The instruction as DockerfileParser.parse() would have built it. */
  typedInstruction(): Instruction {
    this.typed ??= Parser.createInstruction(
      this.document,
      this.dockerfile,
      this.escapeChar,
      this.getRange(),
      this.getInstruction(),
      this.getInstructionRange(),
    );
    return this.typed;
  }
}

/** The dockerfile-ast class of an instruction (Run, Env…), whichever way it was parsed. */
export function typedInstruction(instruction: Instruction): Instruction {
  return instruction instanceof DeferredInstruction
    ? instruction.typedInstruction()
    : instruction;
}

/** dockerfile-ast's own Dockerfile class, which instructions keep a reference to. */
type ParsedDockerfile = ConstructorParameters<typeof Instruction>[2];

/** The private Parser members the deferral replaces, as dockerfile-ast 0.7 has them. */
interface ParserInternals {
  document: ConstructorParameters<typeof Instruction>[0];
  buffer: string;
  escapeChar: string;
  createInstruction(
    dockerfile: ParsedDockerfile,
    instruction: string,
    start: number,
    instructionEnd: number,
    end: number,
  ): Instruction;
  processHeredocs(instruction: Instruction, offset: number): number;
}

const internals = Parser.prototype as unknown as Partial<ParserInternals>;
const originalCreate = internals.createInstruction;
const originalProcessHeredocs = internals.processHeredocs;

/** True when this dockerfile-ast has the internals the deferral relies on. */
export const canDefer =
  typeof originalCreate === 'function' &&
  typeof originalProcessHeredocs === 'function' &&
  typeof (Parser as { createInstruction?: unknown }).createInstruction ===
    'function';

function createDeferred(
  this: ParserInternals,
  dockerfile: ParsedDockerfile,
  keyword: string,
  start: number,
  instructionEnd: number,
  end: number,
): Instruction {
  // ONBUILD's own class is cheap and the parser asks it for its trigger.
  if (keyword.toUpperCase() === 'ONBUILD') {
    return originalCreate!.call(
      this,
      dockerfile,
      keyword,
      start,
      instructionEnd,
      end,
    );
  }
  const startPosition = this.document.positionAt(start);
  return new DeferredInstruction(
    this.document,
    { start: startPosition, end: this.document.positionAt(end) },
    dockerfile,
    this.escapeChar,
    keyword,
    { start: startPosition, end: this.document.positionAt(instructionEnd) },
  );
}

/**
 * Heredocs start with `<<`: an instruction without a `<` has none, so its
 * arguments need not be tokenized to find out. Otherwise the parser looks
 * at the instruction's own class, as it always does.
 */
function processHeredocsWhenPossible(
  this: ParserInternals,
  instruction: Instruction,
  offset: number,
): number {
  const start = this.document.offsetAt(instruction.getRange().start);
  const lessThan = this.buffer.indexOf('<', start);
  if (lessThan === -1 || lessThan >= offset) return offset;
  return originalProcessHeredocs!.call(
    this,
    typedInstruction(instruction),
    offset,
  );
}

/**
 * Parses like DockerfileParser.parse(), with the same instructions at the
 * same ranges, but builds each instruction's class only on demand (see
 * DeferredInstruction).
 */
export function deferredParse(text: string): Dockerfile {
  if (!canDefer) return DockerfileParser.parse(text);
  const parser = new Parser();
  const hooks = parser as unknown as ParserInternals;
  hooks.createInstruction = createDeferred;
  hooks.processHeredocs = processHeredocsWhenPossible;
  return parser.parse(text);
}
