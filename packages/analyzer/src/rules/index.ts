/*
 * The rule registry. Adding a rule is one import and one list entry; the
 * rule index (docs/rules.md) and the docs module are generated from this
 * list by `yarn workspace @alpine-advisor/analyzer generate:rule-docs`.
 */
import { rule as apkNoCache } from './alpine/apk-no-cache';
import type { Rule } from './framework/types';
import { rule as binaryContent } from './hygiene/binary-content';
import { rule as fileTooLarge } from './hygiene/file-too-large';
import { rule as noAlpineStage } from './hygiene/no-alpine-stage';
import { rule as parseError } from './hygiene/parse-error';

export const RULES: readonly Rule[] = [
  apkNoCache,
  parseError,
  fileTooLarge,
  binaryContent,
  noAlpineStage,
];
