import type { Stage } from '../../../model';
import type { RuleCheck } from '../../framework/types';
import { stageChain } from '../../vocabulary';

const LOCALE_VARIABLES = new Set(['LANG', 'LC_ALL', 'LC_COLLATE']);
/** A language locale (`de_DE.UTF-8`), as opposed to C/POSIX/C.UTF-8 which sort by byte everywhere. */
const LANGUAGE_LOCALE = /^[a-z]{2,3}_[A-Z]{2}/;

function isPostgresImage(stage: Stage): boolean {
  return /^(postgres|postgis|timescaledb[\w-]*)$/.test(
    stageChain(stage).pop()!.image.name,
  );
}

export const check: RuleCheck = context => ({
  ENV(env, stage) {
    if (env.keyword !== 'ENV') return;
    const postgres = isPostgresImage(stage);
    for (const pair of env.pairs) {
      const value = pair.value ?? '';
      if (LOCALE_VARIABLES.has(pair.name) && LANGUAGE_LOCALE.test(value)) {
        context.report({
          at: pair,
          severity: postgres ? 'warning' : undefined,
          message: postgres
            ? `${pair.name}=${value} on postgres Alpine: musl has no collation, so the cluster sorts text by byte, unlike the Debian image; use the ICU locale provider`
            : `${pair.name}=${value}: musl selects UTF-8 but has no collation for it; sorting stays byte order`,
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
          message:
            'initdb locale on Alpine uses musl, which has no collation: text sorts by byte; add --locale-provider=icu --icu-locale=… (PostgreSQL 15+)',
        });
      }
    }
  },
});
