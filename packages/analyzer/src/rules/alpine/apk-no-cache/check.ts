import type { RunInstruction } from '../../../parse';
import type { ShellCommand } from '../../../shell';
import type { OffsetEdit, RuleCheck, RuleFix } from '../../framework/types';
import type { ApkAdd } from '../../vocabulary';
import {
  APK_OPTIONS_WITH_VALUE,
  apkAdds,
  apkCommands,
  commandsNamed,
  hasFlag,
  imageStages,
  insertArgument,
  positionalArgs,
  removeCommandBefore,
} from '../../vocabulary';
import { sourceOf } from '../../framework/runRules';

const APK_CACHE = /^\/var\/cache\/apk(\/|\/\*)?$/;

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    if (cleansApkCache(run)) return;
    // A builder stage that later stages only copy from: its index never ships, advice only.
    const builderOnly = !imageStages(context.model).has(stage);
    const severity = builderOnly ? ('info' as const) : undefined;
    const inBuilder = builderOnly ? 'InBuilder' : '';
    const adds = apkAdds(run);
    if (adds.length === 0) return;
    const caching = adds.filter(
      add => !add.noCache && !hasFlag(add.command, '--no-network'),
    );
    const updates = apkCommands(run, 'update').filter(update =>
      adds.some(add => add.command.start > update.start),
    );
    if (updates.length > 0) {
      // One finding for the RUN: fixing the adds alone would leave the index of `apk update`.
      context.report({
        at: caching[0]?.command ?? updates[0],
        ...(caching.length > 0
          ? {
              messageId: `addsAfterUpdate${inBuilder}`,
              data: { adds: nameAdds(caching, context.text) },
            }
          : { messageId: `updateIndex${inBuilder}` }),
        severity,
        fix: dropUpdates(run, updates, caching, context.text),
      });
      return;
    }
    for (const add of caching) {
      context.report({
        at: add.command,
        messageId: `noCache${inBuilder}`,
        data: { adds: nameAdds([add], context.text) },

        severity,
        fix: {
          description: 'Add --no-cache to apk add',
          edits: [addNoCache(run, add)],
        },
      });
    }
  },
});

function addNoCache(run: RunInstruction, add: ApkAdd): OffsetEdit {
  const subcommandWord = positionalArgs(add.command, APK_OPTIONS_WITH_VALUE)[0];
  return insertArgument(run, subcommandWord, '--no-cache');
}

/** `apk add curl git`, or `apk add curl …` when long; several adds are named by their first package. */
function nameAdds(adds: ApkAdd[], text: string): string {
  const named = adds.map(add => {
    // Expanded lists share their word (`$PHPIZE_DEPS`): name it once.
    const packages = [...new Set(add.packages.map(pkg => pkg.word.text))];
    const shown =
      packages.length > 3
        ? `${packages.slice(0, 3).join(' ')} …`
        : packages.join(' ');
    return shown
      ? `\`apk add ${shown}\``
      : `\`${sourceOf(text, add.command)}\``;
  });
  return named.join(' and ');
}

/** Removes each `apk update` with its `&&`, and adds `--no-cache` where it is missing. */
function dropUpdates(
  run: RunInstruction,
  updates: ShellCommand[],
  caching: ApkAdd[],
  text: string,
): RuleFix | undefined {
  const commands = run.script.commands;
  const edits: OffsetEdit[] = [];
  for (const update of updates) {
    const next = commands.find(command => command.start > update.end);
    const removal = next && removeCommandBefore(update, next, text);
    if (!removal) return undefined;
    edits.push(removal);
  }
  for (const add of caching) edits.push(addNoCache(run, add));
  return {
    description: 'Remove apk update; apk add --no-cache fetches a fresh index',
    edits,
  };
}

/** The cache is gone by the end of the RUN, or never lands in the layer. */
function cleansApkCache(run: RunInstruction): boolean {
  const mounted = run.mounts.some(
    mount =>
      (mount.type === 'cache' || mount.type === 'tmpfs') &&
      APK_CACHE.test(mount.target ?? ''),
  );
  const removed = commandsNamed(run, 'rm').some(rm =>
    rm.args.some(arg => APK_CACHE.test(arg.value)),
  );
  const cleaned = apkCommands(run, 'cache').some(cache =>
    /^(clean|purge)$/.test(positionalArgs(cache)[1]?.value ?? ''),
  );
  return mounted || removed || cleaned;
}
