/*
 * What a download URL says about the C library its binaries need. Release
 * assets are named by convention: `-linux-gnu`, `manylinux` and the
 * official Node.js tarballs are glibc builds; `musl`, `alpine` and `static`
 * name builds that run on Alpine; a bare `linux-amd64` is usually glibc
 * unless the project links statically (Go tools built without cgo do).
 */

/** How sure we are that a download needs glibc. */
export type DownloadVerdict =
  /** Named as a glibc build, or a glibc distribution's package. */
  | { kind: 'glibc'; reason: string }
  /** A generic Linux build of a project not known to link statically. */
  | { kind: 'generic-linux'; reason: string };

/** Names that mark a build for musl, Alpine or without libc dependencies. */
const MUSL_OR_STATIC = /musl|alpine|static|\.apk(\?|#|$)/i;

const DISTRIBUTION_PACKAGE = /\.(deb|rpm)(\?|#|$)/i;

/** Release names that spell out glibc. */
const GLIBC_NAMES: Array<{ pattern: RegExp; reason: string }> = [
  {
    pattern: /linux-gnu/i,
    reason: 'a `linux-gnu` build (glibc target triple)',
  },
  {
    pattern: /manylinux/i,
    reason: 'a `manylinux` wheel (glibc; pip on Alpine needs `musllinux`)',
  },
  { pattern: /[-_.]glibc/i, reason: 'a build named for glibc' },
  {
    pattern:
      /nodejs\.org\/(dist|download)\/.*node-v[^/]*-linux-|\/node-v[^/]*-linux-(x64|arm64|armv7l|ppc64le|s390x)\.tar/i,
    reason:
      'an official Node.js Linux tarball (glibc; musl builds are the unofficial `-linux-x64-musl` ones)',
  },
];

const GENERIC_LINUX =
  /linux[-_.]?(x64|x86[-_]64|amd64|arm64|aarch64|armv7l?|armhf)|(x86[-_]64|amd64|aarch64|arm64)[-_.]linux|linux64/i;

/**
 * Projects whose Linux release binaries are statically linked (Go tools
 * built with cgo off, or explicitly static builds), so a generic
 * `linux-amd64` asset of theirs runs on Alpine.
 */
export const STATICALLY_LINKED_RELEASES: readonly string[] = [
  'kubectl',
  'helm',
  'kustomize',
  'terraform',
  'packer',
  'vault',
  'consul',
  'nomad',
  'docker',
  'compose',
  'docker-compose',
  'buildx',
  'gosu',
  'tini',
  'yq',
  'jq',
  'hadolint',
  'trivy',
  'grype',
  'syft',
  'cosign',
  'golangci-lint',
  'k9s',
  'kind',
  'minikube',
  'mc',
  'restic',
  'rclone',
  'sops',
  'age',
  'step',
  'caddy',
  'traefik',
  'gh',
  'glab',
  'task',
  'dive',
  'crane',
  'oras',
  'flux',
  'argocd',
  'istioctl',
  'eksctl',
  'doctl',
  'prometheus',
  'node_exporter',
  'alertmanager',
  'promtool',
  'loki',
  'promtail',
  'etcd',
  'dockerize',
  's6-overlay',
  'dumb-init',
  'su-exec',
  'tailscale',
  'cloudflared',
  'minio',
  'hugo',
  'kubeseal',
  'velero',
  'stern',
  'skaffold',
  'tflint',
  'terragrunt',
  'atlantis',
  'upx',
  'shellcheck',
];

/** The URL without scheme and host: `static.rust-lang.org` says nothing about the file. */
function pathOf(url: string): string {
  return url.replace(/^[a-z]+:\/\/[^/]+/i, '');
}

function staticProject(url: string): string | undefined {
  const path = pathOf(url).toLowerCase();
  return STATICALLY_LINKED_RELEASES.find(name =>
    new RegExp(`(^|[/_-])${escape(name)}([/_.-]|$)`).test(path),
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when a file name is the binary of a project known to release static builds (`kubectl`, `helm`). */
export function isStaticallyLinkedTool(fileName: string): boolean {
  return STATICALLY_LINKED_RELEASES.includes(fileName.toLowerCase());
}

/** JDK/JRE archives: the JDK rule owns them. */
export function isJdkDownload(url: string): boolean {
  return (
    /(jdk|jre|openjdk|temurin|corretto|zulu|liberica|graalvm|semeru|sapmachine)/i.test(
      url,
    ) && /linux/i.test(url)
  );
}

/** Oracle Instant Client archives and packages: the Oracle rule owns them. */
export function isOracleInstantClient(text: string): boolean {
  return /instantclient|instant-client/i.test(text);
}

/** glibc shim packages (sgerrand's `glibc-*.apk`): the shim rule owns them. */
export function isGlibcShimPackage(text: string): boolean {
  return /sgerrand|alpine-pkg-glibc|glibc-[\d.]+-r\d+\.apk|glibc-(bin|i18n)-/i.test(
    text,
  );
}

/** What a URL (or file name) says about the libc its content needs; undefined when nothing points at glibc. */
export function classifyDownload(url: string): DownloadVerdict | undefined {
  if (DISTRIBUTION_PACKAGE.test(url)) {
    return {
      kind: 'glibc',
      reason:
        'a Debian/RPM package (for glibc distributions; apk cannot install it)',
    };
  }
  if (MUSL_OR_STATIC.test(pathOf(url))) return undefined;
  const named = GLIBC_NAMES.find(entry => entry.pattern.test(url));
  if (named) return { kind: 'glibc', reason: named.reason };
  if (GENERIC_LINUX.test(url) && !staticProject(url)) {
    return {
      kind: 'generic-linux',
      reason: 'a generic Linux build, usually linked against glibc',
    };
  }
  return undefined;
}
