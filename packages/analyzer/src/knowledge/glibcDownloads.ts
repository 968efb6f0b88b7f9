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
 * A project whose generic Linux release assets (`tool_linux_amd64.tar.gz`)
 * are statically linked or otherwise run on musl, so the generic name does
 * not mean glibc. `source` says how we know: the project's build
 * configuration, or the vendor's own Alpine image installing exactly that
 * asset (the strongest evidence there is that it runs on musl).
 */
export interface StaticRelease {
  /** Asset or binary name as release URLs spell it (`kubectl`, `influxdb2`). */
  name: string;
  /** Matches the URL path when the name alone is too short to match safely. */
  pattern?: RegExp;
  /** Where the claim comes from; `inherited` entries predate recorded sources. */
  source: string;
}

const INFLUXDATA_ALPINE_IMAGES =
  'https://github.com/influxdata/influxdata-docker (every `*/alpine/Dockerfile` installs the generic `_linux_<arch>` tarball on alpine)';
const HASHICORP_RELEASES =
  'https://github.com/hashicorp/vault/blob/main/Dockerfile (the vendor image copies the releases.hashicorp.com binary into alpine:3; the other HashiCorp Go tools are released by the same pipeline)';
const INHERITED = 'inherited: listed before sources were recorded';

/** Projects known to publish statically linked Linux releases (Go with cgo off, or static builds). */
export const STATIC_RELEASES: readonly StaticRelease[] = [
  // Verified sources.
  {
    name: 'kubectl',
    source:
      'https://github.com/kubernetes/kubernetes/blob/master/hack/lib/golang.sh (KUBE_STATIC_BINARIES lists kubectl: CGO_ENABLED=0)',
  },
  {
    name: 'docker',
    source:
      'https://docs.docker.com/engine/install/binaries/ (download.docker.com/linux/static: "static binaries"); docker-library/docker installs them on alpine',
  },
  {
    name: 'go',
    pattern: /(^|\/)go\d+(\.\d+)*\.linux-/,
    source:
      'https://github.com/docker-library/golang (the alpine variants install the upstream go<version>.linux-<arch> tarball)',
  },
  { name: 'telegraf', source: INFLUXDATA_ALPINE_IMAGES },
  { name: 'influxdb', source: INFLUXDATA_ALPINE_IMAGES },
  { name: 'influxdb2', source: INFLUXDATA_ALPINE_IMAGES },
  { name: 'influx', source: INFLUXDATA_ALPINE_IMAGES },
  { name: 'kapacitor', source: INFLUXDATA_ALPINE_IMAGES },
  { name: 'chronograf', source: INFLUXDATA_ALPINE_IMAGES },
  {
    name: 'dasel',
    source:
      'https://github.com/influxdata/influxdata-docker (influxdb/*/alpine/Dockerfile install dasel_linux_<arch> on alpine); dasel releases are built with CGO_ENABLED=0',
  },
  { name: 'terraform', source: HASHICORP_RELEASES },
  { name: 'packer', source: HASHICORP_RELEASES },
  { name: 'vault', source: HASHICORP_RELEASES },
  { name: 'consul', source: HASHICORP_RELEASES },
  { name: 'nomad', source: HASHICORP_RELEASES },
  {
    name: 'tini',
    source:
      'https://github.com/krallin/tini/releases (tini-static-<arch> assets; the plain asset is used by docker-library images on alpine too)',
  },
  {
    name: 'gosu',
    source:
      'https://github.com/tianon/gosu#installation (Go, built without cgo; docker-library images install gosu-<arch> on alpine)',
  },
  // Inherited entries: Go tools generally released with cgo off; sources to be recorded.
  ...[
    'helm',
    'kustomize',
    'compose',
    'docker-compose',
    'buildx',
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
  ].map(name => ({ name, source: INHERITED })),
];

/** Names of the projects in STATIC_RELEASES. */
export const STATICALLY_LINKED_RELEASES: readonly string[] =
  STATIC_RELEASES.map(release => release.name);

const STATIC_RELEASE_PATTERNS: ReadonlyArray<{
  release: StaticRelease;
  pattern: RegExp;
}> = STATIC_RELEASES.map(release => ({
  release,
  pattern:
    release.pattern ?? new RegExp(`(^|[/_-])${escape(release.name)}([/_.-]|$)`),
}));

/**
 * Signatures, checksums and keys fetched beside a release: text, never
 * executed, whatever the name of the file they verify says.
 */
const VERIFICATION_FILE =
  /(\.(asc|sig|sign|gpg|minisig|sha1|sha256|sha512|sha256sum|sha512sum|sha1sum|md5|md5sum|pem|crt|cer|pub|sbom|spdx|intoto\.jsonl|sigstore|cosign\.bundle)|(^|[/_.-])(sha(1|256|512)?sums?|shasums(256)?|checksums?|md5sums?)(\.txt|\.asc|\.sig)?)$/i;

/** True when the URL names a signature, checksum list or key rather than a program. */
export function isVerificationFile(url: string): boolean {
  return VERIFICATION_FILE.test(url.replace(/[?#].*$/, ''));
}

/** The URL without scheme and host: `static.rust-lang.org` says nothing about the file. */
function pathOf(url: string): string {
  return url.replace(/^[a-z]+:\/\/[^/]+/i, '');
}

/** The known static project a release URL belongs to, if any. */
export function staticRelease(url: string): StaticRelease | undefined {
  const path = pathOf(url).toLowerCase();
  return STATIC_RELEASE_PATTERNS.find(({ pattern }) => pattern.test(path))
    ?.release;
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
  if (isVerificationFile(url)) return undefined;
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
  if (GENERIC_LINUX.test(url) && !staticRelease(url)) {
    return {
      kind: 'generic-linux',
      reason: 'a generic Linux build, usually linked against glibc',
    };
  }
  return undefined;
}
