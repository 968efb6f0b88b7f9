/**
 * Everything the CLI touches outside its own memory, except the file system:
 * tests run `main` in-process with fake streams and a chosen working
 * directory instead of spawning a process per case.
 */
export interface OutputStream {
  write(text: string): void;
  /** True when the stream is an interactive terminal (colour is allowed then). */
  isTTY?: boolean;
}

/** @public */
export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Reads standard input to its end; only called when `-` is among the paths. */
  readStdin(): Promise<Uint8Array>;
  /** Standard input as a stream, for inputs too large to hold (`image -`); readStdin is used when absent. */
  stdinStream?(): AsyncIterable<Uint8Array>;
  /** Directory that relative paths on the command line refer to. */
  cwd: string;
  env: Record<string, string | undefined>;
}

/** The real process: standard streams, environment and working directory. @public */
export function processIO(): CliIO {
  return {
    stdout: {
      write: text => process.stdout.write(text),
      isTTY: Boolean(process.stdout.isTTY),
    },
    stderr: {
      write: text => process.stderr.write(text),
      isTTY: Boolean(process.stderr.isTTY),
    },
    readStdin: () => readStream(process.stdin),
    stdinStream: () => process.stdin,
    cwd: process.cwd(),
    env: process.env,
  };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}
