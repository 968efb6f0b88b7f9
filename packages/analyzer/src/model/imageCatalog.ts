import type { Distro, Libc } from '../types';
import { imagePath } from './imageRef';
import type { ImageRef } from './imageRef';

/** What the catalog knows of a base image. */
export interface ImageClass {
  distro: Distro;
  libc: Libc;
  /** `3.20` when the reference names an Alpine release; never guessed. */
  alpineRelease?: string;
  /** Why we think so, for explanations. */
  basis: string;
  /** Windows images run RUN through `cmd /S /C`, not `/bin/sh -c`. */
  windows?: boolean;
}

const WINDOWS_TAG = /(nanoserver|windowsservercore|servercore|ltsc20)/;
const WINDOWS_IMAGE =
  /^mcr\.microsoft\.com\/windows(\/|$)|(^|\/)(nanoserver|windowsservercore)$/;

/**
 * Tag conventions, checked before image names because a tag names the
 * variant (`python:3.12-alpine` is Alpine whatever `python` defaults to).
 */
// One row per line keeps the table readable.
// prettier-ignore
const TAG_CONVENTIONS: Array<{ pattern: RegExp; distro: Distro; libc: Libc; basis: string }> = [
  { pattern: /(^|[-_.])alpine/, distro: 'alpine', libc: 'musl', basis: 'an -alpine tag' },
  { pattern: /(^|-)musl($|-)/, distro: 'unknown', libc: 'musl', basis: 'a -musl tag' },
  { pattern: /(^|-)(glibc)($|-)/, distro: 'unknown', libc: 'glibc', basis: 'a -glibc tag' },
  { pattern: /(^|-)(uclibc)($|-)/, distro: 'unknown', libc: 'unknown', basis: 'a -uclibc tag' },
  { pattern: /(^|-)(trixie|bookworm|bullseye|buster|stretch|jessie|sid)($|-)/, distro: 'debian', libc: 'glibc', basis: 'a Debian codename tag' },
  { pattern: /(^|-)(noble|jammy|focal|bionic|xenial|oracular|plucky)($|-)/, distro: 'ubuntu', libc: 'glibc', basis: 'an Ubuntu codename tag' },
  { pattern: /(^|-)(ubi\d*|ubi\d+-minimal|oraclelinux\d*|rockylinux\d*|almalinux\d*|centos\d*|fedora\d*|amazonlinux\d*|al2023|al2)($|-)/, distro: 'rhel', libc: 'glibc', basis: 'an RHEL-family tag' },
  { pattern: /(^|-)(azurelinux\d*(\.\d+)?|cbl-mariner\d*(\.\d+)?)($|-)/, distro: 'unknown', libc: 'glibc', basis: 'an Azure Linux tag' },
  { pattern: /(^|-)slim($|-)/, distro: 'debian', libc: 'glibc', basis: 'a -slim tag (Debian slim variant)' },
];

/**
 * Image families by path (registry + repository), first match wins. The
 * default variant of most official language images is Debian (glibc).
 */
