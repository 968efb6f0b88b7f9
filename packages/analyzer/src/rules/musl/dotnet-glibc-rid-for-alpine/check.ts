import type { CopyEdge, DockerfileModel, Stage } from '../../../model';
import { stageLabel } from '../../../model';
import { muslRuntimeIdentifierFor } from '../../../knowledge';
import type { RunInstruction } from '../../../parse';
import type { ShellCommand, ShellWord } from '../../../shell';
import type {
  Locatable,
  RuleCheck,
  RuleContext,
  RuleFix,
} from '../../framework/types';
import {
  copyEdgesFrom,
  dotnetArch,
  dotnetRuntimeIdentifiers,
  dotnetSetsRuntime,
  dotnetSubcommand,
  insertAfter,
  replace,
  stageChain,
} from '../../vocabulary';

/** A glibc RID written in a dotnet command, with the exact characters to replace. */
interface GlibcRid {
  rid: string;
  musl: string;
  at: Locatable;
}

/** Programs an ENTRYPOINT or CMD starts that are not the app's own apphost. */
const NOT_AN_APPHOST =
  /(^|\/)(dotnet|sh|ash|bash|tini|dumb-init|su-exec|gosu|env)$|\.dll$/;

export const check: RuleCheck = context => ({
  file(model) {
    for (const stage of model.stages) {
      for (const run of stage.runs) {
        for (const dotnet of run.script.commands) {
          const sub = dotnetSubcommand(dotnet);
          // A restore produces nothing to run; its RID is fixed together with the publish's.
          if (!sub || !/^(publish|build)$/.test(sub.value)) continue;
          const rids = glibcRids(dotnet);
          for (const found of rids)
            reportGlibcRid(
              context,
              model,
              stage,
              run,
              found,
              restoresFor(stage, found.rid),
            );
          if (
            rids.length === 0 &&
            sub.value === 'publish' &&
            // Only an SDK known to be glibc targets glibc by default.
            stage.libc === 'glibc' &&
            !dotnetSetsRuntime(dotnet)
          ) {
            reportImplicitGlibcRid(context, model, stage, dotnet, sub);
          }
        }
      }
    }
  },
});

function reportGlibcRid(
  context: RuleContext,
  model: DockerfileModel,
  stage: Stage,
  run: RunInstruction,
  found: GlibcRid,
  restores: GlibcRid[],
): void {
  const fix: RuleFix = {
    description: `Publish for ${found.musl} instead of ${found.rid}`,
    edits: [found, ...restores].map(rid => replace(rid.at, rid.musl)),
  };
  if (stage.isAlpine) {
    context.report({
      at: found.at,
      messageId: 'glibcRid',
      data: { rid: found.rid, musl: found.musl },
      fix,
    });
    return;
  }
  const target = alpineCopyOf(model, stage);
  if (!target) return;
  context.report({
    at: target.edge.instruction,
    messageId: 'glibcAppCopied',
    data: {
      rid: found.rid,
      stage: stageLabel(stage),
      line: run.line,
      musl: found.musl,
    },
    fix,
  });
}

/**
 * Without a RID, the SDK targets its own platform: on a Debian SDK that is
 * glibc. `-a x64` alone means linux-x64; a plain publish still writes a
 * glibc apphost, which breaks when the Alpine stage starts it directly.
 */
function reportImplicitGlibcRid(
  context: RuleContext,
  model: DockerfileModel,
  stage: Stage,
  dotnet: ShellCommand,
  sub: ShellWord,
): void {
  const target = alpineCopyOf(model, stage);
  if (!target) return;
  const arch = dotnetArch(dotnet);
  const fix = (after: ShellWord): RuleFix => ({
    description: 'Publish for linux-musl (--os linux-musl)',
    edits: [insertAfter(after, ' --os linux-musl')],
  });
  if (arch) {
    context.report({
      at: target.edge.instruction,
      messageId: 'archOnly',
      data: { arch: arch.value, stage: stageLabel(stage) },
      fix: fix(arch),
    });
    return;
  }
  const apphost = startedProgram(target.into);
  if (!apphost) return;
  context.report({
    at: target.edge.instruction,
    messageId: 'glibcApphost',
    data: { stage: stageLabel(stage), apphost },

    fix: fix(sub),
  });
}

/** The same glibc RID in `dotnet restore` commands of the publisher: a publish --no-restore needs both changed. */
function restoresFor(stage: Stage, rid: string): GlibcRid[] {
  return stageChain(stage)
    .flatMap(current => current.runs)
    .flatMap(run => run.script.commands)
    .filter(command => dotnetSubcommand(command)?.value === 'restore')
    .flatMap(glibcRids)
    .filter(found => found.rid === rid);
}

/** The program the stage's exec-form ENTRYPOINT (or CMD) starts, when it can be an apphost. */
function startedProgram(stage: Stage): string | undefined {
  const instructions = stageChain(stage)
    .reverse()
    .flatMap(current => current.instructions);
  const entrypoint = [...instructions]
    .reverse()
    .find(i => i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD');
  if (!entrypoint || !('argv' in entrypoint) || entrypoint.form !== 'exec')
    return undefined;
  const program = entrypoint.argv[0]?.value;
  return program && !NOT_AN_APPHOST.test(program) ? program : undefined;
}

/** The first COPY into an Alpine stage from this stage or a stage built FROM it. */
function alpineCopyOf(
  model: DockerfileModel,
  publisher: Stage,
): { edge: CopyEdge; into: Stage } | undefined {
  for (const source of model.stages.filter(candidate =>
    stageChain(candidate).includes(publisher),
  )) {
    const found = copyEdgesFrom(model, source).find(
      ({ edge, into }) => edge.kind === 'copy' && into.isAlpine,
    );
    if (found) return found;
  }
  return undefined;
}

/** The RIDs of a dotnet command that target glibc, with their musl counterparts (`--os linux` becomes `linux-musl`). */
function glibcRids(dotnet: ShellCommand): GlibcRid[] {
  return dotnetRuntimeIdentifiers(dotnet).flatMap(({ rid, via, at }) => {
    // `--os` names the OS only: just `linux` has a musl counterpart.
    const osMusl = rid === 'linux' ? 'linux-musl' : undefined;
    const musl = via === 'os' ? osMusl : muslRuntimeIdentifierFor(rid);
    return musl ? [{ rid, musl, at }] : [];
  });
}
