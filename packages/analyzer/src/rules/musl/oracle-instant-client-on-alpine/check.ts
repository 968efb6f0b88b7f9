import {
  isOracleInstantClient,
  normalizeName,
  parseRequirement,
} from '../../../knowledge';
import type { Locatable, RuleCheck } from '../../framework/types';
import { mentions, wordsOf } from '../../vocabulary';
import { describeSource, glibcCopiesInto, sourcePaths } from '../crossLibc';
import { pipInstallCommands, requirementWords } from '../pythonInstalls';

const CLIENT_LIBRARY = /libclntsh|libocci|instantclient|instant-client/i;
const NEEDS_CLIENT_PACKAGES = new Set(['cx-oracle']);

export const check: RuleCheck = context => {
  const report = (at: Locatable, what: string) =>
    context.report({
      at,
      messageId: 'glibcOnly',
      data: { what },
    });
  return {
    RUN(run) {
      if (!mentions(context.text, run, /instant|clntsh|occi|cx[-_.]?oracle/i))
        return;
      const cxOracle = pipInstallCommands(run)
        .flatMap(requirementWords)
        .find(word =>
          NEEDS_CLIENT_PACKAGES.has(
            normalizeName(parseRequirement(word.value)?.name ?? ''),
          ),
        );
      if (cxOracle) {
        report(cxOracle, '`cx_Oracle` needs Oracle Instant Client');
        return;
      }
      const client = wordsOf(run).find(word => CLIENT_LIBRARY.test(word.value));
      if (client)
        report(
          client,
          `\`${client.value.split('/').pop()}\` is Oracle Instant Client`,
        );
    },
    ADD(add) {
      const source = add.sources.find(token =>
        isOracleInstantClient(token.value),
      );
      if (source) report(source, 'Oracle Instant Client is added');
    },
    COPY(copy, stage) {
      if (copy.from) {
        const edge = glibcCopiesInto(stage).find(
          candidate => candidate.instruction === copy,
        );
        const path =
          edge &&
          sourcePaths(edge).find(candidate => CLIENT_LIBRARY.test(candidate));
        if (edge && path)
          report(
            copy,
            `\`${path}\` from ${describeSource(edge)} is Oracle Instant Client`,
          );
        return;
      }
      const source = copy.sources.find(token =>
        isOracleInstantClient(token.value),
      );
      if (source) report(source, 'Oracle Instant Client is copied in');
    },
    ENV(env) {
      const pair = env.pairs.find(candidate =>
        CLIENT_LIBRARY.test(candidate.value ?? ''),
      );
      if (pair) report(pair, `${pair.name} points at Oracle Instant Client`);
    },
  };
};
