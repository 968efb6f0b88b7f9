import { normalizeName, onlyAllowsOlderThan } from './pythonVersions';
import type { Requirement } from './pythonVersions';

/**
 * PyPI packages with compiled code whose musllinux wheels (PEP 656) are
 * missing, or arrived late. pip on Alpine rejects manylinux (glibc) wheels,
 * so without a musllinux wheel it builds the source distribution, which
 * needs a compiler and takes minutes to tens of minutes, or finds nothing
 * at all when there is no source distribution.
 *
 * Maintained by hand: add a package when its musllinux story is known and
 * sourced; move `musllinuxSince` when a project starts shipping them.
 * Versions are for x86_64; `aarch64Since` is set when arm64 wheels came
 * later (or never).
 */
export interface MuslWheelGap {
  /** PEP 503 normalised PyPI name. */
  name: string;
  /** First release with musllinux x86_64 wheels; null: no release has any. */
  musllinuxSince: string | null;
  /** First release with musllinux aarch64 wheels, when different from x86_64; null: none. */
  aarch64Since?: string | null;
  /** False when PyPI has no source distribution either: pip on Alpine finds no installable version. */
  hasSourceDistribution: boolean;
  /** Alpine packages a source build needs beyond gcc and musl-dev. */
  buildNeeds: string[];
  /** The Alpine package shipping it prebuilt for the system Python, when there is one. */
  alpinePackage?: string;
  /** Where the facts come from. */
  source: string;
}

export const PIP_PACKAGES_WITHOUT_MUSL_WHEELS: readonly MuslWheelGap[] = [
  {
    name: 'numpy',
    musllinuxSince: '1.25.0',
    hasSourceDistribution: true,
    buildNeeds: ['g++', 'linux-headers'],
    alpinePackage: 'py3-numpy',
    source: 'https://github.com/numpy/numpy/releases/tag/v1.25.0',
  },
  {
    name: 'pandas',
    musllinuxSince: '2.1.0',
    aarch64Since: '2.2.0',
    hasSourceDistribution: true,
    buildNeeds: ['g++'],
    alpinePackage: 'py3-pandas',
    source: 'https://github.com/pandas-dev/pandas/issues/55645',
  },
  {
    name: 'scipy',
    musllinuxSince: '1.11.2',
    hasSourceDistribution: true,
    buildNeeds: ['g++', 'gfortran', 'openblas-dev'],
    alpinePackage: 'py3-scipy',
    source: 'https://scipy.github.io/devdocs/release/1.11.2-notes.html',
  },
  {
    name: 'grpcio',
    musllinuxSince: '1.45.0',
    aarch64Since: '1.71.0',
    hasSourceDistribution: true,
    buildNeeds: ['g++', 'linux-headers'],
    alpinePackage: 'py3-grpcio',
    source: 'https://github.com/grpc/grpc/pull/28969',
  },
  {
    name: 'psycopg2',
    musllinuxSince: null,
    hasSourceDistribution: true,
    buildNeeds: ['postgresql-dev'],
    alpinePackage: 'py3-psycopg2',
    source: 'https://github.com/psycopg/psycopg2/issues/1417',
  },
  {
    name: 'psycopg2-binary',
    musllinuxSince: '2.9.3',
    hasSourceDistribution: true,
    buildNeeds: ['postgresql-dev'],
    source: 'https://github.com/psycopg/psycopg2/pull/1392',
  },
  {
    name: 'oracledb',
    musllinuxSince: null,
    hasSourceDistribution: true,
    buildNeeds: [],
    source: 'https://github.com/oracle/python-oracledb/issues/541',
  },
  {
    name: 'cx-oracle',
    musllinuxSince: null,
    hasSourceDistribution: true,
    buildNeeds: [],
    source: 'https://github.com/oracle/python-cx_Oracle/issues/249',
  },
  {
    name: 'torch',
    musllinuxSince: null,
    hasSourceDistribution: false,
    buildNeeds: [],
    source: 'https://github.com/alpine-wheels/index/issues/700',
  },
  {
    name: 'tensorflow',
    musllinuxSince: null,
    hasSourceDistribution: false,
    buildNeeds: [],
    source: 'https://github.com/tensorflow/tensorflow/issues/85371',
  },
  {
    name: 'tensorflow-io',
    musllinuxSince: null,
    hasSourceDistribution: false,
    buildNeeds: [],
    source: 'https://github.com/tensorflow/io/issues/1694',
  },
];

const byName = new Map(
  PIP_PACKAGES_WITHOUT_MUSL_WHEELS.map(entry => [entry.name, entry]),
);

/** Why pip on musl gets no wheel for a requirement. */
export interface MissingMuslWheel {
  gap: MuslWheelGap;
  /** `never`: no release has musllinux wheels; `pinned-below`: the constraints exclude the releases that do. */
  reason: 'never' | 'pinned-below';
}

/** The known wheel gap a requirement runs into on musl (x86_64), if any. */
export function missingMuslWheel(
  requirement: Requirement,
): MissingMuslWheel | undefined {
  const gap = byName.get(normalizeName(requirement.name));
  if (!gap) return undefined;
  if (gap.musllinuxSince === null) return { gap, reason: 'never' };
  return onlyAllowsOlderThan(requirement.constraints, gap.musllinuxSince)
    ? { gap, reason: 'pinned-below' }
    : undefined;
}

/**
 * Packages whose wheels contain compiled code (C, C++, Rust, Fortran): a
 * site-packages or virtualenv holding them only works on the libc it was
 * built for. Not exhaustive: it turns a "may break" into a "will break".
 */
export const PYTHON_PACKAGES_WITH_NATIVE_CODE: ReadonlySet<string> = new Set([
  'numpy',
  'pandas',
  'scipy',
  'scikit-learn',
  'matplotlib',
  'pillow',
  'lxml',
  'grpcio',
  'grpcio-tools',
  'psycopg2',
  'psycopg2-binary',
  'psycopg-binary',
  'mysqlclient',
  'cryptography',
  'cffi',
  'bcrypt',
  'argon2-cffi-bindings',
  'pydantic',
  'pydantic-core',
  'orjson',
  'ujson',
  'uvloop',
  'httptools',
  'psutil',
  'greenlet',
  'gevent',
  'msgpack',
  'regex',
  'pyzmq',
  'zstandard',
  'torch',
  'tensorflow',
  'oracledb',
  'cx-oracle',
  'pyarrow',
  'duckdb',
  'tokenizers',
  'rpds-py',
  'markupsafe',
  'pyyaml',
]);
