/*
 * Which analyzer rule reports each concept phrase of test/corpus/README.md.
 * Every phrase of the README table is in exactly one of the two tables below:
 * CONCEPT_RULES (a rule exists and the corpus test holds it to the case), or
 * KNOWN_GAPS (no rule reports it yet, with the reason). The mapping was
 * reviewed against each rule's docs.md in packages/analyzer/src/rules.
 */

/**
 * Concept phrase → rule ids of which at least one must report a finding on a
 * line the concept names. Several ids mean any of them satisfies the concept.
 */
export const CONCEPT_RULES: Readonly<Record<string, readonly string[]>> = {
  // Alpine practices
  'apk cache kept': ['apk-no-cache'],
  'apk update alone': ['apk-update-alone'],
  'virtual packages not removed in the same RUN': ['apk-virtual-not-removed'],
  'build toolchain in final stage': ['build-toolchain-in-final-stage'],
  'end-of-life Alpine': ['alpine-eol'],
  'apk upgrade': ['apk-upgrade'],
  'apk --allow-untrusted': ['apk-allow-untrusted'],
  'busybox missing tool': ['busybox-missing-tool'],
  'TZ without tzdata': ['tz-without-tzdata'],
  // Image hygiene
  'COPY . before dependency install': ['copy-all-before-install'],
  'untagged base image': ['base-image-untagged'],
  'latest base image': ['base-image-latest'],
  'pip cache kept': ['pip-no-cache-dir'],
  'npm/yarn cache left': ['npm-cache-left'],
  'runs as root': ['root-user'],
  'shell-form CMD': ['shell-form-cmd'],
  'ADD instead of COPY': ['add-instead-of-copy'],
  'pipe without pipefail': ['pipefail-missing'],
  'parse error': ['parse-error'],
  // musl risks (Part B numbers of ../shared/research/rules.md)
  'glibc binary copied into Alpine': ['glibc-binary-into-alpine'], // 1
  'Go cgo build copied into Alpine': ['go-cgo-glibc-into-alpine'], // 2
  'cgo on Alpine without C toolchain': ['cgo-without-c-toolchain'], // 3
  'Rust gnu target copied into Alpine': ['rust-gnu-target-into-alpine'], // 4
  'glibc download in Alpine': ['glibc-download-in-alpine'], // 5
  'Debian/RPM tooling in Alpine': ['glibc-package-manager-in-alpine'], // 6
  // 7: copies from glibc images and stages, and downloads of JDK archives that are not musl builds
  'glibc JDK in Alpine': ['jdk-glibc-into-alpine'],
  '.NET glibc RID on Alpine': ['dotnet-glibc-rid-for-alpine'], // 8
  '.NET ICU missing on Alpine': ['dotnet-icu-missing'], // 9
  'node_modules across libc': ['node-modules-across-libc'], // 10
  'native npm addon without toolchain on Alpine': [
    'node-addon-without-toolchain',
  ], // 12
  // 13: prisma-engine-libc's docs leave copies of a whole node_modules to node-modules-across-libc
  'Prisma engine mismatch on Alpine': [
    'prisma-engine-libc',
    'node-modules-across-libc',
  ],
  'pip package without musl wheel': ['pip-no-musllinux-wheel'], // 14
  // 26: the rule's warning level (a compiler next to pip install in a shipped Alpine stage: source builds, slow)
  'Python source builds on Alpine': ['pip-no-musllinux-wheel'],
  'Python packages across libc': ['python-packages-across-libc'], // 15
  'Oracle Instant Client on Alpine': ['oracle-instant-client-on-alpine'], // 16
  'glibc compatibility shim': ['glibc-compat-shim'], // 20
  // 21: glibc-download-in-alpine's docs hand sgerrand packages to glibc-compat-shim
  'third-party glibc package': ['glibc-compat-shim'],
  'glibc loader paths': ['glibc-loader-path-in-alpine'], // 22
  'Alpine before 3.18 DNS': ['alpine-dns-tcp-fallback'], // 23
  'musl iconv': ['iconv-translit-on-musl'], // 25
  'musl allocator for threaded native server': ['musl-malloc-contention'], // 27
  'locale collation ignored on musl': ['musl-locale-collation'], // 28
  'glibc resolver options on musl': ['musl-resolver-options'], // 29
  'Go resolver without nsswitch.conf': ['go-nsswitch-missing'], // 30
  'python on Alpine advice': ['python-alpine-base'], // 32
  '32-bit time64 on old hosts': ['alpine-32bit-time64'], // 36
};

/** A concept no analyzer rule reports yet, and why. */
export interface KnownGap {
  reason: string;
  /**
   * The rule id expected to cover it once registered: the corpus test fails
   * when that rule appears, so the concept moves to CONCEPT_RULES.
   */
  awaitedRule?: string;
}

export const KNOWN_GAPS: Readonly<Record<string, KnownGap>> = {};
