import { compileC, HELLO_C } from '../__testUtils__/compile';
import { ElfStreamReader } from './ElfStreamReader';

function read(bytes: Buffer, chunkSize: number, cap = 16 * 1024 * 1024) {
  const reader = new ElfStreamReader(cap);
  for (let at = 0; at < bytes.length; at += chunkSize)
    reader.feed(bytes.subarray(at, at + chunkSize));
  return reader.finish();
}

/** Pushes .dynamic ~300 KB into the file, past the kept prefix, as large binaries do. */
const LARGE_C = `#include <stdio.h>\nconst char padding[300000] = {1};\nint main(void) { puts("large"); return padding[5]; }\n`;

describe('ElfStreamReader', () => {
  it('reads the loader facts of a gcc binary whatever the chunk boundaries', () => {
    const binary = compileC('gcc', HELLO_C, [
      '-Wl,-rpath,/opt/lib:$ORIGIN',
      '-Wl,--disable-new-dtags',
    ]);
    const expected = {
      kind: 'executable',
      bits: 64,
      machine: 62,
      interpreter: '/lib64/ld-linux-x86-64.so.2',
      needed: ['libc.so.6'],
      rpath: ['/opt/lib', '$ORIGIN'],
      runpath: [],
    };
    for (const size of [1, 3, 61, 4096, binary.length]) {
      expect(read(binary, size)).toEqual(expected);
    }
  });

  it('keeps the string table when .dynamic lies past the prefix, and says so when past the cap', () => {
    const binary = compileC('musl-gcc', LARGE_C, [
      '-Wl,-rpath,/zlib',
      '-Wl,--enable-new-dtags',
    ]);
    expect(binary.length).toBeGreaterThan(300_000);
    const facts = read(binary, 64 * 1024);
    expect(facts).toMatchObject({
      interpreter: '/lib/ld-musl-x86_64.so.1',
      runpath: ['/zlib'],
    });
    expect(facts?.incomplete).toBeUndefined();
    const capped = read(binary, 64 * 1024, 256);
    expect(capped?.incomplete).toMatch(/capture cap/);
  });

  it('answers undefined for files that are not ELF', () => {
    expect(read(Buffer.from('#!/bin/sh\necho hi\n'), 4)).toBeUndefined();
  });
});
