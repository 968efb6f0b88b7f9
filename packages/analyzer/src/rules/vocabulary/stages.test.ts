import { copyEdgesFrom, workdirAt } from './stages';
import { modelOf } from './testModel';

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
});
