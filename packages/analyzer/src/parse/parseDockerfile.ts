import { deferredParse } from './deferredParse';
import { InstructionReader } from './InstructionReader';
import { LineIndex } from './lineIndex';
import type { DockerInstruction, FromInstruction } from './nodes';
import type { SyntaxProblem } from './syntaxProblem';

export type { SyntaxProblem } from './syntaxProblem';

export interface DockerfileSyntax {
  text: string;
  lines: LineIndex;
  escapeChar: string;
  directives: Array<{ name: string; value: string; line: number }>;
  /** In file order; an ONBUILD appears as its trigger with `onbuild: true`. */
  instructions: DockerInstruction[];
  problems: SyntaxProblem[];
}

/**
 * Reads a Dockerfile with dockerfile-ast and tokenizes each instruction once.
 * dockerfile-ast re-tokenizes on every getArguments()/getFlags() call, so
 * everything downstream works on the tokens captured here, and its
 * instruction classes are only built when needed (see deferredParse).
 */
export function parseDockerfile(text: string): DockerfileSyntax {
  const dockerfile = deferredParse(text);
  const lines = new LineIndex(text);
  const escapeChar = dockerfile.getEscapeCharacter();
  const problems: SyntaxProblem[] = [];
  const reader = new InstructionReader(text, lines, escapeChar, problems);
  const instructions: DockerInstruction[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    instructions.push(reader.read(instruction));
  }
  checkStructure(instructions, problems, text.length);
  return {
    text,
    lines,
    escapeChar,
    directives: dockerfile.getDirectives().map(directive => ({
      name: directive.getName(),
      value: directive.getValue(),
      line: directive.getRange().start.line + 1,
    })),
    instructions,
    problems,
  };
}

function checkStructure(
  instructions: DockerInstruction[],
  problems: SyntaxProblem[],
  length: number,
): void {
  const firstFrom = instructions.findIndex(
    i => i.keyword === 'FROM' && !i.onbuild,
  );
  if (firstFrom === -1) {
    // Point at the first instruction, where a FROM should be; an empty file has only its start.
    const first = instructions[0];
    problems.push({
      message: 'the Dockerfile has no FROM instruction',
      start: first?.start ?? 0,
      end: first?.end ?? Math.min(length, 1),
    });
  }
  instructions.forEach((instruction, index) => {
    if (instruction.keyword === 'UNKNOWN') {
      const word = instruction.source.getInstruction();
      problems.push({
        message: `unknown instruction "${word}" (a missing line continuation?)`,
        start: instruction.start,
        end: instruction.start + word.length,
      });
    } else if (
      firstFrom !== -1 &&
      index < firstFrom &&
      instruction.keyword !== 'ARG'
    ) {
      problems.push({
        message: `${instruction.keyword} before the first FROM: only ARG may come first`,
        start: instruction.start,
        end: instruction.end,
      });
    } else if (
      instruction.keyword === 'USER' &&
      instruction.args.length !== 1
    ) {
      // Docker takes the rest of the line as the user name: `USER app app` asks for a user "app app" that cannot exist.
      problems.push({
        message:
          instruction.args.length === 0
            ? 'USER without a user: it takes exactly one argument, user[:group]'
            : `USER takes exactly one argument, user[:group]: "${instruction.args
                .map(arg => arg.value)
                .join(
                  ' ',
                )}" names no user, so the next RUN or the container start fails`,
        start: instruction.start,
        end: instruction.end,
      });
    } else if (
      instruction.keyword === 'FROM' &&
      !(instruction as FromInstruction).imageText
    ) {
      problems.push({
        message: 'FROM without an image',
        start: instruction.start,
        end: instruction.end,
      });
    }
  });
}
