/*
 * Python facts from a build context: what requirements files pin, and what
 * lockfiles record of each package's distributions (uv.lock and
 * poetry.lock name every wheel file, whose tags say musllinux or not).
 * TOML through smol-toml; Pipfile.lock is JSON.
 */
import { parse as parseToml } from 'smol-toml';

/** One package a Python manifest or lockfile pins. @public */
export interface LockedPythonPackage {
  /** Normalised (PEP 503): lowercase, runs of `-_.` as `-`. */
  name: string;
  version?: string;
  /** Wheel file names the lockfile records; absent when it records none (requirements, Pipfile.lock). */
  wheels?: string[];
  /** Whether a source distribution is recorded (uv.lock `sdist`, poetry's `.tar.gz`). */
  sdist?: boolean;
}

/** What a Python requirements file, manifest or lockfile of the context pins. @public */
export interface PythonLockFacts {
  file: string;
  packages: ReadonlyMap<string, LockedPythonPackage>;
  /** `requires-python` (uv.lock, pyproject) or poetry's python constraint. */
  requiresPython?: string;
}

export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fileName(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  return decodeURIComponent(url.split(/[?#]/)[0].split('/').pop() ?? '');
}

/** `requirements*.txt`: pinned and unpinned requirements, skipping options, URLs and comments. */
export function parseRequirements(file: string, text: string): PythonLockFacts {
  const packages = new Map<string, LockedPythonPackage>();
  const joined = text.replace(/\\\r?\n/g, ' ');
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('-') || /^[a-z+]+:\/\//i.test(line)) continue;
    const match =
      /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(?:===?\s*([^\s;,]+))?/.exec(
        line,
      );
    if (!match) continue;
    const name = normalizePythonName(match[1]);
    if (!packages.has(name)) packages.set(name, { name, version: match[3] });
  }
  return { file, packages };
}

/** The `-r other.txt` files a requirements file includes (relative to it). */
export function includedRequirements(text: string): string[] {
  const included: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:-r|--requirement|-c|--constraint)[\s=]+(\S+)/.exec(
      line,
    );
    if (match) included.push(match[1]);
  }
  return included;
}

/** uv.lock: `[[package]]` with `sdist` and `wheels = [{ url = … }]`. */
export function parseUvLock(file: string, text: string): PythonLockFacts {
  const lock = parseToml(text) as Record<string, unknown>;
  const packages = new Map<string, LockedPythonPackage>();
  for (const entry of Array.isArray(lock.package) ? lock.package : []) {
    if (!isRecord(entry) || typeof entry.name !== 'string') continue;
    // The project itself (`source = { editable = "." }`) is no dependency.
    if (
      isRecord(entry.source) &&
      ('editable' in entry.source || 'virtual' in entry.source)
    )
      continue;
    const name = normalizePythonName(entry.name);
    const wheels = (Array.isArray(entry.wheels) ? entry.wheels : [])
      .map((wheel: unknown) =>
        isRecord(wheel)
          ? fileName(wheel.url ?? wheel.path ?? wheel.filename)
          : undefined,
      )
      .filter((wheel: string | undefined): wheel is string => !!wheel);
    packages.set(name, {
      name,
      version: typeof entry.version === 'string' ? entry.version : undefined,
      wheels,
      sdist: isRecord(entry.sdist),
    });
  }
  const requiresPython =
    typeof lock['requires-python'] === 'string'
      ? lock['requires-python']
      : undefined;
  return { file, packages, requiresPython };
}

/** poetry.lock: `[[package]]` with `files = [{ file = "x-1.0-cp312-…whl" }]`. */
export function parsePoetryLock(file: string, text: string): PythonLockFacts {
  const lock = parseToml(text) as Record<string, unknown>;
  const packages = new Map<string, LockedPythonPackage>();
  for (const entry of Array.isArray(lock.package) ? lock.package : []) {
    if (!isRecord(entry) || typeof entry.name !== 'string') continue;
    const name = normalizePythonName(entry.name);
    const files = (Array.isArray(entry.files) ? entry.files : [])
      .map((item: unknown) =>
        isRecord(item) ? fileName(item.file) : undefined,
      )
      .filter((item: string | undefined): item is string => !!item);
    packages.set(name, {
      name,
      version: typeof entry.version === 'string' ? entry.version : undefined,
      // An old poetry.lock keeps the files in `[metadata.files]`: none here, so nothing is claimed.
      wheels:
        files.length > 0 ? files.filter(f => f.endsWith('.whl')) : undefined,
      sdist:
        files.length > 0 ? files.some(f => !f.endsWith('.whl')) : undefined,
    });
  }
  const metadata = isRecord(lock.metadata) ? lock.metadata : {};
  const requiresPython =
    typeof metadata['python-versions'] === 'string'
      ? metadata['python-versions']
      : undefined;
  return { file, packages, requiresPython };
}

