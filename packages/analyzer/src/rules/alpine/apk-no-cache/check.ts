import type { Stage } from '../../../model';
import type { RunInstruction } from '../../../parse';
import type { ShellCommand } from '../../../shell';
import type { OffsetEdit, RuleCheck, RuleFix } from '../../framework/types';
import {
  APK_OPTIONS_WITH_VALUE,
  apkAdds,
  apkCommands,
  apkSubcommand,
  commandsNamed,
  hasFlag,
  imageStages,
  insertArgument,
  positionalArgs,
  removeCommandBefore,
  stageChain,
} from '../../vocabulary';
import { sourceOf } from '../../framework/runRules';

const APK_CACHE = /^\/var\/cache\/apk(\/|\/\*)?$/;

/**
 * Subcommands that open the repositories for writing: apk-tools then fetches
 * a missing (or four-hour-old) index into its cache first. `apk del` opts out.
 */
const INDEX_FETCHING = new Set(['add', 'upgrade', 'fix']);

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    if (cleansApkCache(run)) return;
    // A builder stage that later stages only copy from: its index never ships, advice only.
    const builderOnly = !imageStages(context.model).has(stage);
    const severity = builderOnly ? ('info' as const) : undefined;
    const inBuilder = builderOnly ? 'InBuilder' : '';
    const installs = apkCommands(run).filter(command =>
      INDEX_FETCHING.has(apkSubcommand(command) ?? ''),
    );
    if (installs.length === 0) return;
    const caching = installs.filter(
      command =>
        !hasFlag(command, '--no-cache', '--no-network') &&
        (apkSubcommand(command) === 'add' || fetchesIndex(command, run, stage)),
    );
    // With `--no-cache`, apk fetches the index into memory only: that
    // `apk update` stores nothing (and does nothing).
    const updates = apkCommands(run, 'update').filter(
      update =>
        !hasFlag(update, '--no-cache') &&
        installs.some(install => install.start > update.start),
    );
    if (updates.length > 0) {
      // One finding for the RUN: fixing the installs alone would leave the index of `apk update`.
      context.report({
        at: caching[0] ?? updates[0],
        ...(caching.length > 0
          ? {
              messageId: `addsAfterUpdate${inBuilder}`,
              data: { adds: nameCommands(run, caching, context.text) },
            }
          : { messageId: `updateIndex${inBuilder}` }),
        severity,
        fix: dropUpdates(run, updates, caching, context.text),
      });
      return;
    }
    for (const install of caching) {
      context.report({
        at: install,
        messageId: `noCache${inBuilder}`,
        data: { adds: nameCommands(run, [install], context.text) },
        severity,
        fix: {
          description: `Add --no-cache to apk ${apkSubcommand(install)}`,
          edits: [addNoCache(run, install)],
        },
      });
    }
  },
});

/**
 * Whether an `apk upgrade` or `apk fix` fetches an index of its own: with
 * `-U` always; otherwise only when no earlier RUN of the stage left one (apk
 * reuses a cached index for four hours). `apk add` keeps hadolint's DL3019
 * reading and is reported either way.
 */
function fetchesIndex(
  command: ShellCommand,
  run: RunInstruction,
  stage: Stage,
): boolean {
  if (hasFlag(command, '--update-cache', '-U')) return true;
  const earlierRuns = stageChain(stage)
    .reverse()
    .flatMap(chained =>
      chained === stage
        ? chained.runs.slice(0, chained.runs.indexOf(run))
        : chained.runs,
    );
  return !earlierRuns.some(earlier => leavesIndex(earlier));
}

/** A RUN after which the stage holds a package index in its cache. */
function leavesIndex(run: RunInstruction): boolean {
  if (cleansApkCache(run)) return false;
  return apkCommands(run).some(command => {
    const subcommand = apkSubcommand(command) ?? '';
    return (
      (subcommand === 'update' || INDEX_FETCHING.has(subcommand)) &&
      !hasFlag(command, '--no-cache', '--no-network')
    );
  });
}

function addNoCache(run: RunInstruction, command: ShellCommand): OffsetEdit {
  const subcommandWord = positionalArgs(command, APK_OPTIONS_WITH_VALUE)[0];
  return insertArgument(run, subcommandWord, '--no-cache');
}

/**
 * `apk add curl git`, or `apk add curl …` when long; several adds are named
 * by their first package; other subcommands as written (`apk -U upgrade`).
 */
function nameCommands(
  run: RunInstruction,
  commands: ShellCommand[],
  text: string,
): string {
  const adds = new Map(apkAdds(run).map(add => [add.command, add]));
  const named = commands.map(command => {
    // Expanded lists share their word (`$PHPIZE_DEPS`): name it once.
    const packages = [
      ...new Set(adds.get(command)?.packages.map(pkg => pkg.word.text)),
    ];
    const shown =
      packages.length > 3
        ? `${packages.slice(0, 3).join(' ')} …`
        : packages.join(' ');
    return shown ? `\`apk add ${shown}\`` : `\`${sourceOf(text, command)}\``;
  });
  return named.join(' and ');
}

/** Removes each `apk update` with its `&&`, and adds `--no-cache` where it is missing. */
function dropUpdates(
  run: RunInstruction,
  updates: ShellCommand[],
  caching: ShellCommand[],
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
  for (const install of caching) edits.push(addNoCache(run, install));
  return {
    description: 'Remove apk update; with --no-cache apk fetches a fresh index',
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
