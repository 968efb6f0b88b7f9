import type { Stage } from '../../model';
import { stageOfRun } from '../../model';
import type { RunInstruction } from '../../parse';
import type { ShellCommand, ShellWord } from '../../shell';
import { commandsNamed, flagValue, hasFlag, positionalArgs } from './commands';
import { memoizeByNode } from './memo';
import { stageChain } from './stages';
import { expandWord } from './variables';

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

/** `name=…` whose name has no expansion (the version may have one). */
const LITERAL_NAME = /^[^=~<>$`]+[=~<>]/;

/** One package argument of `apk add`, e.g. `py3-pip=23.1-r0`. */
export interface ApkPackage {
  /** The word as written; several packages share it when it is a variable (`$PHPIZE_DEPS`). */
  word: ShellWord;
  /** Name without version constraint (for an unresolved word: its text). */
  name: string;
  /** The constraint (`=1.2-r0`, `~1.2`, `>=1`), if any. */
  constraint?: string;
  /** True when the name came from expanding a variable of the word. */
  expanded?: boolean;
  /**
   * True when the word holds an expansion we cannot read (an ARG without
   * default, `$(cat list)`, a loop variable): it may install anything, so
   * rules that report a missing package stay silent.
   */
  unresolved?: boolean;
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

/**
 * The `apk add` commands of a RUN, their package lists expanded with the
 * ENV, ARG and shell variables known at that point (`$PHPIZE_DEPS`,
 * `deps="git" && apk add $deps`).
 */
export const apkAdds: (run: RunInstruction) => ApkAdd[] = memoizeByNode(
  (run: RunInstruction) =>
    apkCommands(run, 'add').map(command => ({
      command,
      run,
      packages: packagesOf(command, run),
      virtual: flagValue(command, '--virtual', '-t'),
      noCache: hasFlag(command, '--no-cache'),
      update: hasFlag(command, '--update', '--update-cache', '-U'),
    })),
);

/**
 * Package arguments of `apk add` / `apk del` (the subcommand word excluded).
 * Given the RUN, words with variables are expanded as the shell would;
 * without it they stay as written.
 */
export function packagesOf(
  command: ShellCommand,
  run?: RunInstruction,
): ApkPackage[] {
  const stage = run && stageOfRun(run);
  const packages: ApkPackage[] = [];
  for (const word of positionalArgs(command, APK_OPTIONS_WITH_VALUE).slice(1)) {
    // `mariadb==${MARIADB_VERSION}`: only the version is a variable.
    if (word.literal || !stage || !run || LITERAL_NAME.test(word.value)) {
      packages.push(apkPackage(word, word.value));
      continue;
    }
    const values = expandWord(stage, run, command, word);
    if (values === undefined) {
      packages.push({ word, name: word.value, unresolved: true });
      continue;
    }
    for (const value of values)
      packages.push({ ...apkPackage(word, value), expanded: true });
  }
  return packages;
}

function apkPackage(word: ShellWord, value: string): ApkPackage {
  const match = /^([^=~<>]+)([=~<>].*)?$/.exec(value);
  return {
    word,
    name: match ? match[1] : value,
    constraint: match?.[2],
  };
}

/** Names removed by `apk del` in a RUN (packages or virtual groups), variables expanded. */
export const apkDeletedNames: (run: RunInstruction) => Set<string> =
  memoizeByNode(
    (run: RunInstruction) =>
      new Set(
        apkCommands(run, 'del').flatMap(command =>
          packagesOf(command, run).map(pkg => pkg.name),
        ),
      ),
  );

/**
 * What a `--virtual` group is for, read from its name. Official images name
 * the packages a built program needs at run time `.python-rundeps`,
 * `.otp-run-deps`, `.wordpress-phpexts-rundeps`, `.persistent-deps`: those
 * groups are meant to ship, and `apk del` of them would break the image.
 * Build groups (`.build-deps`, `.fetch-deps`, `.compile`) are meant to go.
 * Anything else is `unknown`.
 */
export type VirtualGroupPurpose = 'runtime' | 'build' | 'unknown';

/** Name parts that say "needed at run time" (`rundeps`, `run-deps`, `so-deps` from scanelf's `so:` names). */
const RUNTIME_GROUP_WORDS = new Set([
  'rundeps',
  'rundep',
  'runtimedeps',
  'runtime',
  'rdeps',
  'persistent',
  'permanent',
  'sodeps',
]);
/** Name parts that say "needed to build or fetch, then removed". */
const BUILD_GROUP_WORDS = new Set([
  'build',
  'builddeps',
  'buildtools',
  'buildtool',
  'builddep',
  'bdeps',
  'fetch',
  'fetchdeps',
  'compile',
  'dev',
  'devdeps',
  'tmp',
  'temp',
  'temporary',
  'toolchain',
  'make',
]);
/** Two-part spellings: `run-deps`, `runtime-deps`, `so-deps`, `build-deps`. */
const RUNTIME_FIRST_PARTS = new Set(['run', 'runtime', 'so']);
const DEPENDENCY_PARTS = new Set([
  'deps',
  'dep',
  'dependencies',
  'libs',
  'packages',
  'pkgs',
]);

export function virtualGroupPurpose(name: string): VirtualGroupPurpose {
  const parts = name
    .toLowerCase()
    .replace(/^\.+/, '')
    .split(/[-_.]+/)
    .filter(Boolean);
  let runtime = false;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (BUILD_GROUP_WORDS.has(part)) return 'build';
    if (RUNTIME_GROUP_WORDS.has(part)) runtime = true;
    else if (
      RUNTIME_FIRST_PARTS.has(part) &&
      DEPENDENCY_PARTS.has(parts[index + 1] ?? '')
    )
      runtime = true;
  }
  return runtime ? 'runtime' : 'unknown';
}

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
        apkAddsInStage(stage).flatMap(add =>
          add.packages.filter(pkg => !pkg.unresolved).map(pkg => pkg.name),
        ),
      ),
  );

/** Whether a stage or its parents `apk add` a package list we cannot read (`$DEPS` of an ARG without default). */
export const installsUnknownPackages: (stage: Stage) => boolean = memoizeByNode(
  (stage: Stage) =>
    apkAddsInStage(stage).some(add => add.packages.some(pkg => pkg.unresolved)),
);

/**
 * Whether a stage (or its parents) installs, or may install, a package
 * matching the predicate: a package list we cannot read counts as "may",
 * so that rules reporting a missing package do not guess.
 */
export function installsPackage(
  stage: Stage,
  matches: (name: string) => boolean,
): boolean {
  for (const name of installedPackages(stage)) if (matches(name)) return true;
  return installsUnknownPackages(stage);
}

/** Offset of the first `apk add` of each package in the stage itself (parents excluded); `undefined` key: an unreadable list. */
const firstInstallOffsets = memoizeByNode((stage: Stage) => {
  const offsets = new Map<string | undefined, number>();
  for (const add of stage.runs.flatMap(apkAdds)) {
    for (const pkg of add.packages) {
      const key = pkg.unresolved ? undefined : pkg.name;
      if (!offsets.has(key)) offsets.set(key, add.command.start);
    }
  }
  return offsets;
});

/**
 * Whether a package matching the predicate is installed (or may be, see
 * installsPackage) before an offset: anywhere in the stages this one builds
 * FROM, or earlier in this stage (an earlier RUN, or earlier in the same RUN).
 */
export function installsPackageBefore(
  stage: Stage,
  offset: number,
  matches: (name: string) => boolean,
): boolean {
  if (stage.parent && installsPackage(stage.parent, matches)) return true;
  for (const [name, start] of firstInstallOffsets(stage)) {
    if (start < offset && (name === undefined || matches(name))) return true;
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
