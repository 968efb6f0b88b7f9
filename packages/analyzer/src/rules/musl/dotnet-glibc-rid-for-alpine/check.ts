import type { DockerfileModel, Stage } from '../../../model';
import { stageLabel } from '../../../model';
import { muslRuntimeIdentifierFor } from '../../../knowledge';
import type { ShellCommand, ShellWord } from '../../../shell';
import type { Locatable, RuleCheck, RuleFix } from '../../framework/types';
import {
  copyEdgesFrom,
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

const RID_PROPERTY = /^[-/](p|property):RuntimeIdentifier=(.+)$/i;

export const check: RuleCheck = context => ({
  file(model) {
    for (const stage of model.stages) {
      for (const run of stage.runs) {
        for (const dotnet of run.script.commands.filter(
          command => command.name === 'dotnet',
        )) {
          if (
            !/^(publish|build|restore)$/.test(
              positionalArgs(dotnet, [
                '-r',
                '--runtime',
                '-c',
                '-o',
                '--os',
                '-a',
                '--arch',
              ])[0]?.value ?? '',
            )
          )
            continue;
          for (const found of glibcRids(dotnet)) {
            const fix: RuleFix = {
              description: `Publish for ${found.musl} instead of ${found.rid}`,
              edits: [replace(found.at, found.musl)],
            };
            if (stage.isAlpine) {
              context.report({
                at: found.at,
                message: `runtime identifier \`${found.rid}\` targets glibc; this Alpine stage needs \`${found.musl}\``,
                fix,
              });
              continue;
            }
            const target = alpineCopyOf(model, stage);
            if (!target) continue;
            context.report({
              at: target.instruction,
              message: `the app published for \`${
                found.rid
              }\` (glibc) in stage \`${stageLabel(stage)}\`, line ${
                run.line
              }, is copied into this Alpine stage: publish for \`${
                found.musl
              }\``,
              fix,
            });
          }
        }
      }
    }
  },
});

/** The first COPY into an Alpine stage from this stage or a stage built FROM it. */
function alpineCopyOf(model: DockerfileModel, publisher: Stage) {
  for (const source of model.stages.filter(candidate =>
    stageChain(candidate).includes(publisher),
  )) {
    const into = copyEdgesFrom(model, source).find(
      ({ edge, into: target }) => edge.kind === 'copy' && target.isAlpine,
    );
    if (into) return into.edge;
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
