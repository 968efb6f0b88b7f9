import type { LayerEntry } from '../layers/LayerScan';

/** An entry of the merged image, with the layer that last wrote it. */
export interface MergedEntry extends LayerEntry {
  layer: number;
}

interface TreeNode {
  entry?: MergedEntry;
  children?: Map<string, TreeNode>;
}

/** Linux gives up after 40 symlinks in one lookup (ELOOP); so does this. */
const MAX_SYMLINK_HOPS = 40;

/**
 * The image's file system as the container sees it: layers applied in order,
 * whiteouts and opaque directories honoured. A tree, so deleting a directory
 * costs the same whatever it holds. Lookups follow symlinks (relative and
 * absolute, clamped at the root like a chroot) with a hop limit, so a
 * symlink loop is an unresolved path, not a hang.
 */
export class ImageFilesystem {
  private readonly root: TreeNode = { children: new Map() };

  /** Removes a path and everything under it (a `.wh.` whiteout from a higher layer). */
  remove(path: string): void {
    const { parent, name } = this.parentOf(path, false);
    parent?.children?.delete(name);
  }

  /** Empties a directory of what lower layers put there (`.wh..wh..opq`). */
  clearDirectory(path: string): void {
    const node = path === '' ? this.root : this.nodeAt(path);
    if (node?.children) node.children.clear();
  }

  add(entry: MergedEntry): void {
    const { parent, name } = this.parentOf(entry.path, true);
    if (!parent) return;
    const existing = parent.children!.get(name);
    if (entry.type === 'directory') {
      // A directory over a directory keeps the contents: layers merge.
      if (existing?.children) {
        existing.entry = entry;
        return;
      }
      parent.children!.set(name, { entry, children: new Map() });
      return;
    }
    parent.children!.set(name, { entry });
  }

  /** The entry at `path` as stored (a symlink is not followed). */
  entryAt(path: string): MergedEntry | undefined {
    return this.nodeAt(path)?.entry;
  }

  /**
   * Follows symlinks in every component; the final entry (a file, a
   * directory…) and its real path, or undefined when nothing is there or
   * a loop or dangling link is met.
   */
  resolve(path: string): { path: string; entry: MergedEntry } | undefined {
    let hops = 0;
    let pending = splitPath(path);
    const resolved: string[] = [];
    while (pending.length > 0) {
      const part = pending.shift()!;
      if (part === '..') {
        resolved.pop();
        continue;
      }
      const candidate = [...resolved, part].join('/');
      const entry = this.nodeAt(candidate)?.entry;
      if (entry?.type === 'symlink') {
        hops += 1;
        if (hops > MAX_SYMLINK_HOPS) return undefined;
        const target = entry.linkTarget ?? '';
        if (target.startsWith('/')) resolved.length = 0;
        pending = [...splitPath(target), ...pending];
        continue;
      }
      if (!this.nodeAt(candidate)) return undefined;
      resolved.push(part);
    }
    const real = resolved.join('/');
    const entry = this.nodeAt(real)?.entry;
    return entry ? { path: real, entry } : undefined;
  }

  /** Every entry, depth first. */
  *entries(): Generator<MergedEntry> {
    const stack: TreeNode[] = [this.root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.entry) yield node.entry;
      if (node.children) stack.push(...node.children.values());
    }
  }

  private nodeAt(path: string): TreeNode | undefined {
    let node: TreeNode | undefined = this.root;
    for (const part of splitPath(path)) {
      node = node.children?.get(part);
      if (!node) return undefined;
    }
    return node;
  }

  private parentOf(
    path: string,
    create: boolean,
  ): { parent?: TreeNode; name: string } {
    const parts = splitPath(path);
    const name = parts.pop() ?? '';
    let node = this.root;
    for (const part of parts) {
      let child = node.children?.get(part);
      if (!child) {
        if (!create) return { name };
        // A file whose directory has no entry of its own: tar allows it.
        child = { children: new Map() };
        node.children!.set(part, child);
      } else if (!child.children) {
        if (!create) return { name };
        child.children = new Map();
      }
      node = child;
    }
    return { parent: node, name };
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter(part => part !== '' && part !== '.');
}
