/**
 * Maps a layer's `created_by` history line back to the Dockerfile
 * instruction that made it: BuildKit writes `RUN /bin/sh -c <command> #
 * buildkit` and `COPY <args> # buildkit`, so the instruction's own text,
 * whitespace collapsed, is found in the line. Lines the history does not
 * keep verbatim (the legacy builder's `#(nop) COPY file:<hash>`) map to
 * nothing rather than to a guess.
 * @public
 */
export interface DockerfileInstruction {
  line: number;
  keyword: string;
  text: string;
}

/** Instructions with their first line, continuation lines joined. */
export function dockerfileInstructions(text: string): DockerfileInstruction[] {
  const instructions: DockerfileInstruction[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const first = lines[index];
    if (/^\s*(#|$)/.test(first)) continue;
    let joined = first;
    const line = index + 1;
    while (/\\\s*$/.test(joined) && index + 1 < lines.length) {
      index += 1;
      joined = `${joined.replace(/\\\s*$/, ' ')}${lines[index]}`;
    }
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(joined);
    if (match) {
      instructions.push({
        line,
        keyword: match[1].toUpperCase(),
        text: collapse(match[2]),
      });
    }
  }
  return instructions;
}

export function instructionFor(
  createdBy: string | undefined,
  instructions: DockerfileInstruction[],
): DockerfileInstruction | undefined {
  if (!createdBy) return undefined;
  const history = collapse(
    createdBy
      .replace(/\s*# buildkit$/, '')
      .replace(/^RUN \|\d+( \S+=\S*)* /, 'RUN ')
      .replace(/^(RUN )?\/bin\/sh -c /, 'RUN '),
  );
  // The last match: the final stage's instructions come last in the file.
  for (let index = instructions.length - 1; index >= 0; index--) {
    const instruction = instructions[index];
    if (!['RUN', 'COPY', 'ADD'].includes(instruction.keyword)) continue;
    if (history === collapse(`${instruction.keyword} ${instruction.text}`))
      return instruction;
  }
  return undefined;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
