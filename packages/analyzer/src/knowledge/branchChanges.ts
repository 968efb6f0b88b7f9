/*
 * Changes between Alpine branches that break builds or programs, each with
 * the primary sources that show it: the package's version on each branch
 * (pkgs.alpinelinux.org) and the upstream changelog. Only changes confirmed
 * that way are listed; reports of breakage without a package page and a
 * changelog stay out.
 */

export interface BranchChange {
  id: string;
  /** First branch with the change. */
  since: string;
  /** The Alpine package that carries it. */
  apkPackage: string;
  /** Text in a RUN that depends on what was removed. */
  usage: RegExp;
  /** What changed, for messages. */
  what: string;
  /** What to do instead. */
  instead: string;
  sources: readonly string[];
}

export const BRANCH_CHANGES: readonly BranchChange[] = [
  {
    id: 'setuptools-82-pkg-resources',
    since: '3.24',
    apkPackage: 'py3-setuptools',
    usage: /\bpkg_resources\b/,
    what: 'Alpine 3.24 ships py3-setuptools 82 (3.23: 80.9), and setuptools 82.0.0 removed pkg_resources',
    instead:
      'use importlib.metadata / importlib.resources, or install setuptools<82 with pip in a virtualenv for code that still imports pkg_resources',
    sources: [
      'https://pkgs.alpinelinux.org/package/v3.24/main/x86/py3-setuptools',
      'https://pkgs.alpinelinux.org/package/v3.23/main/ppc64le/py3-setuptools',
      'https://raw.githubusercontent.com/pypa/setuptools/refs/tags/v82.0.1/NEWS.rst',
    ],
  },
];
