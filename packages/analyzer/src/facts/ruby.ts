/*
 * Ruby facts from a build context: Gemfile.lock's gems (with their
 * platform variants) and its PLATFORMS. The lockfile format is Bundler's
 * own, indentation-based; it is read here.
 */

/** One spec of Gemfile.lock. @public */
export interface LockedGem {
  name: string;
  version: string;
  /** `x86_64-linux-gnu` for `nokogiri (1.16.0-x86_64-linux-gnu)`; absent for the `ruby` platform. */
  platform?: string;
}

/** What Gemfile.lock of the context locks. @public */
export interface GemfileLockFacts {
  file: string;
  /** Every spec line of the GEM (and GIT/PATH) sections, platform variants included. */
  gems: LockedGem[];
  platforms: string[];
  bundledWith?: string;
}

export function parseGemfileLock(file: string, text: string): GemfileLockFacts {
  const gems: LockedGem[] = [];
  const platforms: string[] = [];
  let bundledWith: string | undefined;
  let section: string | undefined;
  let sawSection = false;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    if (/^[A-Z]/.test(line)) {
      section = line.trim();
      sawSection = true;
      continue;
    }
    if (section === 'PLATFORMS') platforms.push(line.trim());
    else if (section === 'BUNDLED WITH') bundledWith = line.trim();
    else if (section === 'GEM' || section === 'GIT' || section === 'PATH') {
      // Specs are indented by four spaces; their dependencies by six.
      const spec = /^ {4}([A-Za-z0-9_.-]+) \(([^)]+)\)$/.exec(line);
      if (!spec) continue;
      const [version, ...platform] = spec[2].split('-');
      gems.push({
        name: spec[1],
        version,
        platform: platform.length > 0 ? platform.join('-') : undefined,
      });
    }
  }
  if (!sawSection) throw new Error('no GEM or PLATFORMS section');
  return { file, gems, platforms, bundledWith };
}

/** Gems with C extensions, commonly precompiled per platform or compiled on install. */
export const NATIVE_GEMS = new Set([
  'nokogiri',
  'ffi',
  'grpc',
  'google-protobuf',
  'sassc',
  'pg',
  'mysql2',
  'sqlite3',
  'bcrypt',
  'nio4r',
  'puma',
  'msgpack',
  'bootsnap',
  'racc',
  'json',
  'websocket-driver',
  'date',
  'io-console',
  'psych',
]);

/** Whether Bundler can install for musl: a musl platform, or the `ruby` platform to compile from. */
export function supportsMusl(lock: GemfileLockFacts): boolean {
  // `x86_64-linux` (no libc) is taken for either libc by Bundler: only a lockfile
  // naming glibc (`-linux-gnu`) or other systems alone leaves musl out.
  return lock.platforms.some(
    platform =>
      platform === 'ruby' ||
      /-linux-musl/.test(platform) ||
      /^[^-]+-linux$/.test(platform),
  );
}