/** Pipfile.lock: `default` and `develop`, `{ "version": "==1.2.3" }`. */
export function parsePipfileLock(file: string, text: string): PythonLockFacts {
  const lock = JSON.parse(text);
  if (!isRecord(lock)) throw new Error('not a JSON object');
  const packages = new Map<string, LockedPythonPackage>();
  for (const group of ['default', 'develop']) {
    if (!isRecord(lock[group])) continue;
    for (const [raw, entry] of Object.entries(lock[group])) {
      const name = normalizePythonName(raw);
      const version =
        isRecord(entry) && typeof entry.version === 'string'
          ? entry.version.replace(/^==/, '')
          : undefined;
      if (!packages.has(name)) packages.set(name, { name, version });
    }
  }
  const meta =
    isRecord(lock._meta) && isRecord(lock._meta.requires)
      ? lock._meta.requires
      : {};
  const pinned = [meta.python_full_version, meta.python_version].find(
    value => typeof value === 'string',
  );
  return { file, packages, requiresPython: pinned };
}

/** pyproject.toml: `[project] dependencies` and `requires-python`, or poetry's table. */
export function parsePyproject(file: string, text: string): PythonLockFacts {
  const project = parseToml(text) as Record<string, any>;
  const packages = new Map<string, LockedPythonPackage>();
  const table = isRecord(project.project) ? project.project : {};
  for (const requirement of Array.isArray(table.dependencies)
    ? table.dependencies
    : []) {
    if (typeof requirement !== 'string') continue;
    const parsed = parseRequirements(file, requirement).packages;
    for (const [name, entry] of parsed) packages.set(name, entry);
  }
  const poetry =
    isRecord(project.tool) && isRecord(project.tool.poetry)
      ? project.tool.poetry
      : {};
  let poetryPython: string | undefined;
  if (isRecord(poetry.dependencies)) {
    for (const [raw, spec] of Object.entries(poetry.dependencies)) {
      if (raw === 'python') {
        if (typeof spec === 'string') poetryPython = spec;
        continue;
      }
      const name = normalizePythonName(raw);
      const version =
        typeof spec === 'string' && /^==?\d/.test(spec)
          ? spec.replace(/^==?/, '')
          : undefined;
      packages.set(name, { name, version });
    }
  }
  const requiresPython =
    typeof table['requires-python'] === 'string'
      ? table['requires-python']
      : poetryPython;
  return { file, packages, requiresPython };
}

/** Wheel file-name tags: `numpy-2.1.0-cp312-cp312-musllinux_1_2_x86_64.whl` → platform `musllinux_1_2_x86_64`. */
export function wheelPlatforms(wheel: string): string[] {
  const parts = wheel.replace(/\.whl$/, '').split('-');
  return parts.length >= 5 ? parts[parts.length - 1].split('.') : [];
}

/** A CPython version: `{ major: 3, minor: 13 }`. */
export interface PythonVersion {
  major: number;
  minor: number;
}

/**
 * Whether a wheel's interpreter and ABI tags (PEP 425) load on CPython
 * `python`: its own `cp313`, a stable-ABI (`abi3`) build for an older
 * `cp3N`, or a `py3` tag. A name without tags is given the benefit.
 */
export function wheelRunsOn(wheel: string, python: PythonVersion): boolean {
  const parts = wheel.replace(/\.whl$/, '').split('-');
  if (parts.length < 5) return true;
  const interpreters = parts[parts.length - 3].split('.');
  const abis = parts[parts.length - 2].split('.');
  const { major, minor } = python;
  return interpreters.some(tag => {
    if (tag === `cp${major}${minor}`) return true;
    if (tag === `py${major}` || tag === `py${major}${minor}`) return true;
    const older = /^cp(\d)(\d+)$/.exec(tag);
    return (
      !!older &&
      abis.includes('abi3') &&
      Number(older[1]) === major &&
      Number(older[2]) <= minor
    );
  });
}

/** The interpreter tags (`cp311`, `cp312`) of a package's musllinux wheels for an architecture. */
export function muslWheelInterpreters(
  entry: LockedPythonPackage,
  arch = 'x86_64',
): string[] {
  const tags = new Set<string>();
  for (const wheel of entry.wheels ?? []) {
    const isMusl = wheelPlatforms(wheel).some(
      platform => platform.startsWith('musllinux') && platform.endsWith(arch),
    );
    const parts = wheel.replace(/\.whl$/, '').split('-');
    if (isMusl && parts.length >= 5)
      for (const tag of parts[parts.length - 3].split('.')) tags.add(tag);
  }
  return [...tags].sort();
}

/**
 * What the recorded wheels of a package offer Alpine on an architecture,
 * and, given the image's CPython, on that interpreter: a musllinux wheel
 * built for another Python is no wheel for this one.
 */
export function muslWheelSupport(
  entry: LockedPythonPackage,
  arch = 'x86_64',
  python?: PythonVersion,
): 'pure' | 'musllinux' | 'none' | 'unknown' {
  // Nothing recorded, or a source distribution alone: the files do not say.
  if (!entry.wheels || entry.wheels.length === 0) return 'unknown';
  let musl = false;
  for (const wheel of entry.wheels) {
    for (const platform of wheelPlatforms(wheel)) {
      if (platform === 'any') return 'pure';
      if (
        platform.startsWith('musllinux') &&
        platform.endsWith(arch) &&
        (!python || wheelRunsOn(wheel, python))
      )
        musl = true;
    }
  }
  return musl ? 'musllinux' : 'none';
}
