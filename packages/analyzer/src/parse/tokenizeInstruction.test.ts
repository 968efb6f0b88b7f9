import { DockerfileParser, ModifiableInstruction } from 'dockerfile-ast';
import { LineIndex } from './lineIndex';
import { tokenizeInstruction } from './tokenizeInstruction';

/** Our single-pass tokens must match dockerfile-ast's getArguments()/getFlags(). */
const DOCKERFILES = [
  'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build\n',
  'FROM alpine:3.20\nCOPY --from=build --chown=app:app /out/app /usr/local/bin/app\n',
  'FROM alpine\nCOPY --link \\\n  # a comment inside\n  src/ \\\n  /app/\n',
  'FROM alpine\nUSER app:app\nWORKDIR /srv/app\nEXPOSE 8080/tcp 9090\n',
  'FROM alpine\nADD --checksum=sha256:abc https://example.org/a.tgz /tmp/\n',
  '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY `\n  a.txt `\n  C:/dest/\n',
  'FROM alpine\nVOLUME /data /cache\nSTOPSIGNAL SIGTERM\n',
];

describe('tokenizeInstruction', () => {
  it.each(DOCKERFILES)('agrees with dockerfile-ast on %p', text => {
    const dockerfile = DockerfileParser.parse(text);
    const lines = new LineIndex(text);
    for (const instruction of dockerfile.getInstructions()) {
      const range = instruction.getRange();
      const ours = tokenizeInstruction(
        text,
        lines.offsetAt(range.start),
        lines.offsetAt(range.end),
        dockerfile.getEscapeCharacter(),
        { readFlags: instruction instanceof ModifiableInstruction },
      );
      const theirs = instruction.getArguments().map(arg => ({
        value: arg.getValue(),
        start: lines.offsetAt(arg.getRange().start),
        end: lines.offsetAt(arg.getRange().end),
      }));
      expect(ours.args).toEqual(theirs);
      const theirFlags =
        instruction instanceof ModifiableInstruction
          ? instruction
              .getFlags()
              .map(flag => [flag.getName(), flag.getValue() ?? undefined])
          : [];
      expect(ours.flags.map(flag => [flag.name, flag.flagValue])).toEqual(
        theirFlags,
      );
    }
  });

  it('returns the argument start after RUN flags, past continuation comments', () => {
    const text =
      'RUN --mount=type=cache,target=/var/cache/apk \\\n  # cache\n  apk add curl';
    const tokens = tokenizeInstruction(text, 0, text.length, '\\', {
      readFlags: true,
      flagsOnly: true,
    });
    expect(tokens.flags.map(flag => flag.name)).toEqual(['mount']);
    expect(text.slice(tokens.argsStart, tokens.argsStart + 3)).toBe('apk');
  });

  it('stops at the end of the logical line (heredoc bodies are not arguments)', () => {
    const text = 'COPY <<EOF /etc/motd\nhello world\nEOF';
    expect(
      tokenizeInstruction(text, 0, text.length, '\\', {
        readFlags: true,
      }).args.map(a => a.value),
    ).toEqual(['<<EOF', '/etc/motd']);
  });
});
