import { commandsNamed } from './commands';
import { modelOf } from '../../__testUtils__/testModel';
import { variableForCommand } from './variables';

function cgoFor(text: string, runIndex = 0): Array<string | undefined> {
  const stage = modelOf(text).stages.at(-1)!;
  const run = stage.runs[runIndex];
  return commandsNamed(run, 'go').map(go =>
    variableForCommand(stage, run, go, 'CGO_ENABLED'),
  );
}

describe('variableForCommand', () => {
  it('reads a prefix assignment of the command itself', () => {
    expect(cgoFor('FROM golang:1.22\nRUN CGO_ENABLED=0 go build .\n')).toEqual([
      '0',
    ]);
  });

  it('reads export and bare assignments earlier in the same RUN, not later ones', () => {
    expect(
      cgoFor(
        'FROM golang:1.22\nRUN export CGO_ENABLED=0 && go build . && export CGO_ENABLED=1\n',
      ),
    ).toEqual(['0']);
    expect(cgoFor('FROM golang:1.22\nRUN CGO_ENABLED=0; go build .\n')).toEqual(
      ['0'],
    );
    expect(
      cgoFor('FROM golang:1.22\nRUN go build . && export CGO_ENABLED=0\n'),
    ).toEqual([undefined]);
  });

  it('falls back to ENV and ARG before the RUN, inherited ENV included', () => {
    expect(
      cgoFor('FROM golang:1.22\nARG CGO_ENABLED=0\nRUN go build .\n'),
    ).toEqual(['0']);
    expect(
      cgoFor(
        'FROM golang:1.22 AS base\nENV CGO_ENABLED=0\nFROM base\nRUN go build .\n',
      ),
    ).toEqual(['0']);
    expect(
      cgoFor('FROM golang:1.22\nRUN go build .\nENV CGO_ENABLED=0\n'),
    ).toEqual([undefined]);
  });

  it('lets the prefix assignment win over ENV', () => {
    expect(
      cgoFor(
        'FROM golang:1.22\nENV CGO_ENABLED=0\nRUN CGO_ENABLED=1 go build .\n',
      ),
    ).toEqual(['1']);
  });
});
