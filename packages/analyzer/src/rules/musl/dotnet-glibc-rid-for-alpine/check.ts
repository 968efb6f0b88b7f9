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
  insertAfter,
  positionalArgs,
  replace,
  stageChain,
} from '../../vocabulary';

/** A glibc RID written in a dotnet command, with the exact characters to replace. */
interface GlibcRid {
  rid: string;
  musl: string;
  at: Locatable;
}

const DOTNET_OPTIONS_WITH_VALUE = [
  '-r',
  '--runtime',
  '-c',
  '--configuration',
  '-o',
  '--output',
  '--os',
  '-a',
  '--arch',
  '-f',
  '--framework',
];
const RID_FLAG =
  /^(-r|--runtime|--os)([=:].*)?$|^[-/](p|property):RuntimeIdentifier=/i;
const RID_PROPERTY = /^[-/](p|property):RuntimeIdentifier=(.+)$/i;
/** Programs an ENTRYPOINT or CMD starts that are not the app's own apphost. */
const NOT_AN_APPHOST =
  /(^|\/)(dotnet|sh|ash|bash|tini|dumb-init|su-exec|gosu|env)$|\.dll$/;

export const check: RuleCheck = context => ({
  file(model) {
    for (const stage of model.stages) {
      for (const run of stage.runs) {
        for (const dotnet of run.script.commands) {
          if (dotnet.name !== 'dotnet') continue;
          const sub = positionalArgs(dotnet, DOTNET_OPTIONS_WITH_VALUE)[0];
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
            !stage.isAlpine &&
            !dotnet.args.some(arg => RID_FLAG.test(arg.value))
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
      message: `runtime identifier \`${found.rid}\` targets glibc; this Alpine stage needs \`${found.musl}\``,
      fix,
    });
    return;
  }
  const target = alpineCopyOf(model, stage);
  if (!target) return;
  context.report({
    at: target.edge.instruction,
    message: `the app published for \`${
      found.rid
    }\` (glibc) in stage \`${stageLabel(stage)}\`, line ${
      run.line
    }, is copied into this Alpine stage: publish for \`${found.musl}\``,
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
  const archIndex = dotnet.args.findIndex(
    arg => arg.value === '-a' || arg.value === '--arch',
  );
  const arch = archIndex === -1 ? undefined : dotnet.args[archIndex + 1];
  const fix = (after: ShellWord): RuleFix => ({
    description: 'Publish for linux-musl (--os linux-musl)',
    edits: [insertAfter(after, ' --os linux-musl')],
  });
  if (arch) {
    context.report({
      at: target.edge.instruction,
      message: `\`dotnet publish -a ${
        arch.value
      }\` in glibc stage \`${stageLabel(stage)}\` targets linux-${
        arch.value
      } (glibc), copied into this Alpine stage: add \`--os linux-musl\``,
      fix: fix(arch),
    });
    return;
  }
  const apphost = startedProgram(target.into);
  if (!apphost) return;
  context.report({
    at: target.edge.instruction,
    message: `\`dotnet publish\` in glibc stage \`${stageLabel(
      stage,
    )}\` writes a glibc apphost, and this Alpine stage starts \`${apphost}\` directly: it fails with "not found"; publish with \`--os linux-musl\` or start it with \`dotnet app.dll\``,
    fix: fix(sub),
  });
}

/** The same glibc RID in `dotnet restore` commands of the publisher: a publish --no-restore needs both changed. */
function restoresFor(stage: Stage, rid: string): GlibcRid[] {
  return stageChain(stage)
    .flatMap(current => current.runs)
    .flatMap(run => run.script.commands)
    .filter(
      command =>
        command.name === 'dotnet' &&
        positionalArgs(command, DOTNET_OPTIONS_WITH_VALUE)[0]?.value ===
          'restore',
    )
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

/** `-r linux-x64`, `--runtime=linux-x64`, `-p:RuntimeIdentifier=linux-x64`, `--os linux`. */
function glibcRids(dotnet: ShellCommand): GlibcRid[] {
  const found: GlibcRid[] = [];
  const { args } = dotnet;
  const add = (
    word: ShellWord,
    rid: string,
    replacement: string | undefined,
  ) => {
    const offset = word.text.lastIndexOf(rid);
    if (!replacement || offset === -1) return;
    found.push({
      rid,
      musl: replacement,
      at: { start: word.start + offset, end: word.start + offset + rid.length },
    });
  };
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if ((value === '-r' || value === '--runtime') && args[i + 1]) {
      add(
        args[i + 1],
        args[i + 1].value,
        muslRuntimeIdentifierFor(args[i + 1].value),
      );
    } else if (/^(-r|--runtime)[=:]/.test(value)) {
      const rid = value.replace(/^(-r|--runtime)[=:]/, '');
      add(args[i], rid, muslRuntimeIdentifierFor(rid));
    } else if (RID_PROPERTY.test(value)) {
      const rid = RID_PROPERTY.exec(value)![2];
      add(args[i], rid, muslRuntimeIdentifierFor(rid));
    } else if (value === '--os' && args[i + 1]?.value === 'linux') {
      add(args[i + 1], 'linux', 'linux-musl');
    }
  }
  return found;
}
