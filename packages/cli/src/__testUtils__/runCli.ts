import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  stdin?: string | Uint8Array;
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
}

/** Runs the CLI in-process with captured streams. */
export async function runCli(
  argv: string[],
  options: RunOptions,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let stdinReads = 0;
  const code = await main(argv, {
    stdout: {
      write: text => void (stdout += text),
      isTTY: options.isTTY ?? false,
    },
    stderr: { write: text => void (stderr += text) },
    readStdin: async () => {
      stdinReads += 1;
      if (stdinReads > 1) throw new Error('stdin read twice');
      const input = options.stdin ?? '';
      return typeof input === 'string' ? Buffer.from(input) : input;
    },
    cwd: options.cwd,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** A temporary directory holding the given files (paths relative to it); removed by `cleanup`. */
export function makeTree(files: Record<string, string | Uint8Array>): {
  root: string;
  cleanup: () => void;
} {
  // realpath: macOS and some CI images put tmpdir behind a symlink, and reports show resolved paths.
  const root = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'alpine-advisor-cli-')),
  );
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return {
    root,
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Dockerfiles the tests share: their findings come from the real analyzer. */
export const DOCKERFILES = {
  /** Pinned Alpine release, non-root user, exec-form CMD, nothing installed. */
  clean: ['FROM alpine:3.22', 'USER 65534', 'CMD ["/bin/true"]', ''].join('\n'),
  /** `apk add` without `--no-cache`: a fixable `apk-no-cache` warning on line 2. */
  apkCache: [
    'FROM alpine:3.22',
    'RUN apk add curl',
    'USER 65534',
    'CMD ["/bin/true"]',
    '',
  ].join('\n'),
  /** No FROM at all: a `parse-error` error. */
  broken: 'RUN echo no base image\n',
};
