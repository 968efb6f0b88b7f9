import type { BuildContextInput } from '@alpine-advisor/analyzer';
import {
  collectBuildContext,
  type BuildContextOptions,
  type RepositoryTree,
} from '@alpine-advisor/repository-layout';

/**
 * Each Dockerfile's build context (its folder, as `docker build` from
 * there), collected from the tree a reader read: the same files and
 * entries the CLI collects from disk. `committed`: the tree is what the
 * repository holds (a source host's read), not a working directory.
 */
export async function buildContextsOf(
  tree: RepositoryTree,
  dockerfiles: readonly string[],
  options: Pick<BuildContextOptions, 'committed'> = {},
): Promise<Record<string, BuildContextInput>> {
  const contexts: Record<string, BuildContextInput> = {};
  for (const path of dockerfiles) {
    contexts[path] = await collectBuildContext(tree, path, options);
  }
  return contexts;
}
