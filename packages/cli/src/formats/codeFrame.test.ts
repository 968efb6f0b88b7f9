import { codeFrameLines, splitLines } from './codeFrame';

const lines = splitLines(
  Array.from({ length: 20 }, (_, index) => `line ${index + 1}`).join('\n'),
);

describe('codeFrameLines', () => {
  it('marks the finding lines with one line of context around them', () => {
    const { frame, hiddenMarkedLines } = codeFrameLines(lines, 5, 6);
    expect(frame.map(line => [line.number, line.marked])).toEqual([
      [4, false],
      [5, true],
      [6, true],
      [7, false],
    ]);
    expect(frame[1].text).toBe('line 5');
    expect(hiddenMarkedLines).toBe(0);
  });

  it('clips context at the start and the end of the file', () => {
    expect(codeFrameLines(lines, 1, 1).frame.map(line => line.number)).toEqual([
      1, 2,
    ]);
    expect(
      codeFrameLines(lines, 20, 20).frame.map(line => line.number),
    ).toEqual([19, 20]);
  });

  it('shows the first six lines of a long finding and counts the rest', () => {
    const { frame, hiddenMarkedLines } = codeFrameLines(lines, 3, 15);
    expect(frame.map(line => line.number)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(hiddenMarkedLines).toBe(7);
  });

  it('survives positions outside the file', () => {
    const { frame } = codeFrameLines(lines, 40, 50);
    expect(frame[frame.length - 1]).toEqual({
      number: 20,
      text: 'line 20',
      marked: true,
    });
    expect(codeFrameLines([''], 1, 1).frame).toEqual([
      { number: 1, text: '', marked: true },
    ]);
  });

  it('expands tabs and cuts very long lines', () => {
    const { frame } = codeFrameLines(['\tRUN x', 'y'.repeat(500)], 1, 2);
    expect(frame[0].text).toBe('    RUN x');
    expect(frame[1].text).toHaveLength(160);
    expect(frame[1].text.endsWith('…')).toBe(true);
  });

  it('splits CRLF, CR and LF line ends alike', () => {
    expect(splitLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
  });
});
