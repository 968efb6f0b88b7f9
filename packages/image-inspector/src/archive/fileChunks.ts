import fs from 'node:fs/promises';

/** Read size: large reads keep the per-read cost low; two buffers of it are all a file read holds. */
const READ_BYTES = 1024 * 1024;

/**
 * A file's bytes in order, read into two buffers that take turns: the next
 * read runs while the caller looks at the current piece. Each piece is lent
 * until the caller asks for the next one (the buffer is then read into
 * again), so memory stays at two buffers whatever the file's size, and no
 * buffer is allocated per read.
 */
export async function* fileChunks(
  file: string,
  readBytes = READ_BYTES,
): AsyncGenerator<Buffer> {
  const handle = await fs.open(file, 'r');
  const buffers = [
    Buffer.allocUnsafe(readBytes),
    Buffer.allocUnsafe(readBytes),
  ];
  let position = 0;
  let turn = 0;
  let reading: Promise<{ bytesRead: number }> | undefined = handle.read(
    buffers[turn],
    0,
    readBytes,
    position,
  );
  try {
    while (reading) {
      const { bytesRead } = await reading;
      reading = undefined;
      if (bytesRead === 0) return;
      const current = buffers[turn];
      position += bytesRead;
      turn = 1 - turn;
      reading = handle.read(buffers[turn], 0, readBytes, position);
      yield bytesRead === readBytes ? current : current.subarray(0, bytesRead);
    }
  } finally {
    // A read still running must end before its file is closed.
    await reading?.catch(() => undefined);
    await handle.close();
  }
}
