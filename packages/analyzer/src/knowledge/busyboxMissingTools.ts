/*
 * Tools scripts written for Debian or Ubuntu take for granted that Alpine's
 * BusyBox userland does not have, the Alpine packages that provide them and
 * the official images that already ship them. `busybox-missing-tool` decides
 * with this table; each entry says where it comes from.
 */

export interface BusyboxMissingTool {
  /** Alpine packages providing the tool; empty when none exists. */
  packages: readonly string[];
  /** Official images that already ship the tool, matched against `name:tag` (`nginx:1.27-alpine`; `latest` when untagged). */
  shippedBy?: RegExp;
  /** Appended to the finding's message, e.g. the BusyBox equivalent; may be empty. */
  advice: string;
  /** Where the facts come from: `https://… (what it shows)`. */
  sources: readonly string[];
}

const SHADOW: BusyboxMissingTool = {
  packages: ['shadow'],
  advice: 'or use BusyBox `addgroup -S`/`adduser -S`',
  sources: [
    'https://pkgs.alpinelinux.org/package/edge/main/x86_64/shadow (useradd, groupadd, usermod, userdel, groupdel, groupmod)',
    'https://github.com/gliderlabs/docker-alpine/issues/326 (BusyBox has adduser/addgroup, with other flags)',
  ],
};

/** Keyed by the program name a command, `SHELL` or `ENTRYPOINT` runs. */
export const BUSYBOX_MISSING_TOOLS: Readonly<
  Record<string, BusyboxMissingTool>
> = {
  bash: {
    packages: ['bash'],
    shippedBy: /^(bash|docker):/,
    advice: 'or write POSIX sh',
    sources: [
      'https://pkgs.alpinelinux.org/package/edge/main/x86_64/bash',
      'https://github.com/docker-library/bash (the bash image)',
      'https://github.com/docker-library/docker (the docker image installs bash)',
    ],
  },
  useradd: SHADOW,
  groupadd: SHADOW,
  usermod: SHADOW,
  userdel: SHADOW,
  groupdel: SHADOW,
  groupmod: SHADOW,
  sudo: {
    packages: ['sudo', 'doas-sudo-shim'],
    advice: 'or drop sudo: RUN already runs as root unless USER says otherwise',
    sources: [
      'https://pkgs.alpinelinux.org/package/edge/main/x86_64/sudo',
      'https://pkgs.alpinelinux.org/package/edge/main/x86_64/doas-sudo-shim',
    ],
  },
  curl: {
    packages: ['curl'],
    // nginx's Alpine images add curl; its -alpine-slim ones do not.
    shippedBy:
      /^(php|docker|composer|wordpress|nextcloud|caddy|traefik):|^nginx:(?!.*slim)/,
    advice: 'or use BusyBox `wget -qO-`',
    sources: [
      'https://pkgs.alpinelinux.org/package/edge/main/x86_64/curl',
      'https://github.com/nginxinc/docker-nginx (mainline/alpine: apk add --no-cache curl ca-certificates; alpine-slim does not)',
      'https://github.com/docker-library/php (the Alpine variants install curl)',
      'https://github.com/docker-library/docker (the docker image installs curl)',
    ],
  },
  git: {
    packages: ['git', 'alpine-sdk'],
    shippedBy: /^(docker):/,
    advice: '',
    sources: [
      'https://pkgs.alpinelinux.org/package/edge/main/x86_64/git',
      'https://pkgs.alpinelinux.org/package/edge/main/x86_64/alpine-sdk (depends on abuild, build-base and git)',
      'https://github.com/docker-library/docker (the docker image installs git)',
    ],
  },
  'locale-gen': {
    packages: [],
    advice:
      'musl has no locale database: drop it and use C.UTF-8 (ICU in the application for collation)',
    sources: [
      'https://wiki.musl-libc.org/functional-differences-from-glibc.html (musl has no locale database)',
    ],
  },
  localedef: {
    packages: [],
    advice: 'musl has no locale database: drop it and use C.UTF-8',
    sources: [
      'https://wiki.musl-libc.org/functional-differences-from-glibc.html (musl has no locale database)',
    ],
  },
};

/** What the table knows of a program Alpine's BusyBox base lacks, if anything. */
export function busyboxMissingTool(
  program: string,
): BusyboxMissingTool | undefined {
  return Object.prototype.hasOwnProperty.call(BUSYBOX_MISSING_TOOLS, program)
    ? BUSYBOX_MISSING_TOOLS[program]
    : undefined;
}