// One row per line keeps the table readable.
// prettier-ignore
const IMAGE_FAMILIES: Array<{ pattern: RegExp; distro: Distro; libc: Libc; basis: string }> = [
  { pattern: /^scratch$/, distro: 'scratch', libc: 'none', basis: 'the empty scratch image' },
  { pattern: /^gcr\.io\/distroless\/static/, distro: 'distroless', libc: 'none', basis: 'distroless static' },
  { pattern: /^gcr\.io\/distroless\//, distro: 'distroless', libc: 'glibc', basis: 'distroless (Debian glibc)' },
  { pattern: /^(cgr\.dev\/chainguard|chainguard)\/static$/, distro: 'unknown', libc: 'none', basis: 'Chainguard static' },
  { pattern: /^(cgr\.dev\/chainguard\/|chainguard\/)|^cgr\.dev\/|wolfi-base$/, distro: 'unknown', libc: 'glibc', basis: 'Chainguard/Wolfi (glibc)' },
  { pattern: /(^|\/)alpine$/, distro: 'alpine', libc: 'musl', basis: 'the alpine image' },
  { pattern: /(^|\/)(caddy|traefik|docker|composer)$/, distro: 'alpine', libc: 'musl', basis: 'an official image whose default variant is Alpine' },
  { pattern: /(^|\/)(debian|buildpack-deps)$/, distro: 'debian', libc: 'glibc', basis: 'a Debian image' },
  { pattern: /(^|\/)ubuntu$/, distro: 'ubuntu', libc: 'glibc', basis: 'an Ubuntu image' },
  { pattern: /(^|\/)(centos|fedora|rockylinux|almalinux|oraclelinux|amazonlinux|ubi\d*(-minimal|-micro)?|rhel\d*)$|^registry\.access\.redhat\.com\/|^quay\.io\/centos\//, distro: 'rhel', libc: 'glibc', basis: 'an RHEL-family image' },
  { pattern: /(^|\/)(eclipse-temurin|ibm-semeru-runtimes|sapmachine|mongo|mariadb|rabbitmq)$/, distro: 'ubuntu', libc: 'glibc', basis: 'an official image whose default variant is Ubuntu' },
  { pattern: /(^|\/)(amazoncorretto|mysql)$/, distro: 'rhel', libc: 'glibc', basis: 'an official image whose default variant is RHEL-family' },
  { pattern: /^mcr\.microsoft\.com\/dotnet\//, distro: 'debian', libc: 'glibc', basis: '.NET images default to Debian' },
  { pattern: /(^|\/)(python|node|golang|rust|ruby|php|perl|openjdk|maven|gradle|elixir|erlang|haskell|julia|gcc|swift|r-base|nginx|httpd|redis|postgres|memcached|haproxy|wordpress|nextcloud|ghost|jenkins|influxdb|telegraf|kong|dart|clojure|groovy|tomcat|jetty|neo4j|elasticsearch|sonarqube|bash|pypy)$/, distro: 'debian', libc: 'glibc', basis: 'an official image whose default variant is Debian' },
  { pattern: /^bitnami\//, distro: 'debian', libc: 'glibc', basis: 'Bitnami images are Debian-based' },
];

/** Classifies a base image by its tag conventions and family. */
export function classifyImage(ref: ImageRef): ImageClass {
  if (ref.unresolved && /\$/.test(ref.repository)) {
    return {
      distro: 'unknown',
      libc: 'unknown',
      basis: 'the image name is a variable without a default',
    };
  }
  const path = imagePath(ref);
  if (path === 'scratch')
    return {
      distro: 'scratch',
      libc: 'none',
      basis: 'the empty scratch image',
    };
  const tag = (ref.tag ?? '').toLowerCase();
  if (WINDOWS_TAG.test(tag) || WINDOWS_IMAGE.test(path)) {
    return {
      distro: 'unknown',
      libc: 'unknown',
      basis: 'a Windows image',
      windows: true,
    };
  }
  const isAlpineImage = /(^|\/)alpine$/.test(path);
  if (isAlpineImage) {
    return {
      distro: 'alpine',
      libc: 'musl',
      alpineRelease: releaseOfAlpineTag(tag),
      basis: 'the alpine image',
    };
  }
  if (tag && !tag.includes('$')) {
    const convention = TAG_CONVENTIONS.find(entry => entry.pattern.test(tag));
    if (convention) {
      const { pattern: _pattern, ...result } = convention;
      return convention.distro === 'alpine'
        ? { ...result, alpineRelease: releaseOfVariantTag(tag) }
        : result;
    }
  }
  const family = IMAGE_FAMILIES.find(entry => entry.pattern.test(path));
  if (family) {
    const { pattern: _pattern, ...result } = family;
    return result;
  }
  return {
    distro: 'unknown',
    libc: 'unknown',
    basis: 'an image the catalog does not know',
  };
}

/** `alpine:3.20.3` → `3.20`; `alpine`, `alpine:latest`, `alpine:edge` → unknown. */
function releaseOfAlpineTag(tag: string): string | undefined {
  const match = /^(\d+)\.(\d+)(?:\.\d+)?(?:$|-)/.exec(tag);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/** `3.12-alpine3.20` → `3.20`; a bare `-alpine` names no release. */
function releaseOfVariantTag(tag: string): string | undefined {
  const match = /alpine(\d+)\.(\d+)/.exec(tag);
  return match ? `${match[1]}.${match[2]}` : undefined;
}
