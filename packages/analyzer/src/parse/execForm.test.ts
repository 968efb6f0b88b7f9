import { DockerfileParser, JSONInstruction } from 'dockerfile-ast';
import fc from 'fast-check';
import {
  dockerfileText,
  loadSeedDockerfiles,
  mutatedDockerfile,
} from '../__testUtils__/fuzz';
import { readExecFormArray } from './execForm';
import { LineIndex } from './lineIndex';
import { tokenizeInstruction } from './tokenizeInstruction';

/** For each JSON-capable instruction of a Dockerfile: our reading and dockerfile-ast's, where ours answers. */
function bothReadings(text: string) {
  const lines = new LineIndex(text);
  const dockerfile = DockerfileParser.parse(text);
  const pairs: Array<{ ours: unknown; dockerfileAst: unknown }> = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (!(instruction instanceof JSONInstruction)) continue;
    const start = lines.offsetAt(instruction.getRange().start);
    const end = lines.offsetAt(instruction.getRange().end);
    const { argsStart } = tokenizeInstruction(
      text,
      start,
      end,
      dockerfile.getEscapeCharacter(),
      {
        readFlags: true,
        flagsOnly: true,
      },
    );
    const ours = readExecFormArray(text, argsStart, end);
    if (!ours) continue;
    pairs.push({
      ours,
      dockerfileAst: {
        closed: instruction.getClosingBracket() !== null,
        strings: instruction.getJSONStrings().map(json => ({
          start: lines.offsetAt(json.getRange().start),
          end: lines.offsetAt(json.getRange().end),
        })),
      },
    });
  }
  return pairs;
}

describe('readExecFormArray', () => {
  it('reads single-line arrays with offsets of each quoted string', () => {
    const text = 'CMD ["nginx", "-g", "daemon off;"]';
    const array = readExecFormArray(text, 4, text.length)!;
    expect(array.closed).toBe(true);
    expect(
      array.strings.map(({ start, end }) => text.slice(start, end)),
    ).toEqual(['"nginx"', '"-g"', '"daemon off;"']);
  });

  it('follows dockerfile-ast on odd arrays', () => {
    const read = (args: string) =>
      readExecFormArray(`CMD ${args}`, 4, 4 + args.length);
    expect(read('["a",]')).toEqual({
      closed: true,
      strings: [{ start: 5, end: 8 }],
    });
    expect(read('["a" "b"]')?.closed).toBe(false);
    expect(read('["a"] trailing')?.closed).toBe(true);
    expect(read('["a\\"b"]')).toEqual({
      closed: true,
      strings: [{ start: 5, end: 11 }],
    });
    expect(read("['a']")).toEqual({ closed: false, strings: [] });
    expect(read('["unclosed')).toEqual({ closed: false, strings: [] });
    expect(read('[]')).toEqual({ closed: true, strings: [] });
    expect(read('not an array')).toBeUndefined();
  });

  it('leaves arrays spread over several lines to dockerfile-ast', () => {
    const text = 'CMD ["a", \\\n  "b"]';
    expect(readExecFormArray(text, 4, text.length)).toBeUndefined();
  });

  it('agrees with dockerfile-ast on the corpus, the seeds and tricky arrays', () => {
    const texts = [
      ...loadSeedDockerfiles(),
      'FROM alpine\nRUN ["sh", "-c", "echo \\"hi\\""]\nCMD [ "a" , "b" ]\nENTRYPOINT ["x",]\nSHELL ["/bin/ash","-c"]\n',
      'FROM alpine\nCMD ["a" "b"]\nCMD ["a"] extra\nCMD [\'a\']\nCMD ["a\\\\", "b"]\nRUN --mount=type=cache,target=/x ["apk", "add"]\n',
    ];
    for (const text of texts) {
      for (const { ours, dockerfileAst } of bothReadings(text))
        expect(ours).toEqual(dockerfileAst);
    }
  });

  it('agrees with dockerfile-ast on generated and mutated Dockerfiles', () => {
    const seeds = loadSeedDockerfiles();
    fc.assert(
      fc.property(fc.oneof(dockerfileText, mutatedDockerfile(seeds)), text => {
        for (const { ours, dockerfileAst } of bothReadings(text))
          expect(ours).toEqual(dockerfileAst);
      }),
      { numRuns: 300 },
    );
  });
});
