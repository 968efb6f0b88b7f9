/*
 * Rust facts from a build context: the crates Cargo.lock locks. Cargo.lock
 * is TOML (`[[package]]` tables of name and version); read with smol-toml.
 */
import { parse as parseToml } from 'smol-toml';

/** What Cargo.lock of the context locks. @public */
export interface CargoLockFacts {
  /** The lockfile's path in the context. */
  file: string;
  /** Crate names, each with the versions locked (a workspace may lock several). */
  crates: ReadonlyMap<string, readonly string[]>;
}

/**
 * Crates that replace the process's allocator (as `#[global_allocator]`, or
 * by overriding malloc): a binary that locks one almost always links it for
 * that reason.
 */
const ALLOCATOR_CRATES: ReadonlySet<string> = new Set([
  'mimalloc',
  'jemallocator',
  'tikv-jemallocator',
  'snmalloc-rs',
  'rpmalloc',
  'tcmalloc',
  'tcmalloc-better',
]);

export function parseCargoLock(file: string, text: string): CargoLockFacts {
  const document = parseToml(text);
  const packages = document.package ?? [];
  if (!Array.isArray(packages)) {
    throw new Error('`package` is not an array of tables');
  }
  const crates = new Map<string, string[]>();
  for (const entry of packages) {
    const { name, version } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || typeof version !== 'string') {
      throw new Error('a `[[package]]` has no name or version');
    }
    crates.set(name, [...(crates.get(name) ?? []), version]);
  }
  return { file, crates };
}

/** The allocator crate Cargo.lock locks, if any (the first by name). */
export function lockedAllocator(lock: CargoLockFacts): string | undefined {
  return [...lock.crates.keys()]
    .filter(name => ALLOCATOR_CRATES.has(name))
    .sort()[0];
}
