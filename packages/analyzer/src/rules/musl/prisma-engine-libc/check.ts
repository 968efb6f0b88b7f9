import type { Stage } from '../../../model';
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

const OPENSSL = /^(openssl|openssl3|openssl1\.1-compat|libssl1\.1|libssl3)$/;

export const check: RuleCheck = context => {
  const reportedStages = new Set<Stage>();
  const reportMissingOpenssl = (stage: Stage, at: Locatable) => {
    if (
      reportedStages.has(stage) ||
      installsPackage(stage, name => OPENSSL.test(name))
    )
      return;
    reportedStages.add(stage);
    // Alpine 3.21 is where the openssl command left the node images; a bare -alpine tag is current.
    const opensslGone =
      !stage.alpineRelease || compareVersions(stage.alpineRelease, '3.21') >= 0;
    context.report({
      at,
      severity: opensslGone ? 'error' : 'warning',
      messageId: 'opensslMissing',
    });
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
      if (command.argv.some(word => /(^|\s|\/)prisma(\s|$)/.test(word.value)))
        reportMissingOpenssl(stage, command);
    },
    ENTRYPOINT(command, stage) {
      if (command.argv.some(word => /(^|\s|\/)prisma(\s|$)/.test(word.value)))
        reportMissingOpenssl(stage, command);
    },
  };
};
