import type { Distro, Libc } from '../types';
import { imagePath, literalParts } from './imageRef';
import type { ImageRef } from './imageRef';

/**
 * The package manager a distribution uses. A stage's own commands are
 * evidence of its distribution (see distroEvidence.ts); the catalog says
 * which manager it expects, so that `apk` on Wolfi (glibc, apk) confirms the
 * catalog instead of contradicting it.
 */
export type PackageManagerFamily =
  | 'apk'
  | 'apt'
  | 'rpm'
  | 'tdnf'
  | 'zypper'
  | 'pacman';

export type ImageCertainty = 'certain' | 'likely' | 'unknown';

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
  /**
   * `certain`: the image is a distribution, an official image or a vendor's
   * image, or its tag says `-alpine`; the stage's commands never overrule it
   * (`apt-get` in `node:22-alpine` is a mistake to report, not evidence).
   * `likely`: a convention read on an image we do not know (`mycorp/app:1-slim`,
   * `ghcr.io/team/python`); the stage's own package manager overrules it.
   * `unknown`: the catalog cannot tell; evidence alone decides.
   */
  certainty: ImageCertainty;
  /** The package manager of the image's distribution, when it has one we know. */
  packageManager?: PackageManagerFamily;
  /** ENV the image is known to set, e.g. `PHPIZE_DEPS` of the official php images. */
  env?: Readonly<Record<string, string>>;
}

interface CatalogEntry {
  pattern: RegExp;
  distro: Distro;
  libc: Libc;
  basis: string;
  packageManager?: PackageManagerFamily;
}

const WINDOWS_TAG = /(nanoserver|windowsservercore|servercore|ltsc20)/;
const WINDOWS_IMAGE =
  /^mcr\.microsoft\.com\/windows(\/|$)|(^|\/)(nanoserver|windowsservercore)$/;

/**
 * Images that are a distribution (or an image without one): their tag names
 * a release or a flavour of that distribution, never another distribution,
 * so they are matched before tag conventions (`oraclelinux:9-slim` is Oracle
 * Linux, not a Debian slim variant). First match wins.
 */
