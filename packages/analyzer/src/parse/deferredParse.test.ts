import {
  DockerfileParser,
  Instruction,
  JSONInstruction,
  PropertyInstruction,
  Run,
} from 'dockerfile-ast';
import type { Dockerfile } from 'dockerfile-ast';
import fc from 'fast-check';
import {
  dockerfileText,
  loadSeedDockerfiles,
  mutatedDockerfile,
} from '../__testUtils__/fuzz';
import {
  canDefer,
  DeferredInstruction,
  deferredParse,
  typedInstruction,
} from './deferredParse';

/** Everything the reader may ask of an instruction, as plain data. */
function describeInstruction(instruction: Instruction) {
  const typed = typedInstruction(instruction);
  return {
    class: typed.constructor.name,
    keyword: typed.getKeyword(),
    range: typed.getRange(),
    instructionRange: typed.getInstructionRange(),
    args: typed.getArguments().map(arg => [arg.getValue(), arg.getRange()]),
    heredocs:
      typed instanceof Run
        ? typed
            .getHeredocs()
            .map(heredoc => [
              heredoc.getName(),
              heredoc.getContentRange(),
              heredoc.getDelimiterRange(),
            ])
        : [],
    json:
      typed instanceof JSONInstruction
        ? [
            typed.getClosingBracket() !== null,
            typed
              .getJSONStrings()
              .map(json => [json.getValue(), json.getRange()]),
          ]
        : [],
    properties:
      typed instanceof PropertyInstruction
        ? typed
            .getProperties()
            .map(property => [
              property.getName(),
              property.getValue(),
              property.getRange(),
            ])
        : [],
  };
}

function describeDockerfile(dockerfile: Dockerfile) {
  return {
    escape: dockerfile.getEscapeCharacter(),
    directives: dockerfile
      .getDirectives()
      .map(d => [d.getName(), d.getValue(), d.getRange()]),
    comments: dockerfile.getComments().map(c => c.getRange()),
    instructions: dockerfile.getInstructions().map(describeInstruction),
  };
}

/** The same text parsed deferred and by DockerfileParser.parse, as plain data. */
function parseBothWays(text: string) {
  return {
    deferred: describeDockerfile(deferredParse(text)),
    full: describeDockerfile(DockerfileParser.parse(text)),
  };
}

describe('deferredParse', () => {
  it('defers instruction classes with this dockerfile-ast', () => {
    expect(canDefer).toBe(true);
    const [run] = deferredParse('FROM alpine\nRUN apk add curl\n')
      .getInstructions()
      .slice(1);
    expect(run).toBeInstanceOf(DeferredInstruction);
    expect(typedInstruction(run)).toBeInstanceOf(Run);
    expect(typedInstruction(run)).toBe(typedInstruction(run));
  });

  it('gives what DockerfileParser.parse gives on the corpus and the seeds', () => {
    for (const text of loadSeedDockerfiles()) {
      const { deferred, full } = parseBothWays(text);
      expect(deferred).toEqual(full);
    }
  });

  it('gives what DockerfileParser.parse gives on tricky syntax', () => {
    const cases = [
      '# escape=`\nFROM alpine\nRUN apk add `\n  curl\nCOPY ["a b", "/c"]\n',
      'FROM alpine\nRUN <<EOF\napk add curl\nEOF\nCOPY <<-A <<B /x\n\tone\n\tA\ntwo\nB\n',
      'FROM alpine\nRUN <<EOF\nnever closed\n',
      'FROM alpine\nRUN <\\\n<EOF\nbody\nEOF\n',
      'FROM alpine\nONBUILD RUN ["sh", "-c", "echo <<x"]\nONBUILD COPY --from=a . .\n',
      'ARG A=1 B\nFROM alpine\nENV X="a b" Y=c\nLABEL "k"="v"\nENV OLD value with spaces\n',
      'FROM alpine\nCMD ["a", \\\n  "b"]\nENTRYPOINT [ ]\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nVOLUME ["/data"]\n',
      'from alpine\r\nrun echo hi \\\r\n  # comment\r\n  there\r\n',
      '\ufeffFROM alpine\nHEALTHCHECK --interval=5s CMD ["wget", "-q", "localhost"]\n',
    ];
    for (const text of cases) {
      const { deferred, full } = parseBothWays(text);
      expect(deferred).toEqual(full);
    }
  });

  it('gives what DockerfileParser.parse gives on generated and mutated Dockerfiles', () => {
    const seeds = loadSeedDockerfiles();
    fc.assert(
      fc.property(fc.oneof(dockerfileText, mutatedDockerfile(seeds)), text => {
        const { deferred, full } = parseBothWays(text);
        expect(deferred).toEqual(full);
      }),
      { numRuns: 300 },
    );
  });
});
