import { fixPreview } from './fixPreview';

const content =
  'FROM alpine:3.20\nRUN apk add curl\nRUN apk add git\nCMD ["sh"]';

describe('fixPreview', () => {
  it('shows an insertion as the changed line before and after', () => {
    expect(
      fixPreview(content, {
        description: 'Add --no-cache',
        edits: [
          {
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 12,
            text: ' --no-cache',
          },
        ],
      }),
    ).toEqual({
      firstLine: 2,
      removed: ['RUN apk add curl'],
      added: ['RUN apk add --no-cache curl'],
    });
  });

  it('applies several edits on original positions and merges lines', () => {
    expect(
      fixPreview(content, {
        description: 'Merge RUN',
        edits: [
          { line: 2, column: 17, endLine: 3, endColumn: 4, text: ' &&' },
          {
            line: 3,
            column: 12,
            endLine: 3,
            endColumn: 12,
            text: ' --no-cache',
          },
        ],
      }),
    ).toEqual({
      firstLine: 2,
      removed: ['RUN apk add curl', 'RUN apk add git'],
      added: ['RUN apk add curl && apk add --no-cache git'],
    });
  });

  it('shows a deleted line as removed only', () => {
    expect(
      fixPreview(content, {
        description: 'Drop the line',
        edits: [{ line: 3, column: 1, endLine: 4, endColumn: 1, text: '' }],
      }),
    ).toEqual({ firstLine: 3, removed: ['RUN apk add git'], added: [] });
  });

  it('returns nothing for a fix without edits', () => {
    expect(
      fixPreview(content, { description: 'none', edits: [] }),
    ).toBeUndefined();
  });
});
