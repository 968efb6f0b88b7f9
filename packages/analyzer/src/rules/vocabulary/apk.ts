import type { Stage } from '../../model';
import type { RunInstruction } from '../../parse';
import type { ShellCommand, ShellWord } from '../../shell';
import { commandsNamed, flagValue, hasFlag, positionalArgs } from './commands';
import { memoizeByNode } from './memo';
import { stageChain } from './stages';

/** apk options that take a value, so their value is not a package or subcommand. */
export const APK_OPTIONS_WITH_VALUE = [
  '-X',
  '--repository',
  '-p',
  '--root',
  '--arch',
  '--cache-dir',
  '--keys-dir',
  '--repositories-file',
  '-t',
  '--virtual',
  '--cache-max-age',
  '--timeout',
];

/** One package argument of `apk add`, e.g. `py3-pip=23.1-r0`. */
export interface ApkPackage {
  word: ShellWord;
  /** Name without version constraint. */
  name: string;
  /** The constraint (`=1.2-r0`, `~1.2`, `>=1`), if any. */
  constraint?: string;
}

/** An `apk add` command with what rules ask of it. */
export interface ApkAdd {
  command: ShellCommand;
  run: RunInstruction;
  packages: ApkPackage[];
  /** `--virtual NAME` / `-t NAME`. */
  virtual?: ShellWord;
  noCache: boolean;
  /** `--update` / `-U` / `--update-cache`: fetch indexes first. */
  update: boolean;
}

/** `apk <subcommand>` commands of a RUN. */
export function apkCommands(
  run: RunInstruction,
  subcommandName?: string,
): ShellCommand[] {
  return commandsNamed(run, 'apk').filter(
    command =>
      subcommandName === undefined || apkSubcommand(command) === subcommandName,
  );
}

export function apkSubcommand(command: ShellCommand): string | undefined {
  return positionalArgs(command, APK_OPTIONS_WITH_VALUE)[0]?.value;
}

/** The `apk add` commands of a RUN. */
export const apkAdds: (run: RunInstruction) => ApkAdd[] = memoizeByNode(
  (run: RunInstruction) =>
    apkCommands(run, 'add').map(command => ({
      command,
      run,
      packages: packagesOf(command),
      virtual: flagValue(command, '--virtual', '-t'),
      noCache: hasFlag(command, '--no-cache'),
      update: hasFlag(command, '--update', '--update-cache', '-U'),
    })),
);

/** Package arguments of `apk add` / `apk del` (the subcommand word excluded). */
export function packagesOf(command: ShellCommand): ApkPackage[] {
  return positionalArgs(command, APK_OPTIONS_WITH_VALUE)
    .slice(1)
    .map(word => {
      const match = /^([^=~<>]+)([=~<>].*)?$/.exec(word.value);
      return {
        word,
        name: match ? match[1] : word.value,
        constraint: match?.[2],
      };
    });
}

/** Names removed by `apk del` in a RUN (packages or virtual groups). */
export const apkDeletedNames: (run: RunInstruction) => Set<string> =
  memoizeByNode(
    (run: RunInstruction) =>
      new Set(
        apkCommands(run, 'del').flatMap(command =>
          packagesOf(command).map(pkg => pkg.name),
        ),
      ),
  );

/** Every `apk add` in a stage and the stages it builds FROM. */
export function apkAddsInStage(
  stage: Stage,
  { includeParents = true } = {},
): ApkAdd[] {
  const stages = includeParents ? stageChain(stage) : [stage];
  return stages.flatMap(s => s.runs.flatMap(apkAdds));
}

/** Names of the packages `apk add`ed in a stage or the stages it builds FROM. */
export const installedPackages: (stage: Stage) => ReadonlySet<string> =
  memoizeByNode(
    (stage: Stage) =>
      new Set(
        apkAddsInStage(stage).flatMap(add => add.packages.map(pkg => pkg.name)),
      ),
  );

/** Whether a stage (or its parents) installs a package matching the predicate. */
export function installsPackage(
  stage: Stage,
  matches: (name: string) => boolean,
): boolean {
  for (const name of installedPackages(stage)) if (matches(name)) return true;
  return false;
}

/** Offset of the first `apk add` of each package in the stage itself (parents excluded). */
const firstInstallOffsets = memoizeByNode((stage: Stage) => {
  const offsets = new Map<string, number>();
  for (const add of stage.runs.flatMap(apkAdds)) {
    for (const pkg of add.packages) {
      if (!offsets.has(pkg.name)) offsets.set(pkg.name, add.command.start);
    }
  }
  return offsets;
});

/**
 * Whether a package matching the predicate is installed before an offset:
 * anywhere in the stages this one builds FROM, or earlier in this stage
 * (an earlier RUN, or earlier in the same RUN).
 */
export function installsPackageBefore(
  stage: Stage,
  offset: number,
  matches: (name: string) => boolean,
): boolean {
  if (stage.parent && installsPackage(stage.parent, matches)) return true;
  for (const [name, start] of firstInstallOffsets(stage)) {
    if (start < offset && matches(name)) return true;
  }
  return false;
}

const apkAddIndex = memoizeByNode((stage: Stage) => {
  const indexOfRun = new Map(stage.runs.map((run, index) => [run, index]));
  const firstAddFrom: Array<ApkAdd | undefined> = new Array(
    stage.runs.length + 1,
  ).fill(undefined);
  for (let index = stage.runs.length - 1; index >= 0; index--) {
    firstAddFrom[index] =
      apkAdds(stage.runs[index])[0] ?? firstAddFrom[index + 1];
  }
  return { indexOfRun, firstAddFrom };
});

/** The first `apk add` in a RUN after the given one in the same stage (a linear pass per stage, cached). */
export function nextApkAdd(
  stage: Stage,
  run: RunInstruction,
): ApkAdd | undefined {
  const { indexOfRun, firstAddFrom } = apkAddIndex(stage);
  const index = indexOfRun.get(run);
  return index === undefined ? undefined : firstAddFrom[index + 1];
}

const apkDeleteIndex = memoizeByNode((stage: Stage) => {
  const indexOfRun = new Map(stage.runs.map((run, index) => [run, index]));
  const deletesByName = new Map<string, RunInstruction[]>();
  for (const run of stage.runs) {
    for (const name of apkDeletedNames(run)) {
      const runs = deletesByName.get(name);
      if (runs) runs.push(run);
      else deletesByName.set(name, [run]);
    }
  }
  return { indexOfRun, deletesByName };
});

/** The first RUN after the given one in the same stage that `apk del`s the name (cached per stage). */
export function laterApkDelete(
  stage: Stage,
  run: RunInstruction,
  name: string,
): RunInstruction | undefined {
  const { indexOfRun, deletesByName } = apkDeleteIndex(stage);
  const index = indexOfRun.get(run) ?? -1;
  return deletesByName
    .get(name)
    ?.find(candidate => indexOfRun.get(candidate)! > index);
}
