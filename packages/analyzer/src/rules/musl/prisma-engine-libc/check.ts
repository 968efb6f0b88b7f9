import type { Stage } from '../../../model';
import type { InstructionByKeyword } from '../../../parse';
import { compareVersions } from '../../../model';
import type { Locatable, RuleCheck } from '../../framework/types';
import { installsPackage, mentions } from '../../vocabulary';
import {
  describeSource,
  glibcCopiesInto,
  isPrismaClientPath,
  sourcePaths,
} from '../crossLibc';
import { runsPrisma } from '../nodeInstalls';
import { lowestPrismaVersion } from './prismaVersion';

const OPENSSL = /^(openssl|openssl3|openssl1\.1-compat|libssl1\.1|libssl3)$/;

/**
 * Prisma finds the base image's libssl3 in /usr/lib from this version on
 * (@prisma/get-platform's search path); earlier ones looked only in /lib,
 * which Alpine 3.21's /usr merge emptied.
 */
const FINDS_USR_LIB_SSL = '6.1.0';

/** The Prisma CLI within a CMD's words: `prisma`, `./node_modules/.bin/prisma`, `prisma@6.5.0`. */
const PRISMA_WORD = /(^|\s|\/)prisma(@\S*)?(\s|$)/;

export const check: RuleCheck = context => {
  const reportedStages = new Set<Stage>();
  const reportMissingOpenssl = (
    stage: Stage,
    at: Locatable,
    commandLines: string[] = [],
  ) => {
    if (
      reportedStages.has(stage) ||
      installsPackage(stage, name => OPENSSL.test(name))
    )
      return;
    reportedStages.add(stage);
    const version = lowestPrismaVersion(stage, context.facts, commandLines);
    if (version && compareVersions(version, FINDS_USR_LIB_SSL) >= 0) return;
    // Alpine 3.21 is where the openssl command left the node images; a bare -alpine tag is current.
    const opensslGone =
      !stage.alpineRelease || compareVersions(stage.alpineRelease, '3.21') >= 0;
    context.report({
      at,
      severity: opensslGone ? 'error' : 'warning',
      messageId: 'opensslMissing',
    });
  };
  const reportIfRunsPrisma = (
    stage: Stage,
    command: InstructionByKeyword['CMD' | 'ENTRYPOINT'],
  ) => {
    const words = command.argv.map(word => word.value);
    if (words.some(word => PRISMA_WORD.test(word)))
      reportMissingOpenssl(stage, command, words);
  };
  return {
    stage(stage) {
      for (const edge of glibcCopiesInto(stage)) {
        const client = sourcePaths(edge).find(isPrismaClientPath);
        if (!client) continue;
        const schema = context.facts.available
          ? context.facts.prismaSchema()
          : undefined;
        const musl = schema?.binaryTargets.find(target =>
          target.startsWith('linux-musl'),
        );
        if (schema) {
          context.report({
            at: edge.instruction,
            severity: musl ? 'info' : undefined,
            messageId: musl ? 'glibcClientRefuted' : 'glibcClientConfirmed',
            evidence: {
              source: schema.file,
              verdict: musl ? 'refuted' : 'confirmed',
              detail: musl
                ? `binaryTargets lists ${musl}`
                : `binaryTargets lists ${schema.binaryTargets.join(
                    ', ',
                  )}, no linux-musl target`,
            },
            data: {
              client,
              source: describeSource(edge),
              file: schema.file,
              targets: schema.binaryTargets.join(', '),
              musl: musl ?? '',
            },
          });
          continue;
        }
        context.report({
          at: edge.instruction,
          messageId: 'glibcClient',
          data: { client, source: describeSource(edge) },
        });
      }
    },
    RUN(run, stage) {
      if (!mentions(context.text, run, /prisma/)) return;
      const prisma = run.script.commands.find(runsPrisma);
      if (prisma) reportMissingOpenssl(stage, prisma);
    },
    CMD(command, stage) {
      reportIfRunsPrisma(stage, command);
    },
    ENTRYPOINT(command, stage) {
      reportIfRunsPrisma(stage, command);
    },
  };
};
