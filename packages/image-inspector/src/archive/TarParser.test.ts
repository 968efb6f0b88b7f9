import tar from 'tar-stream';
import { collect } from '../__testUtils__/imageArchives';
import { ChunkSink, TarHeader, TarParser } from './TarParser';

/** Pushes `bytes` in pieces of `size`, all lent from one buffer that is scribbled over after each piece. */
function pushLent(sink: ChunkSink, bytes: Buffer, size: number): void {
  const lent = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    const length = bytes.copy(lent, 0, at, at + size);
    sink.write(lent.subarray(0, length));
    lent.fill(0xaa);
  }
  sink.end();
}

function reader() {
  const seen: Array<TarHeader & { content: string }> = [];
  const parser = new TarParser(header => {
    const parts: Buffer[] = [];
    return {
      write: chunk => parts.push(Buffer.from(chunk)),
      end: () =>
        seen.push({ ...header, content: Buffer.concat(parts).toString() }),
    };
  });
  return { parser, seen };
}

async function packed(
  entries: Array<{
    header: Partial<tar.Header> & { name: string };
    content?: string;
  }>,
): Promise<Buffer> {
  const pack = tar.pack();
  for (const { header, content } of entries) pack.entry(header, content ?? '');
  pack.finalize();
  return collect(pack as unknown as AsyncIterable<Buffer>);
}

const LONG_NAME = `${'deep/'.repeat(60)}file.txt`;

describe('TarParser', () => {
  it('reads headers and content whatever the piece sizes, from lent pieces', async () => {
    const archive = await packed([
      { header: { name: 'etc/os-release' }, content: 'ID=alpine\n' },
      { header: { name: 'etc', type: 'directory' } },
      { header: { name: 'lib/a', type: 'symlink', linkname: 'b' } },
      { header: { name: 'lib/c', type: 'link', linkname: 'lib/b' } },
      { header: { name: LONG_NAME }, content: 'x'.repeat(1500) },
      { header: { name: 'empty' }, content: '' },
    ]);
    for (const size of [1, 7, 512, 1000, archive.length]) {
      const { parser, seen } = reader();
      pushLent(parser, archive, size);
      expect(
        seen.map(({ name, type, size: bytes, linkname, content }) => ({
          name,
          type,
          bytes,
          linkname,
          content: content.slice(0, 12),
        })),
      ).toEqual([
        {
          name: 'etc/os-release',
          type: 'file',
          bytes: 10,
          linkname: undefined,
          content: 'ID=alpine\n',
        },
        {
          name: 'etc',
          type: 'directory',
          bytes: 0,
          linkname: undefined,
          content: '',
        },
        {
          name: 'lib/a',
          type: 'symlink',
          bytes: 0,
          linkname: 'b',
          content: '',
        },
        {
          name: 'lib/c',
          type: 'link',
          bytes: 0,
          linkname: 'lib/b',
          content: '',
        },
        {
          name: LONG_NAME,
          type: 'file',
          bytes: 1500,
          linkname: undefined,
          content: 'xxxxxxxxxxxx',
        },
        {
          name: 'empty',
          type: 'file',
          bytes: 0,
          linkname: undefined,
          content: '',
        },
      ]);
    }
  });

  it('reads pax path and size records and GNU long names', () => {
    const pax = paxRecords({ path: 'from/pax/name', size: '3' });
    const blocks = [
      headerBlock({ name: 'PaxHeader', type: 'x', size: pax.length }),
      padded(pax),
      headerBlock({ name: 'short', type: '0', size: 99 }),
      padded(Buffer.from('abc')),
      headerBlock({ name: '././@LongLink', type: 'L', size: 14 }),
      padded(Buffer.from('gnu/long/name\0')),
      headerBlock({ name: 'cut', type: '0', size: 2, gnu: true }),
      padded(Buffer.from('hi')),
      Buffer.alloc(1024),
    ];
    const { parser, seen } = reader();
    pushLent(parser, Buffer.concat(blocks), 100);
    expect(
      seen.map(({ name, size, content }) => [name, size, content]),
    ).toEqual([
      ['from/pax/name', 3, 'abc'],
      ['gnu/long/name', 2, 'hi'],
    ]);
  });

  it('refuses a bad checksum and an archive that ends inside an entry', async () => {
    const archive = await packed([{ header: { name: 'a' }, content: 'hello' }]);
    const corrupt = Buffer.from(archive);
    corrupt[0] = 0x41;
    expect(() => pushLent(reader().parser, corrupt, 512)).toThrow(
      /Invalid tar header/,
    );
    expect(() =>
      pushLent(reader().parser, archive.subarray(0, 514), 512),
    ).toThrow('Unexpected end of data');
    expect(() =>
      pushLent(reader().parser, Buffer.from('not a tar'.repeat(100)), 512),
    ).toThrow(/Invalid tar header/);
  });
});

function headerBlock(options: {
  name: string;
  type: string;
  size: number;
  gnu?: boolean;
}): Buffer {
  const block = Buffer.alloc(512);
  block.write(options.name, 0);
  block.write('0000644\0', 100);
  block.write(`${options.size.toString(8).padStart(11, '0')}\0`, 124);
  block.write(options.type, 156);
  block.write(options.gnu ? 'ustar  \0' : 'ustar\x0000', 257, 'latin1');
  block.write('        ', 148);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

function padded(bytes: Buffer): Buffer {
  return Buffer.concat([
    bytes,
    Buffer.alloc((512 - (bytes.length % 512)) % 512),
  ]);
}

function paxRecords(values: Record<string, string>): Buffer {
  return Buffer.from(
    Object.entries(values)
      .map(([key, value]) => {
        const body = ` ${key}=${value}\n`;
        let length = body.length + 1;
        while (`${length}${body}`.length !== length) length += 1;
        return `${length}${body}`;
      })
      .join(''),
  );
}
