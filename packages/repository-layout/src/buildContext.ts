import type {
  BuildContextInput,
  ContextFileInput,
} from '@alpine-advisor/analyzer';
import {
  consultedContextFiles,
  MAX_CONTEXT_FILE_BYTES,
} from '@alpine-advisor/analyzer';
import type { RepositoryTree, TreeEntry } from './tree';

/**
 * Files read at the top of a build context: manifests, lockfiles and
 * `.dockerignore`. Requirements files (`requirements*.txt`, also in a
 * `requirements/` folder) are read too.
 * @public
 */
export const BUILD_CONTEXT_FILES: readonly string[] = [
  '.dockerignore',
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'uv.lock',
  'poetry.lock',
  'Pipfile.lock',
  'pyproject.toml',
  'go.mod',
  'Gemfile.lock',
  'Cargo.lock',
  'schema.prisma',
];

const BUILD_CONTEXT_NAMES: ReadonlySet<string> = new Set(BUILD_CONTEXT_FILES);

const REQUIREMENTS = /^requirements[^/]*\.(txt|in)$/;

/**
 * Entries at the top of a context whose presence matters to `COPY . .`:
 * host dependencies, secrets, history and build output. Only their names
 * are reported, never their content.
 */
const ENTRY =
  /^(node_modules|\.venv|venv|\.git|dist|build|target|\.env(\..+)?|\.npmrc|\.pypirc|\.netrc)$/;

/**
 * Whether a repository path is a build-context file for a Dockerfile
 * somewhere above it: what a tree read keeps besides Dockerfiles and
 * config files.
 * @public
 */
export function isBuildContextPath(path: string): boolean {
  // Asked for every file of a tree read, and every path of a revision.
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (
    BUILD_CONTEXT_NAMES.has(name) ||
    REQUIREMENTS.test(name) ||
    name.endsWith('.dockerignore')
  );
}

/** Options of `collectBuildContext`. @public */
export interface BuildContextOptions {
  /** The context folder, relative to the tree's root; the Dockerfile's folder when omitted. */
  contextDirectory?: string;
  /** Files larger than this are not read (the analyzer notes them); 8 MB by default. */
  maxFileBytes?: number;
}

/**
 * Reads the build context of a Dockerfile from a tree: the files of
 * `BUILD_CONTEXT_FILES` and requirements files at the context's top,
 * `<Dockerfile>.dockerignore` beside the Dockerfile, and the names of the
 * entries `COPY . .` should not carry. Only files the Dockerfile's analysis
 * can consult are read (`consultedContextFiles`: no lockfile of a tool it
 * never runs), so every reader hands the analyzer the same files. Absent
 * files are normal; unreadable or huge ones are handed over as skipped, for
 * the analyzer to note.
 * @public
 */
export async function collectBuildContext(
  tree: RepositoryTree,
  dockerfilePath: string,
  options: BuildContextOptions = {},
): Promise<BuildContextInput> {
  const dockerfileFolder = folderOf(dockerfilePath);
  const root = options.contextDirectory ?? dockerfileFolder;
  const max = options.maxFileBytes ?? MAX_CONTEXT_FILE_BYTES;
  const top = await listOrEmpty(tree, root);
  const files: ContextFileInput[] = [];
  const consulted = await consultedBy(tree, dockerfilePath);
  const read = async (treePath: string, contextPath: string) => {
    if (consulted(contextPath))
      files.push(await readBounded(tree, treePath, contextPath, max));
  };
  const at = (name: string) => (root ? `${root}/${name}` : name);
  for (const entry of top) {
    if (
      entry.kind === 'file' &&
      (BUILD_CONTEXT_FILES.includes(entry.name) ||
        REQUIREMENTS.test(entry.name))
    )
      await read(at(entry.name), entry.name);
  }
  if (
    top.some(entry => entry.name === 'prisma' && entry.kind === 'directory')
  ) {
    const prisma = await listOrEmpty(tree, at('prisma'));
    if (
      prisma.some(
        entry => entry.name === 'schema.prisma' && entry.kind === 'file',
      )
    )
      await read(at('prisma/schema.prisma'), 'prisma/schema.prisma');
  }
  if (
    top.some(
      entry => entry.name === 'requirements' && entry.kind === 'directory',
    )
  ) {
    for (const entry of await listOrEmpty(tree, at('requirements'))) {
      if (entry.kind === 'file' && /\.(txt|in)$/.test(entry.name))
        await read(
          at(`requirements/${entry.name}`),
          `requirements/${entry.name}`,
        );
    }
  }
  // BuildKit reads `<Dockerfile>.dockerignore` beside the Dockerfile before the context's own.
  const dockerfileName = dockerfilePath.split('/').pop() ?? 'Dockerfile';
  const ownIgnore = `${dockerfilePath}.dockerignore`;
  const beside = await listOrEmpty(tree, dockerfileFolder);
  if (
    beside.some(
      e => e.name === `${dockerfileName}.dockerignore` && e.kind === 'file',
    ) &&
    !files.some(file => file.path === `${dockerfileName}.dockerignore`)
  )
    await read(ownIgnore, `${dockerfileName}.dockerignore`);
  const entries = top
    .filter(entry => ENTRY.test(entry.name) && entry.kind !== 'other')
    .map(entry => (entry.kind === 'directory' ? `${entry.name}/` : entry.name));
  if (
    top.some(entry => entry.name === 'vendor' && entry.kind === 'directory')
  ) {
    const vendor = await listOrEmpty(tree, at('vendor'));
    if (
      vendor.some(
        entry => entry.name === 'bundle' && entry.kind === 'directory',
      )
    )
      entries.push('vendor/bundle/');
  }
  return { root: root || '.', files, entries: entries.sort() };
}

