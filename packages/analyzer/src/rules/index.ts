/*
 * The rule registry. Adding a rule is one import and one list entry; the
 * rule index (docs/rules.md) and the docs module are generated from this
 * list by `yarn workspace @alpine-advisor/analyzer generate:rule-docs`.
 */
import { rule as alpineBranchChange } from './alpine/alpine-branch-change';
import { rule as alpineEol } from './alpine/alpine-eol';
import { rule as alpineEolSoon } from './alpine/alpine-eol-soon';
import { rule as alpineFloatingRelease } from './alpine/alpine-floating-release';
import { rule as alpineReleaseImplausible } from './alpine/alpine-release-implausible';
import { rule as alpineReleaseUnknown } from './alpine/alpine-release-unknown';
import { rule as alpineVariantNotRebuilt } from './alpine/alpine-variant-not-rebuilt';
import { rule as apkAllowUntrusted } from './alpine/apk-allow-untrusted';
import { rule as apkNoCache } from './alpine/apk-no-cache';
import { rule as apkUnpinned } from './alpine/apk-unpinned';
import { rule as apkUpdateAlone } from './alpine/apk-update-alone';
import { rule as apkUpgrade } from './alpine/apk-upgrade';
import { rule as apkVirtualNotRemoved } from './alpine/apk-virtual-not-removed';
import { rule as buildToolchainInFinalStage } from './alpine/build-toolchain-in-final-stage';
import { rule as busyboxMissingTool } from './alpine/busybox-missing-tool';
import { rule as tzWithoutTzdata } from './alpine/tz-without-tzdata';
import { rule as addInsteadOfCopy } from './hygiene/add-instead-of-copy';
import { rule as baseImageLatest } from './hygiene/base-image-latest';
import { rule as baseImageUntagged } from './hygiene/base-image-untagged';
import { rule as binaryContent } from './hygiene/binary-content';
import { rule as contextFileUnreadable } from './hygiene/context-file-unreadable';
import { rule as copyAllBeforeInstall } from './hygiene/copy-all-before-install';
import { rule as copyContextUnignored } from './hygiene/copy-context-unignored';
import { rule as fileTooLarge } from './hygiene/file-too-large';
import { rule as noAlpineStage } from './hygiene/no-alpine-stage';
import { rule as npmCacheLeft } from './hygiene/npm-cache-left';
import { rule as parseError } from './hygiene/parse-error';
import { rule as pipNoCacheDir } from './hygiene/pip-no-cache-dir';
import { rule as pipefailMissing } from './hygiene/pipefail-missing';
import { rule as rootUser } from './hygiene/root-user';
import { rule as shellFormCmd } from './hygiene/shell-form-cmd';
import { rule as tlsVerificationDisabled } from './hygiene/tls-verification-disabled';
import { rule as alpine32bitTime64 } from './musl/alpine-32bit-time64';
import { rule as alpineDnsTcpFallback } from './musl/alpine-dns-tcp-fallback';
import { rule as cgoWithoutCToolchain } from './musl/cgo-without-c-toolchain';
import { rule as dotnetGlibcRidForAlpine } from './musl/dotnet-glibc-rid-for-alpine';
import { rule as dotnetIcuMissing } from './musl/dotnet-icu-missing';
import { rule as glibcBinaryIntoAlpine } from './musl/glibc-binary-into-alpine';
import { rule as glibcCompatShim } from './musl/glibc-compat-shim';
import { rule as glibcDownloadInAlpine } from './musl/glibc-download-in-alpine';
import { rule as glibcLoaderPathInAlpine } from './musl/glibc-loader-path-in-alpine';
import { rule as glibcPackageManagerInAlpine } from './musl/glibc-package-manager-in-alpine';
import { rule as gemfileLockNoMuslPlatform } from './musl/gemfile-lock-no-musl-platform';
import { rule as goCgoGlibcIntoAlpine } from './musl/go-cgo-glibc-into-alpine';
import { rule as goCgoModuleWithoutCgo } from './musl/go-cgo-module-without-cgo';
import { rule as goNsswitchMissing } from './musl/go-nsswitch-missing';
import { rule as iconvTranslitOnMusl } from './musl/iconv-translit-on-musl';
import { rule as jdkGlibcIntoAlpine } from './musl/jdk-glibc-into-alpine';
import { rule as muslLocaleCollation } from './musl/musl-locale-collation';
import { rule as muslMallocContention } from './musl/musl-malloc-contention';
import { rule as muslResolverOptions } from './musl/musl-resolver-options';
import { rule as nodeAddonWithoutToolchain } from './musl/node-addon-without-toolchain';
import { rule as nodeModulesAcrossLibc } from './musl/node-modules-across-libc';
import { rule as nodeMuslPlatformPackageMissing } from './musl/node-musl-platform-package-missing';
import { rule as npmOptionalDepsOmitted } from './musl/npm-optional-deps-omitted';
import { rule as oracleInstantClientOnAlpine } from './musl/oracle-instant-client-on-alpine';
import { rule as pipNoMusllinuxWheel } from './musl/pip-no-musllinux-wheel';
import { rule as prismaEngineLibc } from './musl/prisma-engine-libc';
import { rule as pythonAlpineBase } from './musl/python-alpine-base';
import { rule as pythonPackagesAcrossLibc } from './musl/python-packages-across-libc';
import { rule as rustGnuTargetIntoAlpine } from './musl/rust-gnu-target-into-alpine';

import type { Rule } from './framework/types';

export const RULES: readonly Rule[] = [
  // Alpine practices
  apkNoCache,
  apkUpdateAlone,
  apkVirtualNotRemoved,
  buildToolchainInFinalStage,
  alpineEol,
  alpineEolSoon,
  alpineReleaseUnknown,
  alpineReleaseImplausible,
  alpineFloatingRelease,
  alpineVariantNotRebuilt,
  alpineBranchChange,
  apkUpgrade,
  apkAllowUntrusted,
  busyboxMissingTool,
  tzWithoutTzdata,
  apkUnpinned,
  // musl risks
  alpine32bitTime64,
  alpineDnsTcpFallback,
  cgoWithoutCToolchain,
  dotnetGlibcRidForAlpine,
  dotnetIcuMissing,
  glibcBinaryIntoAlpine,
  glibcCompatShim,
  glibcDownloadInAlpine,
  glibcLoaderPathInAlpine,
  glibcPackageManagerInAlpine,
  gemfileLockNoMuslPlatform,
  goCgoGlibcIntoAlpine,
  goCgoModuleWithoutCgo,
  goNsswitchMissing,
  iconvTranslitOnMusl,
  jdkGlibcIntoAlpine,
  muslLocaleCollation,
  muslMallocContention,
  muslResolverOptions,
  nodeAddonWithoutToolchain,
  nodeModulesAcrossLibc,
  nodeMuslPlatformPackageMissing,
  npmOptionalDepsOmitted,
  oracleInstantClientOnAlpine,
  pipNoMusllinuxWheel,
  prismaEngineLibc,
  pythonAlpineBase,
  pythonPackagesAcrossLibc,
  rustGnuTargetIntoAlpine,
  // Image hygiene
  pipNoCacheDir,
  npmCacheLeft,
  rootUser,
  shellFormCmd,
  tlsVerificationDisabled,
  addInsteadOfCopy,
  pipefailMissing,
  copyAllBeforeInstall,
  copyContextUnignored,
  baseImageUntagged,
  baseImageLatest,
  parseError,
  fileTooLarge,
  binaryContent,
  contextFileUnreadable,
  noAlpineStage,
];
