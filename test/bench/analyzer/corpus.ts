import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One Dockerfile held in memory, so the benchmark measures analysis, not I/O. */
export interface CorpusFile {
  path: string;
  text: string;
  lines: number;
  bytes: number;
  alpine: boolean;
}

const DOCKERFILE_NAME = /^(Dockerfile(\..*)?|.*\.Dockerfile|Containerfile)$/i;
/** Expected-output files next to corpus Dockerfiles are not Dockerfiles. */
const NOT_A_DOCKERFILE = /\.(json|ya?ml|md|txt|sarif|snap)$/i;

/** The corpus (`test/corpus`), or the demo examples when there is no corpus yet. */
export function loadCorpus(root: string): {
  source: string;
  files: CorpusFile[];
} {
  for (const source of ['test/corpus', 'examples']) {
    const paths: string[] = [];
    collect(join(root, source), paths);
    if (paths.length > 0) {
      return {
        source,
        files: paths
          .sort()
          .map(path =>
            toCorpusFile(relative(root, path), readFileSync(path, 'utf8')),
          ),
      };
    }
  }
  throw new Error(
    'No Dockerfiles in test/corpus or examples: nothing to benchmark.',
  );
}

function collect(directory: string, into: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(directory);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) collect(path, into);
    else if (DOCKERFILE_NAME.test(entry) && !NOT_A_DOCKERFILE.test(entry))
      into.push(path);
  }
}

function toCorpusFile(path: string, text: string): CorpusFile {
  return {
    path,
    text,
    lines: text.split('\n').length,
    bytes: Buffer.byteLength(text),
    alpine:
      /^\s*FROM\s+\S*alpine/im.test(text) ||
      /^\s*ARG\s+\S*=\S*alpine/im.test(text),
  };
}
