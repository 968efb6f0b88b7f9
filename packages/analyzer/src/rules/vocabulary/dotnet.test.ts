import { modelOf } from '../../__testUtils__/testModel';
import {
  dotnetArch,
  dotnetRuntimeIdentifiers,
  dotnetSetsRuntime,
  dotnetSubcommand,
} from './dotnet';

const text = (run: string) =>
  `FROM mcr.microsoft.com/dotnet/sdk:9.0\nRUN ${run}\n`;
const commandOf = (run: string) =>
  modelOf(text(run)).stages[0].runs[0].script.commands[0];

describe('dotnet commands', () => {
  it('reads the subcommand past options with values', () => {
    expect(
      dotnetSubcommand(commandOf('dotnet -c Release publish'))?.value,
    ).toBe('publish');
    expect(
      dotnetSubcommand(commandOf('dotnet publish -c Release -o /app'))?.value,
    ).toBe('publish');
    expect(dotnetSubcommand(commandOf('dotnet restore'))?.value).toBe(
      'restore',
    );
    expect(dotnetSubcommand(commandOf('npm publish'))).toBeUndefined();
  });

  it('locates every form of runtime identifier to its characters', () => {
    const run =
      'dotnet publish -r linux-x64 --runtime=linux-arm64 -p:RuntimeIdentifier=linux-x64 --os linux';
    const rids = dotnetRuntimeIdentifiers(commandOf(run));
    expect(rids.map(({ rid, via }) => [rid, via])).toEqual([
      ['linux-x64', 'runtime'],
      ['linux-arm64', 'runtime'],
      ['linux-x64', 'property'],
      ['linux', 'os'],
    ]);
    const source = text(run);
    for (const { rid, at } of rids)
      expect(source.slice(at.start, at.end)).toBe(rid);
  });

  it('tells whether a runtime is chosen, and reads the architecture', () => {
    expect(dotnetSetsRuntime(commandOf('dotnet publish --os=linux'))).toBe(
      true,
    );
    expect(dotnetSetsRuntime(commandOf('dotnet publish -a x64'))).toBe(false);
    expect(dotnetArch(commandOf('dotnet publish -a x64'))?.value).toBe('x64');
    expect(dotnetArch(commandOf('dotnet publish'))).toBeUndefined();
  });
});
