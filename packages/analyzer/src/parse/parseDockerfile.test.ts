import { parseDockerfile } from './parseDockerfile';
import type { CopyInstruction, FromInstruction, RunInstruction } from './nodes';

function runs(text: string): RunInstruction[] {
  return parseDockerfile(text).instructions.filter(
    (i): i is RunInstruction => i.keyword === 'RUN',
  );
}

function commandLines(run: RunInstruction): string[] {
  return run.script.commands.map(c =>
    [c.name, ...c.args.map(a => a.value)].join(' '),
  );
}

describe('parseDockerfile', () => {
  it('joins continuations and drops comments inside them, keeping offsets', () => {
    const text =
      'FROM alpine:3.20\nRUN apk add \\\n  # the tools\n  curl \\\n  git\n';
    const [run] = runs(text);
    expect(commandLines(run)).toEqual(['apk add curl git']);
    const git = run.script.commands[0].args[2];
    expect(text.slice(git.start, git.end)).toBe('git');
  });

  it('honours the escape directive', () => {
    const text = '# escape=`\nFROM alpine:3.20\nRUN apk add `\n  curl\n';
    const syntax = parseDockerfile(text);
    expect(syntax.escapeChar).toBe('`');
    expect(commandLines(runs(text)[0])).toEqual(['apk add curl']);
  });

  it('reads exec form, including sh -c strings', () => {
    const [plain, viaShell] = runs(
      'FROM alpine\nRUN ["apk", "add", "curl"]\nRUN ["/bin/sh", "-c", "apk update && apk add git"]\n',
    );
    expect(plain.form).toBe('exec');
    expect(commandLines(plain)).toEqual(['apk add curl']);
    expect(commandLines(viaShell)).toEqual(['apk update', 'apk add git']);
  });

  it('parses a heredoc body as the script, but not data fed to another program', () => {
    const [script, data] = runs(
      'FROM alpine\nRUN <<EOF\nset -e\napk add --no-cache curl\nEOF\nRUN cat <<EOF > /etc/motd\napk add nothing\nEOF\n',
    );
    expect(script.form).toBe('heredoc');
    expect(commandLines(script)).toEqual(['set -e', 'apk add --no-cache curl']);
    expect(commandLines(data)).toEqual(['cat']);
  });

  it('reports an unterminated heredoc', () => {
    const syntax = parseDockerfile('FROM alpine\nRUN <<EOF\napk add curl\n');
    expect(syntax.problems.map(p => p.message)).toEqual([
      expect.stringContaining('never closed'),
    ]);
  });

  it('reads RUN mounts and COPY --from among several flags', () => {
    const syntax = parseDockerfile(
      'FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk --network=none apk add curl\nCOPY --chown=app:app --from=build /out /app\n',
    );
    const run = syntax.instructions[1] as RunInstruction;
    expect(run.mounts).toEqual([
      expect.objectContaining({ type: 'cache', target: '/var/cache/apk' }),
    ]);
    expect(commandLines(run)).toEqual(['apk add curl']);
    const copy = syntax.instructions[2] as CopyInstruction;
    expect(copy.from).toBe('build');
    expect(copy.sources.map(s => s.value)).toEqual(['/out']);
    expect(copy.destination?.value).toBe('/app');
  });

  it('removes quotes from COPY and ADD paths, as Docker does', () => {
    const syntax = parseDockerfile(
      'FROM alpine\nADD "app.tgz" \'/srv/my app/\'\nCOPY ["a b.txt", "/dst/"]\nCOPY "say \\"hi\\".txt" /x\n',
    );
    const [add, json, escaped] = syntax.instructions.slice(
      1,
    ) as CopyInstruction[];
    expect(add.sources.map(s => s.value)).toEqual(['app.tgz']);
    expect(add.destination?.value).toBe('/srv/my app/');
    expect(syntax.text.slice(add.sources[0].start, add.sources[0].end)).toBe(
      '"app.tgz"',
    );
    expect(json.sources.map(s => s.value)).toEqual(['a b.txt']);
    expect(escaped.sources.map(s => s.value)).toEqual(['say "hi".txt']);
  });

  it('reports USER without exactly one argument', () => {
    expect(
      parseDockerfile('FROM alpine\nUSER app staff\n').problems.map(
        p => p.message,
      ),
    ).toEqual([expect.stringContaining('exactly one argument')]);
    expect(parseDockerfile('FROM alpine\nUSER app:staff\n').problems).toEqual(
      [],
    );
  });

  it('sees through ONBUILD and lowercase keywords', () => {
    const syntax = parseDockerfile(
      'from alpine:3.20 as base\nonbuild run apk add curl\n',
    );
    const from = syntax.instructions[0] as FromInstruction;
    expect(from.stageName).toBe('base');
    expect(syntax.instructions[1]).toMatchObject({
      keyword: 'RUN',
      onbuild: true,
    });
  });

  it('reports a file without FROM and stray text lines', () => {
    expect(parseDockerfile('').problems[0].message).toMatch(/no FROM/);
    const syntax = parseDockerfile(
      'FROM alpine\nRUN apk add \\\n  curl\napk add git\n',
    );
    expect(syntax.problems.map(p => p.message)).toEqual([
      expect.stringContaining('unknown instruction "apk"'),
    ]);
  });
});
