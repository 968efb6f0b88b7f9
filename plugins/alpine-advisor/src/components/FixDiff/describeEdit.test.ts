import { describeEdit } from './describeEdit';

describe('describeEdit', () => {
  it('describes insertions, removals and replacements', () => {
    expect(
      describeEdit({
        line: 4,
        column: 12,
        endLine: 4,
        endColumn: 12,
        text: ' --no-cache',
      }),
    ).toBe('On line 4, insert at column 12:  --no-cache');
    expect(
      describeEdit({ line: 3, column: 1, endLine: 4, endColumn: 1, text: '' }),
    ).toBe('Remove line 3');
    expect(
      describeEdit({ line: 3, column: 1, endLine: 6, endColumn: 1, text: '' }),
    ).toBe('Remove lines 3–5');
    expect(
      describeEdit({ line: 2, column: 5, endLine: 2, endColumn: 9, text: '' }),
    ).toBe('On line 2, remove columns 5–8');
    expect(
      describeEdit({
        line: 7,
        column: 5,
        endLine: 8,
        endColumn: 3,
        text: 'CMD ["node"]',
      }),
    ).toBe('Replace lines 7–8 from column 5 with: CMD ["node"]');
  });
});
