import { MAX_STORED_CONTENT_BYTES, storableContent } from './storableContent';

describe('storableContent', () => {
  it('keeps text as the analyzer reads it, without a byte order mark', () => {
    expect(storableContent('FROM alpine:3.22\n')).toBe('FROM alpine:3.22\n');
    expect(storableContent(Buffer.from('\ufeffFROM alpine:3.22\n'))).toBe(
      'FROM alpine:3.22\n',
    );
    expect(storableContent('\ufeffFROM alpine:3.22\n')).toBe(
      'FROM alpine:3.22\n',
    );
  });

  it('leaves out files over the size limit', () => {
    const large = `FROM alpine\n${'#'.repeat(MAX_STORED_CONTENT_BYTES)}\n`;
    expect(storableContent(large)).toBeUndefined();
    expect(storableContent(Buffer.from(large))).toBeUndefined();
    const exactlyAtLimit = 'x'.repeat(MAX_STORED_CONTENT_BYTES);
    expect(storableContent(exactlyAtLimit)).toBe(exactlyAtLimit);
  });

  it('counts multi-byte characters by their UTF-8 size', () => {
    const text = 'é'.repeat(MAX_STORED_CONTENT_BYTES / 2 + 1);
    expect(storableContent(text)).toBeUndefined();
  });

  it('leaves out content that is not text', () => {
    expect(storableContent(Buffer.from([0x46, 0x52, 0xff, 0xfe]))).toBe(
      undefined,
    );
    expect(storableContent('FROM alpine\u0000\n')).toBeUndefined();
  });
});
