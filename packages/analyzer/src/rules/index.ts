/*
 * The rule registry. Adding a rule is one import and one list entry; the
 * rule index (docs/rules.md) and the docs module are generated from this
 * list by `yarn workspace @alpine-advisor/analyzer generate:rule-docs`.
 */
import { rule as apkNoCache } from './alpine/apk-no-cache';
import { rule as apkUpdateAlone } from './alpine/apk-update-alone';
import { rule as apkVirtualNotRemoved } from './alpine/apk-virtual-not-removed';
import { rule as buildToolchainInFinalStage } from './alpine/build-toolchain-in-final-stage';
import { rule as alpineEol } from './alpine/alpine-eol';
import { rule as copyAllBeforeInstall } from './hygiene/copy-all-before-install';
import { rule as baseImageUntagged } from './hygiene/base-image-untagged';
import { rule as baseImageLatest } from './hygiene/base-image-latest';
import type { Rule } from './framework/types';
import { rule as binaryContent } from './hygiene/binary-content';
import { rule as fileTooLarge } from './hygiene/file-too-large';
import { rule as noAlpineStage } from './hygiene/no-alpine-stage';
import { rule as parseError } from './hygiene/parse-error';

export const RULES: readonly Rule[] = [
  apkNoCache,
  apkUpdateAlone,
  apkVirtualNotRemoved,
  buildToolchainInFinalStage,
  alpineEol,
  copyAllBeforeInstall,
  baseImageUntagged,
  baseImageLatest,
  parseError,
  fileTooLarge,
  binaryContent,
  noAlpineStage,
];
