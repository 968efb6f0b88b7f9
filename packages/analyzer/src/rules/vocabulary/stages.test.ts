import {
  copyEdgesFrom,
  imageStages,
  stagesFeedingMuslImages,
  workdirAt,
} from './stages';
import { modelOf } from '../../__testUtils__/testModel';

describe('stage helpers', () => {
  it('resolves the WORKDIR in effect at a line, through parent stages', () => {
    const model = modelOf(
      'FROM node:22 AS base\nWORKDIR /srv\nWORKDIR app\nFROM base\nRUN npm ci\nWORKDIR /other\nRUN true\n',
    );
    const child = model.stages[1];
    expect(workdirAt(model.stages[0], 2)).toBe('/');
    expect(workdirAt(child, child.runs[0].line)).toBe('/srv/app');
    expect(workdirAt(child, child.runs[1].line)).toBe('/other');
  });

  it('lists the copy edges out of a stage with the stage they go into', () => {
    const model = modelOf(
      'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.22\nCOPY --from=build /out/app /usr/local/bin/\nCOPY --from=0 /etc/ssl /etc/ssl\n',
    );
    const out = copyEdgesFrom(model, model.stages[0]);
    expect(out.map(({ edge, into }) => [edge.paths, into.index])).toEqual([
      [['/out/app'], 1],
      [['/etc/ssl'], 1],
    ]);
  });

  it('knows which stages feed an image that is not glibc', () => {
    const indexes = (text: string) =>
      [...stagesFeedingMuslImages(modelOf(text))]
        .map(stage => stage.index)
        .sort();
    // An Alpine tool stage copied only into a Debian image feeds no musl image.
    expect(
      indexes(
        'FROM alpine:3.22 AS tools\nRUN true\nFROM debian:12\nCOPY --from=tools /x /x\n',
      ),
    ).toEqual([]);
    // Copied into an Alpine final stage, through a glibc stage: it does.
    expect(
      indexes(
        'FROM alpine:3.22 AS tools\nFROM debian:12 AS mid\nCOPY --from=tools /x /x\nFROM alpine:3.22\nCOPY --from=mid /x /x\n',
      ),
    ).toEqual([0, 1, 2]);
    // A stage nothing uses may be a --target of its own.
    expect(
      indexes(
        'FROM alpine:3.22 AS debug\nRUN true\nFROM debian:12\nRUN true\n',
      ),
    ).toEqual([0]);
    // FROM a stage carries its files along.
    expect(indexes('FROM alpine:3.22 AS base\nFROM base\nRUN true\n')).toEqual([
      0, 1,
    ]);
  });

  it('knows which stages have their layers in an image', () => {
    const indexes = (text: string) =>
      [...imageStages(modelOf(text))].map(stage => stage.index).sort();
    // A builder only copied from is not in any image; the final stage and its FROM chain are.
    expect(
      indexes(
        'FROM alpine:3.22 AS build\nRUN true\nFROM alpine:3.22 AS base\nFROM base\nCOPY --from=build /x /x\n',
      ),
    ).toEqual([1, 2]);
    // A stage nothing uses may be a --target.
    expect(
      indexes(
        'FROM alpine:3.22 AS debug\nRUN true\nFROM alpine:3.22\nRUN true\n',
      ),
    ).toEqual([0, 1]);
  });
});
