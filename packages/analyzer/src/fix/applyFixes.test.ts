import type { Fix, TextEdit } from '../types';
import { applyFixes } from './applyFixes';

function edit(
  line: number,
  column: number,
  endLine: number,
  endColumn: number,
  text: string,
): TextEdit {
  return { line, column, endLine, endColumn, text };
}

function fix(description: string, ...edits: TextEdit[]): Fix {
  return { description, edits };
}

const dockerfile = [
  'FROM alpine:3.20',
  'RUN apk update',
  'RUN apk add curl',
  'CMD ["curl"]',
  '',
].join('\n');

describe('applyFixes', () => {
  it('returns the content unchanged when there is nothing to apply', () => {
    expect(applyFixes(dockerfile, [])).toEqual({
      output: dockerfile,
      applied: [],
      skipped: [],
    });
  });

  it('inserts text at a 1-based position', () => {
    const noCache = fix('Add --no-cache', edit(3, 12, 3, 12, ' --no-cache'));
    const result = applyFixes(dockerfile, [noCache]);
    expect(result.output.split('\n')[2]).toBe('RUN apk add --no-cache curl');
    expect(result.applied).toEqual([noCache]);
    expect(result.skipped).toEqual([]);
  });

  it('treats the end column as exclusive', () => {
    const retag = fix('Pin 3.21', edit(1, 15, 1, 17, '21'));
    expect(applyFixes(dockerfile, [retag]).output.split('\n')[0]).toBe(
      'FROM alpine:3.21',
    );
  });

  it('interprets every edit against the original text, whatever the order', () => {
    const later = fix('Add --no-cache', edit(3, 12, 3, 12, ' --no-cache'));
    const earlier = fix('Delete apk update', edit(2, 1, 3, 1, ''));
    const result = applyFixes(dockerfile, [later, earlier]);
    expect(result.output).toBe(
      [
        'FROM alpine:3.20',
        'RUN apk add --no-cache curl',
        'CMD ["curl"]',
        '',
      ].join('\n'),
    );
    expect(result.applied).toEqual([later, earlier]);
  });

  it('applies the edits of one fix together', () => {
    const fold = fix(
      'Fold apk update into apk add',
      edit(2, 1, 3, 1, ''),
      edit(3, 12, 3, 12, ' --no-cache'),
    );
    const result = applyFixes(dockerfile, [fold]);
    expect(result.output).toBe(
      [
        'FROM alpine:3.20',
        'RUN apk add --no-cache curl',
        'CMD ["curl"]',
        '',
      ].join('\n'),
    );
    expect(result.applied).toEqual([fold]);
  });

  it('skips a whole fix when one of its edits overlaps an accepted fix', () => {
    const first = fix(
      'Rewrite line 3',
      edit(3, 5, 3, 17, 'apk add --no-cache curl'),
    );
    const second = fix(
      'Two edits, the second colliding',
      edit(1, 1, 1, 1, '# syntax=docker/dockerfile:1\n'),
      edit(3, 12, 3, 12, ' --no-cache'),
    );
    const result = applyFixes(dockerfile, [first, second]);
    expect(result.applied).toEqual([first]);
    expect(result.skipped).toEqual([second]);
    expect(result.output.startsWith('# syntax')).toBe(false);
    expect(result.output).toContain('RUN apk add --no-cache curl\n');
  });

  it('skips a second insertion at the same point, since its order would be a guess', () => {
    const a = fix('a', edit(3, 12, 3, 12, ' --no-cache'));
    const b = fix('b', edit(3, 12, 3, 12, ' --quiet'));
    const result = applyFixes(dockerfile, [a, b]);
    expect(result.applied).toEqual([a]);
    expect(result.skipped).toEqual([b]);
  });

  it('skips an insertion strictly inside a replaced range', () => {
    const replace = fix('replace', edit(3, 5, 3, 17, 'true'));
    const insert = fix('insert', edit(3, 12, 3, 12, ' --no-cache'));
    expect(applyFixes(dockerfile, [replace, insert]).skipped).toEqual([insert]);
  });

  it('accepts ranges that only touch, and an insertion at a range boundary', () => {
    const left = fix('left', edit(3, 1, 3, 4, 'run'));
    const right = fix('right', edit(3, 4, 3, 8, ' APK'));
    const atBoundary = fix('boundary', edit(3, 8, 3, 8, '!'));
    const result = applyFixes(dockerfile, [left, right, atBoundary]);
    expect(result.skipped).toEqual([]);
    expect(result.output.split('\n')[2]).toBe('run APK! add curl');
  });

  it('puts an insertion before a replacement that starts at the same point', () => {
    const replace = fix('replace', edit(3, 5, 3, 8, 'APK'));
    const insert = fix('insert', edit(3, 5, 3, 5, 'sudo '));
    const result = applyFixes(dockerfile, [replace, insert]);
    expect(result.output.split('\n')[2]).toBe('RUN sudo APK add curl');
  });

  it('skips a fix whose own edits overlap each other', () => {
    const selfOverlapping = fix(
      'bad',
      edit(3, 1, 3, 8, 'x'),
      edit(3, 5, 3, 12, 'y'),
    );
    const result = applyFixes(dockerfile, [selfOverlapping]);
    expect(result.skipped).toEqual([selfOverlapping]);
    expect(result.output).toBe(dockerfile);
  });

  it.each([
    ['a line before the file', edit(0, 1, 0, 1, 'x')],
    ['a line after the file', edit(99, 1, 99, 1, 'x')],
    ['a column past the end of the line', edit(1, 40, 1, 40, 'x')],
    ['column 0', edit(1, 0, 1, 1, 'x')],
    ['an end before the start', edit(3, 10, 3, 5, 'x')],
    ['a fractional line', edit(1.5, 1, 1.5, 1, 'x')],
  ])('skips a fix pointing at %s', (_label, badEdit) => {
    const bad = fix('bad', badEdit);
    const result = applyFixes(dockerfile, [bad]);
    expect(result).toEqual({ output: dockerfile, applied: [], skipped: [bad] });
  });

  it('skips a fix without edits', () => {
    const empty = fix('nothing');
    expect(applyFixes(dockerfile, [empty]).skipped).toEqual([empty]);
  });

  it('allows appending at the end of a line and at the end of the file', () => {
    const append = fix('append', edit(1, 17, 1, 17, ' AS base'));
    const atEof = fix('eof', edit(5, 1, 5, 1, 'USER app\n'));
    const result = applyFixes(dockerfile, [append, atEof]);
    expect(result.output).toBe(
      [
        'FROM alpine:3.20 AS base',
        'RUN apk update',
        'RUN apk add curl',
        'CMD ["curl"]',
        'USER app',
        '',
      ].join('\n'),
    );
  });

  it('counts CRLF and lone CR as one line break, keeping them in the output', () => {
    const crlf = 'FROM alpine:3.20\r\nRUN apk add curl\rCMD x\r\n';
    const noCache = fix('Add --no-cache', edit(2, 12, 2, 12, ' --no-cache'));
    const tail = fix('Replace CMD', edit(3, 1, 3, 6, 'CMD y'));
    expect(applyFixes(crlf, [noCache, tail]).output).toBe(
      'FROM alpine:3.20\r\nRUN apk add --no-cache curl\rCMD y\r\n',
    );
  });

  it('does not allow a range to end inside a CRLF line break', () => {
    const crlf = 'FROM a\r\nRUN b\r\n';
    const intoBreak = fix('bad', edit(1, 1, 1, 8, ''));
    expect(applyFixes(crlf, [intoBreak]).skipped).toEqual([intoBreak]);
  });

  it('counts columns in UTF-16 units like the parser does', () => {
    const text = 'LABEL note="𝄞 clef"\n';
    // "𝄞" is two UTF-16 units: the space after it is column 15.
    const replace = fix('replace', edit(1, 15, 1, 16, '_'));
    expect(applyFixes(text, [replace]).output).toBe('LABEL note="𝄞_clef"\n');
  });

  it('works on an empty file', () => {
    const insert = fix('insert', edit(1, 1, 1, 1, 'FROM alpine:3.20\n'));
    expect(applyFixes('', [insert]).output).toBe('FROM alpine:3.20\n');
  });
});
