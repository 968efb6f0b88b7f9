import type { BuildContextInput } from '@alpine-advisor/analyzer';
import {
  collectBuildContext,
  type RepositoryTree,
} from '@alpine-advisor/repository-layout';

/**
 * Each Dockerfile's build context (its folder, as `docker build` from
 * there), collected from the tree a reader read: the same files and
 * entries the CLI collects from disk.
 */
export async function buildContextsOf(
  tree: RepositoryTree,
  dockerfiles: readonly string[],
): Promise<Record<string, BuildContextInput>> {
  const contexts: Record<string, BuildContextInput> = {};
  for (const path of dockerfiles) {
    contexts[path] = await collectBuildContext(tree, path);
  }
  return contexts;
}
