/**
 * Pathological inputs, each one a known way to hang, crash or exhaust a
 * parser: sizes at and past the limits, deep nesting for recursive-descent
 * shell parsers, and syntax left open at the end of the file.
 */
export interface EdgeCase {
  name: string;
  content: string | Uint8Array;
  /** The input is not a usable Dockerfile: the report must say so with a finding. */
  mustReport: boolean;
}

const MB = 1024 * 1024;

/** Inputs that are no usable Dockerfile: scoring them as clean would be a lie. */
const UNUSABLE = new Set([
  'empty string',
  'empty bytes',
  'only a BOM',
  'BOM bytes',
  'only whitespace',
  'unterminated heredoc',
  'NUL bytes',
  'invalid UTF-8',
  'UTF-16 text',
  'random binary',
  'just over 1 MB of text',
  'just over 1 MB of bytes',
]);

/**
 * `longestLineKb`: the CI test keeps the single-line case moderate, since
 * dockerfile-ast spends ~1.4 µs per byte on one long line; the long fuzz run
 * goes close to the 1 MB input limit.
 */
export function edgeCases({ longestLineKb = 200 } = {}): EdgeCase[] {
  return cases(longestLineKb).map(edgeCase => ({
    ...edgeCase,
    mustReport: UNUSABLE.has(edgeCase.name),
  }));
}

function cases(longestLineKb: number): Array<Omit<EdgeCase, 'mustReport'>> {
  return [
    { name: 'empty string', content: '' },
    { name: 'empty bytes', content: new Uint8Array() },
    { name: 'only a BOM', content: '\ufeff' },
    { name: 'BOM bytes', content: new Uint8Array([0xef, 0xbb, 0xbf]) },
    { name: 'only whitespace', content: ' \t\n\r\n\n  ' },
    { name: 'a lone backslash', content: '\\' },
    { name: 'a lone keyword', content: 'FROM' },
    {
      name: 'continuation at end of file',
      content: 'FROM alpine\nRUN apk add \\',
    },
    {
      name: 'unterminated heredoc',
      content: 'FROM alpine\nRUN <<EOF\napk add curl\n',
    },
    { name: 'heredoc marker without body', content: 'FROM alpine\nRUN <<' },
    {
      name: 'unbalanced quotes',
      content: 'FROM alpine\nRUN echo "a \'b\nENV X="y\nCMD ["sh", "-c\n',
    },
    {
      name: 'unbalanced exec form',
      content: 'FROM alpine\nCMD ["a", "b"\nENTRYPOINT [\n',
    },
    { name: 'NUL bytes', content: 'FROM alpine\u0000\nRUN true\n' },
    {
      name: 'invalid UTF-8',
      content: new Uint8Array([
        0x46, 0x52, 0x4f, 0x4d, 0x20, 0xc3, 0x28, 0xff, 0xfe, 0x0a,
      ]),
    },
    {
      name: 'UTF-16 text',
      content: new Uint8Array([
        0xff, 0xfe, 0x46, 0x00, 0x52, 0x00, 0x4f, 0x00, 0x4d, 0x00,
      ]),
    },
    {
      name: 'lone surrogates',
      content: 'FROM alpine\nRUN echo \ud800 \udfff\n',
    },
    { name: 'random binary', content: pseudoRandomBytes(64 * 1024) },
    {
      name: 'just over 1 MB of text',
      content: `FROM alpine\nRUN echo ${'a'.repeat(MB)}\n`,
    },
    {
      name: 'just over 1 MB of bytes',
      content: new Uint8Array(MB + 1).fill(0x41),
    },
    {
      name: `a ${longestLineKb} kB line`,
      content: `FROM alpine\nRUN echo ${'word '.repeat(longestLineKb * 200)}\n`,
    },
    {
      name: '100k lines',
      content: `FROM alpine\n${'ENV A=1\n'.repeat(100_000)}`,
    },
    {
      name: '100k comment lines',
      content: `${'#\n'.repeat(100_000)}FROM alpine\n`,
    },
    {
      name: '20k-line continuation',
      content: `FROM alpine\nRUN true${' \\\n && true'.repeat(20_000)}\n`,
    },
    {
      name: '5k stages',
      content: Array.from(
        { length: 5000 },
        (_, i) =>
          `FROM alpine:3.20 AS s${i}\nCOPY --from=s${Math.max(0, i - 1)} /a /a`,
      ).join('\n'),
    },
    {
      name: '10k chained && commands',
      content: `FROM alpine\nRUN ${Array(10_000)
        .fill('apk add --no-cache curl')
        .join(' && ')}\n`,
    },
    {
      name: 'deeply nested command substitution',
      content: `FROM alpine\nRUN echo ${'$('.repeat(5000)}x${')'.repeat(
        5000,
      )}\n`,
    },
    {
      name: 'deeply nested subshells',
      content: `FROM alpine\nRUN ${'('.repeat(5000)}true${')'.repeat(5000)}\n`,
    },
    {
      name: 'deeply nested if',
      content: `FROM alpine\nRUN ${'if true; then '.repeat(
        3000,
      )}true${'; fi'.repeat(3000)}\n`,
    },
    {
      name: 'deeply nested braces in a variable',
      content: `FROM alpine\nARG A=${'${'.repeat(5000)}x${'}'.repeat(
        5000,
      )}\nFROM $A\n`,
    },
    {
      name: '5k heredocs',
      content: `FROM alpine\n${'RUN <<EOF\ntrue\nEOF\n'.repeat(5000)}`,
    },
    {
      name: 'many heredocs on one line',
      content: `FROM alpine\nRUN ${Array.from(
        { length: 2000 },
        (_, i) => `<<E${i}`,
      ).join(' ')}\n`,
    },
    {
      name: '50k ARGs substituted into FROM',
      content: `${Array.from(
        { length: 50_000 },
        (_, i) => `ARG A${i}=$A${i + 1}`,
      ).join('\n')}\nFROM $A0\n`,
    },
    {
      name: 'self-referencing ARG',
      content: 'ARG A=$A$A$A$A\nARG B=${B:-$B}\nFROM alpine:$A$B\n',
    },
    {
      name: 'only carriage returns',
      content: 'FROM alpine\rRUN apk add curl\rCMD x\r',
    },
    {
      name: 'mixed line endings',
      content: 'FROM alpine\r\nRUN apk add \\\r  curl\n\rCMD x',
    },
    {
      name: 'escape directive backtick with backslashes',
      content: '# escape=`\nFROM alpine\nRUN echo \\`\n  more\n',
    },
    {
      name: 'suppression comments everywhere',
      content: `${'# alpine-advisor ignore=a,b,c\n'.repeat(
        10_000,
      )}FROM alpine\n`,
    },
  ];
}

/** Deterministic noise, so that a failure reproduces. */
function pseudoRandomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 0x2545f491;
  for (let index = 0; index < length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}
