import { isJdkImage, isJdkPath } from '../../../knowledge';
import type { Stage } from '../../../model';
import { imagePath } from '../../../model';
import type { RuleCheck } from '../../framework/types';
import { installedPackages, stageChain } from '../../vocabulary';
import { memoizeByNode } from '../../vocabulary/memo';

const LOCALE_VARIABLES = new Set(['LANG', 'LC_ALL', 'LC_COLLATE']);
/** A language locale (`de_DE.UTF-8`), as opposed to C/POSIX/C.UTF-8 which sort by byte everywhere. */
const LANGUAGE_LOCALE = /^[a-z]{2,3}_[A-Z]{2}/;

function isPostgresImage(stage: Stage): boolean {
  return /^(postgres|postgis|timescaledb[\w-]*)$/.test(
    stageChain(stage).pop()!.image.name,
  );
}

/** Alpine's JDK packages: `openjdk21-jre`, `openjdk17-jre-headless`, `openjdk8`. */
const ALPINE_JDK_PACKAGE = /^openjdk\d+(-jre|-jdk)?(-headless)?$/;

/**
 * Whether the stage runs Java: a JDK image underneath, Alpine's OpenJDK
 * packages, JAVA_HOME, or a JDK copied in. Java collates with its own
 * `java.text.Collator` (and ICU4J), not with libc, and reads LANG only to
 * choose its default locale, so a language LANG is right there.
 */
const runsJava = memoizeByNode((stage: Stage): boolean => {
  const chain = stageChain(stage);
  return (
    isJdkImage(imagePath(chain[chain.length - 1].image)) ||
    // Installed for sure: an unreadable package list (`$runDeps`) is no evidence of Java.
    [...installedPackages(stage)].some(name => ALPINE_JDK_PACKAGE.test(name)) ||
    stage.env('JAVA_HOME') !== undefined ||
    chain.some(current =>
      current.copyEdges.some(
        edge =>
          (edge.destination !== undefined && isJdkPath(edge.destination)) ||
          edge.paths.some(isJdkPath),
      ),
    )
  );
});

export const check: RuleCheck = context => ({
  ENV(env, stage) {
    if (env.keyword !== 'ENV') return;
    const postgres = isPostgresImage(stage);
    for (const pair of env.pairs) {
      const value = pair.value ?? '';
      if (
        LOCALE_VARIABLES.has(pair.name) &&
        LANGUAGE_LOCALE.test(value) &&
        (postgres || !runsJava(stage))
      ) {
        context.report({
          at: pair,
          severity: postgres ? 'warning' : undefined,
          messageId: postgres ? 'postgresCollation' : 'noCollation',
          data: { name: pair.name, value },
        });
      }
      if (
        pair.name === 'POSTGRES_INITDB_ARGS' &&
        /--(locale|lc-collate)[= ](?!C\b|POSIX\b|C\.)/.test(value) &&
        !/--locale-provider[= ]icu/.test(value)
      ) {
        context.report({
          at: pair,
          severity: 'warning',
          messageId: 'initdbLocale',
        });
      }
    }
  },
});
