/*
 * Where the analyzer and a corpus case disagree and the analyzer is the one
 * that is wrong: each entry is written up in ANALYZER-DISCREPANCIES.md. The
 * corpus test requires exactly these discrepancies, so a fixed analyzer makes
 * an entry stale and fails the test until the entry is removed.
 */

export interface ExpectedDiscrepancy {
  caseId: string;
  kind: 'missed' | 'unexpected' | 'grade';
  /** As in Discrepancy: the concept's rule ids joined by `|`, or the finding's rule. */
  ruleId?: string;
  line?: number;
  reason: string;
}

export const EXPECTED_DISCREPANCIES: readonly ExpectedDiscrepancy[] = [
  {
    caseId: '022-musl-cross-install-sharp',
    kind: 'unexpected',
    ruleId: 'node-modules-across-libc',
    line: 9,
    reason:
      'false positive: sharp is cross-installed with --os=linux --libc=musl (the fix rules.md B1#10 and npm-optional-deps-omitted recommend), yet the copy is an error',
  },
  {
    caseId: '022-musl-cross-install-sharp',
    kind: 'grade',
    reason:
      'C instead of A: follows from the node-modules-across-libc false positive',
  },
  {
    caseId: '053-seed-article-single-stage',
    kind: 'missed',
    ruleId: 'pip-no-musllinux-wheel',
    line: 4,
    reason:
      'false negative: build-base + pip install -r requirements.txt on python:*-alpine is the Part B #26 pattern itself, but the rule only reports packages pinned on the command line',
  },
  {
    caseId: '061-node-linux-x64-tarball',
    kind: 'grade',
    reason:
      'B instead of C: the official node-v…-linux-x64 tarball is an error by the rule docs, but with ${NODE_VERSION} in the name it is rated a generic (warning) download',
  },
  {
    caseId: '064-rpm-in-alpine',
    kind: 'missed',
    ruleId: 'glibc-package-manager-in-alpine',
    line: 4,
    reason:
      'false negative: rpm2cpio | cpio unpacks the rpm like dpkg -x (reported in case 062); the rule docs say unpacking with an Alpine-packaged rpm does not help',
  },
  {
    caseId: '067-jdk-tarball-x64-linux',
    kind: 'missed',
    ruleId: 'jdk-glibc-into-alpine',
    line: 2,
    reason:
      'false negative: the rule docs report downloads of JDK archives that are not musl builds, but an OpenJDK17U-jre_x64_linux URL held in ARG JRE_URL and fetched as "${JRE_URL}" is not seen',
  },
  {
    caseId: '067-jdk-tarball-x64-linux',
    kind: 'grade',
    reason: 'A instead of C–D: follows from the missed jdk-glibc-into-alpine',
  },
  {
    caseId: '069-dotnet-linux-x64-rid',
    kind: 'grade',
    reason:
      'F instead of C–D: dotnet-glibc-rid-for-alpine reports the one copy twice, once for `dotnet restore -r linux-x64` (line 4), which publishes nothing, and once for `dotnet publish` (line 6)',
  },
  {
    caseId: '073-node-modules-alpine-into-slim',
    kind: 'grade',
    reason:
      'B instead of C: the source stage installs python3 make g++ for node-gyp, so native addons are visibly built for musl, yet the copy is only a warning',
  },
  {
    caseId: '076-prisma-alpine-without-openssl',
    kind: 'grade',
    reason:
      'B instead of C: Prisma on node:22-alpine3.22 without openssl fails to load its engine (rules.md B1#13, "will break"), but prisma-engine-libc rates it a warning',
  },
  {
    caseId: '083-oracle-instant-client',
    kind: 'missed',
    ruleId: 'pip-no-musllinux-wheel',
    line: 10,
    reason:
      'false negative: cx_Oracle==8.3.0 publishes no musllinux wheels and the stage has no compiler, but cx_Oracle is missing from the knowledge table (oracle-instant-client-on-alpine reports the same line for the thick client, not for the failed build)',
  },
  {
    caseId: '128-run-mount-from-glibc-stage',
    kind: 'missed',
    ruleId: 'glibc-binary-into-alpine',
    line: 11,
    reason:
      'false negative: a binary installed from RUN --mount=type=bind,from=<glibc stage> is a cross-libc copy like COPY --from, but only COPY is checked',
  },
  {
    caseId: '128-run-mount-from-glibc-stage',
    kind: 'grade',
    reason:
      'A instead of C–D: follows from the missed glibc-binary-into-alpine',
  },
];