// One row per line keeps the table readable.
// prettier-ignore
const DISTRIBUTIONS: CatalogEntry[] = [
  { pattern: /^gcr\.io\/distroless\/static/, distro: 'distroless', libc: 'none', basis: 'distroless static' },
  { pattern: /^gcr\.io\/distroless\//, distro: 'distroless', libc: 'glibc', basis: 'distroless (Debian glibc)' },
  { pattern: /^(cgr\.dev\/chainguard|chainguard)\/static$/, distro: 'unknown', libc: 'none', basis: 'Chainguard static' },
  { pattern: /^(cgr\.dev\/chainguard\/|chainguard\/)|^cgr\.dev\/|(^|\/)wolfi-base$/, distro: 'unknown', libc: 'glibc', basis: 'Chainguard/Wolfi (glibc, with apk)', packageManager: 'apk' },
  { pattern: /(^|\/)alpine$/, distro: 'alpine', libc: 'musl', basis: 'the alpine image', packageManager: 'apk' },
  { pattern: /(^|\/)debian$/, distro: 'debian', libc: 'glibc', basis: 'a Debian image', packageManager: 'apt' },
  { pattern: /(^|\/)ubuntu$/, distro: 'ubuntu', libc: 'glibc', basis: 'an Ubuntu image', packageManager: 'apt' },
  { pattern: /(^|\/)(centos|fedora|rockylinux|almalinux|oraclelinux|amazonlinux|ubi\d*(-minimal|-micro|-init)?|rhel\d*|ubi\d+\/ubi(-minimal|-micro|-init)?)$|^registry\.access\.redhat\.com\/|^quay\.io\/(centos|fedora|rockylinux|almalinuxorg)\//, distro: 'rhel', libc: 'glibc', basis: 'an RHEL-family image', packageManager: 'rpm' },
  { pattern: /^mcr\.microsoft\.com\/(azurelinux|cbl-mariner)\/|(^|\/)photon$/, distro: 'unknown', libc: 'glibc', basis: 'Azure Linux / Photon OS (glibc, tdnf)', packageManager: 'tdnf' },
  { pattern: /(^|\/)opensuse\/(leap|tumbleweed)$|^registry\.suse\.com\/|(^|\/)(suse|opensuse)$/, distro: 'unknown', libc: 'glibc', basis: 'openSUSE / SUSE (glibc, zypper)', packageManager: 'zypper' },
  { pattern: /(^|\/)archlinux$/, distro: 'unknown', libc: 'glibc', basis: 'Arch Linux (glibc, pacman)', packageManager: 'pacman' },
];

/**
 * Tag conventions, checked after distribution images but before image
 * families, because a tag names the variant (`python:3.12-alpine` is Alpine
 * whatever `python` defaults to). Tested on the literal parts of the tag:
 * `${GO_VERSION}-alpine3.23` reads as `-alpine3.23`.
 */
// One row per line keeps the table readable.
// prettier-ignore
const TAG_CONVENTIONS: CatalogEntry[] = [
  { pattern: /(^|[-_.])alpine/, distro: 'alpine', libc: 'musl', basis: 'an -alpine tag', packageManager: 'apk' },
  { pattern: /(^|-)musl($|-)/, distro: 'unknown', libc: 'musl', basis: 'a -musl tag' },
  { pattern: /(^|-)(glibc)($|-)/, distro: 'unknown', libc: 'glibc', basis: 'a -glibc tag' },
  { pattern: /(^|-)(uclibc)($|-)/, distro: 'unknown', libc: 'unknown', basis: 'a -uclibc tag' },
  { pattern: /(^|-)(trixie|bookworm|bullseye|buster|stretch|jessie|sid)($|-)|(^|-)debian(-?\d+)?($|-)/, distro: 'debian', libc: 'glibc', basis: 'a Debian tag', packageManager: 'apt' },
  { pattern: /(^|-)(noble|jammy|focal|bionic|xenial|oracular|plucky)($|-)|(^|-)ubuntu(-?\d+(\.\d+)?)?($|-)/, distro: 'ubuntu', libc: 'glibc', basis: 'an Ubuntu tag', packageManager: 'apt' },
  { pattern: /(^|-)(ubi\d*|ubi\d+-minimal|oraclelinux\d*|oracle|rockylinux\d*|almalinux\d*|centos\d*|fedora\d*|amazonlinux\d*|al2023|al2)($|-)/, distro: 'rhel', libc: 'glibc', basis: 'an RHEL-family tag', packageManager: 'rpm' },
  { pattern: /(^|-)(azurelinux\d*(\.\d+)?|cbl-mariner\d*(\.\d+)?|mariner)($|-)/, distro: 'unknown', libc: 'glibc', basis: 'an Azure Linux tag', packageManager: 'tdnf' },
  { pattern: /(^|-)slim($|-)/, distro: 'debian', libc: 'glibc', basis: 'a -slim tag (Debian slim variant)', packageManager: 'apt' },
];

/**
 * Images with several variants, by path (registry + repository), when the
 * tag names none: their default variant. First match wins. The default
 * variant of most official language images is Debian (glibc).
 */
// One row per line keeps the table readable.
// prettier-ignore
const IMAGE_FAMILIES: CatalogEntry[] = [
  // Community images named for Alpine (mhart/alpine-node, linuxserver/baseimage-alpine, alpine/git): a guess their apk confirms.
  { pattern: /(^|\/)([^/]*[-_.])?alpine([-_.][^/]*)?$|(^|\/)alpine\/[^/]+$/, distro: 'alpine', libc: 'musl', basis: 'an image named for Alpine', packageManager: 'apk' },
  // The official bash image and these tools' images are built FROM alpine.
  { pattern: /(^|\/)(caddy|traefik|docker|composer|bash|registry|eclipse-mosquitto|vault|consul)$/, distro: 'alpine', libc: 'musl', basis: 'an official image whose default variant is Alpine', packageManager: 'apk' },
  { pattern: /(^|\/)buildpack-deps$/, distro: 'debian', libc: 'glibc', basis: 'a Debian image', packageManager: 'apt' },
  { pattern: /(^|\/)(eclipse-temurin|ibm-semeru-runtimes|sapmachine|mongo|mariadb|rabbitmq)$/, distro: 'ubuntu', libc: 'glibc', basis: 'an official image whose default variant is Ubuntu', packageManager: 'apt' },
  { pattern: /(^|\/)(amazoncorretto|mysql)$/, distro: 'rhel', libc: 'glibc', basis: 'an official image whose default variant is RHEL-family', packageManager: 'rpm' },
  { pattern: /^mcr\.microsoft\.com\/dotnet\//, distro: 'debian', libc: 'glibc', basis: '.NET images default to Debian', packageManager: 'apt' },
  { pattern: /(^|\/)(python|node|golang|rust|ruby|php|perl|openjdk|maven|gradle|elixir|erlang|haskell|julia|gcc|swift|r-base|nginx|httpd|redis|postgres|memcached|haproxy|wordpress|nextcloud|ghost|jenkins|influxdb|telegraf|kong|dart|clojure|groovy|tomcat|jetty|neo4j|elasticsearch|sonarqube|pypy)$/, distro: 'debian', libc: 'glibc', basis: 'an official image whose default variant is Debian', packageManager: 'apt' },
  { pattern: /^bitnami\//, distro: 'debian', libc: 'glibc', basis: 'Bitnami images are Debian-based', packageManager: 'apt' },
];

/**
 * ENV that official images set and Dockerfiles built on them use, by image
 * and variant. From the images' own Dockerfiles (docker-library/php,
 * `ENV PHPIZE_DEPS`): the build dependencies `docker-php-ext-install` needs.
 * The official wordpress, drupal, nextcloud and monica images are built
 * FROM php (their Dockerfiles' FROM lines), so they inherit it.
 */
const PHP_IMAGES = /^(php|wordpress|drupal|nextcloud|monica)$/;
// prettier-ignore
const IMAGE_ENVIRONMENT: Array<{ pattern: RegExp; distro: Distro; env: Record<string, string> }> = [
  { pattern: PHP_IMAGES, distro: 'alpine', env: { PHPIZE_DEPS: 'autoconf dpkg-dev dpkg file g++ gcc libc-dev make pkgconf re2c' } },
  { pattern: PHP_IMAGES, distro: 'debian', env: { PHPIZE_DEPS: 'autoconf dpkg-dev file g++ gcc libc-dev make pkg-config re2c' } },
];

const UNKNOWN: ImageClass = {
  distro: 'unknown',
  libc: 'unknown',
  basis: 'an image the catalog does not know',
  certainty: 'unknown',
};

/** Registries and paths whose images we know as well as Docker Hub's official ones. */
const VENDOR_IMAGE =
  /^(mcr\.microsoft\.com|gcr\.io\/distroless|cgr\.dev|registry\.access\.redhat\.com|registry\.redhat\.io|quay\.io\/(centos|fedora)|public\.ecr\.aws\/(docker\/library|amazonlinux)|docker\.io\/library)\//;

/** Classifies a base image by what it is, its tag conventions and its family. */
export function classifyImage(ref: ImageRef): ImageClass {
  const result = classifyByName(ref);
  if (result.certainty !== 'certain') return result;
  const env = imageEnvironment(ref, result.distro);
  return env ? { ...result, env } : result;
}

/**
 * ENV an official image sets in the given variant, e.g. `PHPIZE_DEPS` of
 * `php:*-alpine`; undefined for images of other registries or namespaces.
 */
export function imageEnvironment(
  ref: ImageRef,
  distro: Distro,
): Readonly<Record<string, string>> | undefined {
  if (ref.registry) return undefined;
  return IMAGE_ENVIRONMENT.find(
    entry => entry.distro === distro && entry.pattern.test(ref.repository),
  )?.env;
}

function classifyByName(ref: ImageRef): ImageClass {
  // `alpine$TAG`: the variable most likely carries the `:tag`.
  const name = ref.name.includes('$')
    ? ref.name.slice(0, ref.name.indexOf('$'))
    : ref.name;
  if (name === '' || /[^a-z0-9._-]/.test(name)) {
    return {
      ...UNKNOWN,
      basis: 'the image name is a variable without a default',
    };
  }
  const path = ref.name === name ? imagePath(ref) : pathWithName(ref, name);
  if (path === 'scratch')
    return {
      distro: 'scratch',
      libc: 'none',
      basis: 'the empty scratch image',
      certainty: 'certain',
    };
  const rawTag = (ref.tag ?? '').toLowerCase();
  if (WINDOWS_TAG.test(rawTag) || WINDOWS_IMAGE.test(path)) {
    return {
      distro: 'unknown',
      libc: 'unknown',
      basis: 'a Windows image',
      windows: true,
      certainty: 'certain',
    };
  }
  const tag = literalParts(rawTag);
  if (/(^|\/)busybox$/.test(path)) return classifyBusybox(tag);
  const distribution = DISTRIBUTIONS.find(entry => entry.pattern.test(path));
  if (distribution) {
    const result = fromEntry(distribution, 'certain');
    return distribution.distro === 'alpine' && !ref.tagIsVariable
      ? { ...result, alpineRelease: releaseOfAlpineTag(rawTag) }
      : result;
  }
  const official =
    (!ref.registry && !ref.repository.includes('/')) || VENDOR_IMAGE.test(path);
  const convention = TAG_CONVENTIONS.find(entry => entry.pattern.test(tag));
  if (convention) {
    // Nobody names a non-Alpine image `-alpine`; other conventions are
    // only sure on images we know.
    const alpine = convention.distro === 'alpine';
    const result = fromEntry(
      convention,
      alpine || official ? 'certain' : 'likely',
    );
    return alpine
      ? { ...result, alpineRelease: releaseOfVariantTag(rawTag) }
      : result;
  }
  const family = IMAGE_FAMILIES.find(entry => entry.pattern.test(path));
  if (family && variantMayHideInVariable(ref)) {
    return {
      ...UNKNOWN,
      basis: `${
        ref.text
      } names its variant through a variable (${family.basis.replace(
        /^an? /,
        'the ',
      )} only when the tag names no other)`,
    };
  }
  if (family) return fromEntry(family, official ? 'certain' : 'likely');
  return UNKNOWN;
}

/**
 * True when an unresolved variable ends the tag (`golang:${GO_VERSION}`,
 * `node:20-${VARIANT}`) or stands for it (`python$TAG`): it may well hold
 * `-alpine`, so the family's default variant is only a guess.
 */
function variantMayHideInVariable(ref: ImageRef): boolean {
  if (!ref.tagIsVariable) return false;
  if (ref.tag === undefined) return true;
  return /(\$[A-Za-z_][A-Za-z0-9_]*|\$\{[^}]*\}|\$)$/.test(ref.tag);
}

/** BusyBox images: a static busybox over the C library the tag names; `glibc` by default. */
function classifyBusybox(tag: string): ImageClass {
  let libc: Libc = 'glibc';
  if (/(^|-)musl($|-)/.test(tag)) libc = 'musl';
  else if (/(^|-)uclibc($|-)/.test(tag)) libc = 'unknown';
  return {
    distro: 'unknown',
    libc,
    basis:
      libc === 'glibc'
        ? 'a BusyBox image (glibc variant, the default)'
        : `a BusyBox image (${
            tag.includes('musl') ? 'musl' : 'uClibc'
          } variant)`,
    certainty: 'certain',
  };
}

function fromEntry(entry: CatalogEntry, certainty: ImageCertainty): ImageClass {
  const result: ImageClass = {
    distro: entry.distro,
    libc: entry.libc,
    basis: entry.basis,
    certainty,
  };
  if (entry.packageManager) result.packageManager = entry.packageManager;
  return result;
}

function pathWithName(ref: ImageRef, name: string): string {
  const slash = ref.repository.lastIndexOf('/');
  const repository =
    slash === -1 ? name : `${ref.repository.slice(0, slash + 1)}${name}`;
  return ref.registry ? `${ref.registry}/${repository}` : repository;
}

/** `alpine:3.20.3` → `3.20`; `alpine`, `alpine:latest`, `alpine:edge` → unknown. */
function releaseOfAlpineTag(tag: string): string | undefined {
  const match = /^(\d+)\.(\d+)(?:\.\d+)?(?:$|-)/.exec(tag);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/** `3.12-alpine3.20` → `3.20`; a bare `-alpine` names no release, nor `-alpine3.${MINOR}`. */
function releaseOfVariantTag(tag: string): string | undefined {
  const match = /alpine(\d+)\.(\d+)(?![\d$])/.exec(tag);
  return match ? `${match[1]}.${match[2]}` : undefined;
}