/** What the Dockerfile's analysis can consult; everything when its text cannot be read. */
async function consultedBy(
  tree: RepositoryTree,
  dockerfilePath: string,
): Promise<(contextPath: string) => boolean> {
  try {
    const content = await tree.read(dockerfilePath);
    return consultedContextFiles(
      typeof content === 'string' ? content : new TextDecoder().decode(content),
    );
  } catch {
    return () => true;
  }
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

async function listOrEmpty(
  tree: RepositoryTree,
  directory: string,
): Promise<readonly TreeEntry[]> {
  try {
    return await tree.list(directory);
  } catch {
    return [];
  }
}

async function readBounded(
  tree: RepositoryTree,
  treePath: string,
  path: string,
  max: number,
): Promise<ContextFileInput> {
  try {
    const size = await tree.size?.(treePath);
    if (size !== undefined && size > max) {
      return { path, skipped: { reason: 'too-large', bytes: size } };
    }
    const content = await tree.read(treePath);
    const length =
      typeof content === 'string' ? content.length : content.byteLength;
    if (length > max)
      return { path, skipped: { reason: 'too-large', bytes: length } };
    return { path, content };
  } catch (error) {
    return {
      path,
      skipped: {
        reason: 'unreadable',
        detail: error instanceof Error ? error.message : String(error),
      },
    };
  }
}

/**
 * For a path met while reading a tree with a filter: the entry of a possible
 * build context that holds it and that `COPY . .` should not carry
 * (`svc/node_modules/`, `svc/.env`), if any. A reader records these names
 * without reading the files, and `entryPlaceholders` turns them back into
 * tree paths for `collectBuildContext`.
 * @public
 */
export function contextEntryOf(path: string): string | undefined {
  const segments = path.split('/');
  for (let index = 0; index < segments.length; index++) {
    const folder = index < segments.length - 1;
    const name = segments[index];
    const vendorBundle =
      name === 'bundle' && index > 0 && segments[index - 1] === 'vendor';
    if (vendorBundle || ENTRY.test(name)) {
      const entry = segments.slice(0, index + 1).join('/');
      return folder ? `${entry}/` : entry;
    }
  }
  return undefined;
}

/**
 * Empty stand-ins for entries recorded by `contextEntryOf`, so that a tree
 * of the files read (`treeFromFiles`) lists them too.
 * @public
 */
export function entryPlaceholders(
  entries: Iterable<string>,
): Array<{ path: string; content: string }> {
  return [...new Set(entries)].map(entry => ({
    path: entry.endsWith('/') ? `${entry}.present` : entry,
    content: '',
  }));
}

/**
 * The paths a reader that cannot list folders asks for, file by file, to
 * collect a Dockerfile's build context (its folder): `BUILD_CONTEXT_FILES`,
 * `requirements.txt`, `prisma/schema.prisma` and `<Dockerfile>.dockerignore`,
 * given the Dockerfile's text only those its analysis can consult (see
 * `collectBuildContext`). Absent ones are normal.
 * @public
 */
export function buildContextCandidates(
  dockerfilePath: string,
  dockerfileText?: string,
): string[] {
  const folder = folderOf(dockerfilePath);
  const name = dockerfilePath.split('/').pop() ?? 'Dockerfile';
  const consulted =
    dockerfileText === undefined
      ? () => true
      : consultedContextFiles(dockerfileText);
  return [
    ...BUILD_CONTEXT_FILES,
    'requirements.txt',
    'prisma/schema.prisma',
    `${name}.dockerignore`,
  ]
    .filter(consulted)
    .map(file => (folder ? `${folder}/${file}` : file));
}
