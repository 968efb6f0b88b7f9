import type { Stage } from '../../../model';
import { missingMuslWheel, parseRequirement } from '../../../knowledge';
import type { MissingMuslWheel } from '../../../knowledge';
import {
  muslWheelInterpreters,
  muslWheelSupport,
  wheelPlatforms,
} from '../../../facts';
import type { RunInstruction } from '../../../parse';
import type { ShellCommand, ShellWord } from '../../../shell';
import type { RuleCheck, RuleContext } from '../../framework/types';
import type { ApkPackage } from '../../vocabulary';
import {
  apkAddsInStage,
  apkDeletedNames,
  hasFlag,
  mentions,
  shippedStages,
  stageChain,
} from '../../vocabulary';
import {
  binaryPolicyCovers,
  imagePython,
  pipInstallCommands,
  requirementWords,
} from '../pythonInstalls';
import { C_TOOLCHAIN, missingBuildPackages } from '../toolchain';

const COMPILERS = /^(build-base|gcc|g\+\+|clang)$/;

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    const facts = context.facts.available;
    if (
      !mentions(context.text, run, facts ? /pip|\buv\b|poetry/ : /pip|\buv\b/)
    )
      return;
    let reported = reportKnownGaps(context, run, stage);
    if (facts) reported = reportContextGaps(context, run, stage) || reported;
    if (!reported) reportSourceBuilds(context, run, stage);
  },
});

/** `-r FILE` / `--requirement FILE` words of a pip install. */
function requirementFileWords(command: ShellCommand): ShellWord[] {
  const words: ShellWord[] = [];
  command.args.forEach((arg, index) => {
    if (
      (arg.value === '-r' || arg.value === '--requirement') &&
      command.args[index + 1]
    )
      words.push(command.args[index + 1]);
    else if (/^--requirement=/.test(arg.value))
      words.push({ ...arg, value: arg.value.slice('--requirement='.length) });
  });
  return words;
}

/**
 * What the build context says: the requirements files a pip install names,
 * and the wheels uv.lock or poetry.lock record for `uv sync` /
 * `poetry install`. True when any gap was reported.
 */
function reportContextGaps(
  context: RuleContext,
  run: RunInstruction,
  stage: Stage,
): boolean {
  let reported = false;
  for (const command of pipInstallCommands(run)) {
    if (binaryPolicyCovers(command, '--no-binary', ':all:')) continue;
    const onlyBinary = binaryPolicyCovers(command, '--only-binary', ':all:');
    for (const word of requirementFileWords(command)) {
      const file = context.facts.requirements(word.value);
      if (!file) continue;
      const all = [file, ...context.facts.requirementsIncludedBy(word.value)];
      for (const requirements of all) {
        for (const pinned of requirements.packages.values()) {
          const text = pinned.version
            ? `${pinned.name}==${pinned.version}`
            : pinned.name;
          const requirement = parseRequirement(text);
          const missing = requirement && missingMuslWheel(requirement);
          if (!missing) continue;
          const verdict = judge(missing, stage, onlyBinary);
          reported = true;
          context.report({
            at: word,
            severity: verdict.severity,
            messageId: 'noWheelInFile',
            evidence: {
              source: requirements.file,
              verdict: 'confirmed',
              detail: `pins ${text}: ${describeGap(missing)}`,
            },
            data: {
              file: requirements.file,
              requirement: text,
              gap: describeGap(missing),
              outcome: verdict.outcome,
            },
          });
        }
      }
    }
  }
  const syncs = run.script.commands.filter(
    command =>
      (command.name === 'uv' && command.args[0]?.value === 'sync') ||
      (command.name === 'poetry' && command.args[0]?.value === 'install'),
  );
  const lock = syncs.length > 0 ? context.facts.pythonLock() : undefined;
  if (!lock) return reported;
  const python = imagePython(stage, run);
  for (const command of syncs) {
    for (const entry of lock.packages.values()) {
      if (muslWheelSupport(entry, 'x86_64', python) !== 'none') continue;
      const lacking = missingBuildPackages(stage, C_TOOLCHAIN);
      const severity = !entry.sdist || lacking.length > 0 ? 'error' : 'warning';
      const otherPythons = muslWheelInterpreters(entry, 'x86_64');
      if (python && otherPythons.length > 0) {
        // musllinux wheels exist, for other interpreters than the image's.
        const version = `${python.major}.${python.minor}`;
        reported = true;
        context.report({
          at: command,
          severity,
          messageId: 'lockedNoWheelForPython',
          evidence: {
            source: lock.file,
            verdict: 'confirmed',
            detail: `locks ${[entry.name, entry.version]
              .filter(Boolean)
              .join(' ')} with musllinux wheels for ${otherPythons.join(
              ', ',
            )} only; the image runs Python ${version}`,
          },
          data: {
            file: lock.file,
            name: entry.name,
            version: entry.version ?? '',
            interpreters: otherPythons.join(', '),
            python: version,
            outcome: lockedOutcome(entry.sdist === true, lacking),
          },
        });
        continue;
      }
      const platforms = [
        ...new Set(
          (entry.wheels ?? []).flatMap(wheel =>
            wheelPlatforms(wheel).map(tag =>
              tag
                .replace(/_\d+_\d+_|_\d+_/, '_*_')
                .replace(/^(macosx|win).*/, '$1'),
            ),
          ),
        ),
      ];
      reported = true;
      context.report({
        at: command,
        severity,
        messageId: 'lockedNoWheel',
        evidence: {
          source: lock.file,
          verdict: 'confirmed',
          detail: `locks ${[entry.name, entry.version]
            .filter(Boolean)
            .join(' ')} with no musllinux or pure-Python wheel`,
        },
        data: {
          file: lock.file,
          name: entry.name,
          version: entry.version ?? '',
          platforms: platforms.slice(0, 4).join(', '),
          outcome: lockedOutcome(entry.sdist === true, lacking),
        },
      });
    }
  }
  return reported;
}

/** Requirements the knowledge table says get no musllinux wheel; true when any was reported. */
function reportKnownGaps(
  context: RuleContext,
  run: RunInstruction,
  stage: Stage,
): boolean {
  let reported = false;
  for (const command of pipInstallCommands(run)) {
    for (const word of requirementWords(command)) {
      const requirement = parseRequirement(word.value);
      const missing = requirement && missingMuslWheel(requirement);
      if (
        !requirement ||
        !missing ||
        binaryPolicyCovers(command, '--no-binary', requirement.name)
      )
        continue;
      const onlyBinary = binaryPolicyCovers(
        command,
        '--only-binary',
        requirement.name,
      );
      const verdict = judge(missing, stage, onlyBinary);
      reported = true;
      context.report({
        at: word,
        severity: verdict.severity,
        messageId: 'noWheel',
        data: {
          requirement: word.value,
          gap: describeGap(missing),
          outcome: verdict.outcome,
        },
      });
    }
  }
  return reported;
}

/**
 * Part B #26: a shipped Alpine stage that installs a compiler next to pip
 * is set up to compile whatever lacks a musllinux wheel, in the image. A
 * builder stage doing this is the recommended remedy, so only shipped stages
 * count; wheel-only installs (`--only-binary=:all:`, `--no-index`) compile
 * nothing.
 */
function reportSourceBuilds(
  context: RuleContext,
  run: RunInstruction,
  stage: Stage,
): void {
  const installs = pipInstallCommands(run).filter(
    command =>
      !binaryPolicyCovers(command, '--only-binary', ':all:') &&
      !hasFlag(command, '--no-index'),
  );
  if (installs.length === 0 || !shippedStages(context.model).includes(stage))
    return;
  const kept = keptCompilers(stage);
  const compilerHere = kept.find(
    pkg => pkg.word.start >= run.start && pkg.word.end <= run.end,
  );
  const lock =
    kept.length > 0 && context.facts.available
      ? context.facts.pythonLock()
      : undefined;
  if (
    lock &&
    lock.packages.size > 0 &&
    [...lock.packages.values()].every(entry => {
      const support = muslWheelSupport(
        entry,
        'x86_64',
        imagePython(stage, run),
      );
      return support === 'pure' || support === 'musllinux';
    })
  ) {
    // Refuted: nothing lacks a wheel, so nothing compiles; the compiler is only dead weight.
    context.report({
      at: compilerHere?.word ?? installs[0],
      severity: 'info',
      messageId: 'compilerUnneeded',
      evidence: {
        source: lock.file,
        verdict: 'refuted',
        detail:
          'records a musllinux or pure-Python wheel for every package: nothing compiles',
      },
      data: { compiler: compilerHere?.name ?? kept[0].name, file: lock.file },
    });
    return;
  }
  if (kept.length > 0) {
    context.report({
      at: compilerHere?.word ?? installs[0],
      messageId: compilerHere ? 'compilerShips' : 'compilerShipsElsewhere',
      data: { compiler: compilerHere?.name ?? '' },
    });
    return;
  }
  // The compiler is deleted before the image ships (`--virtual .build-deps … && apk del`): the image
  // is fine, but every build still compiles what lacks a musllinux wheel. Advice, not a warning.
  const deleted = deletedCompilerBefore(stage, run, installs[0]);
  if (!deleted) return;
  context.report({
    at: deleted.word,
    severity: 'info',
    messageId: 'compilesEachBuild',
    data: { compiler: deleted.name },
  });
}

/** A compiler added in this RUN before the pip install and deleted later, as the seed article does. */
function deletedCompilerBefore(
  stage: Stage,
  run: RunInstruction,
  install: { start: number },
): ApkPackage | undefined {
  return apkAddsInStage(stage, { includeParents: false })
    .filter(add => add.run === run && add.command.start < install.start)
    .flatMap(add => add.packages)
    .find(pkg => COMPILERS.test(pkg.name));
}

/**
 * Compilers `apk add`ed in the stage or its parents and never deleted there,
 * by name or through their `--virtual` group. `apk add --virtual .build-deps
 * gcc … && pip install … && apk del .build-deps` is the recommended pattern:
 * the toolchain does not ship, and a pip install after the `apk del` has no
 * compiler to build with.
 */
function keptCompilers(stage: Stage): ApkPackage[] {
  const deleted = new Set(
    stageChain(stage).flatMap(current =>
      current.runs.flatMap(run => [...apkDeletedNames(run)]),
    ),
  );
  return apkAddsInStage(stage)
    .filter(add => !(add.virtual && deleted.has(add.virtual.value)))
    .flatMap(add => add.packages)
    .filter(pkg => COMPILERS.test(pkg.name) && !deleted.has(pkg.name));
}

/** When arm64 wheels came later than x86_64 ones, or never. */
function arm64Note(aarch64Since: string | null | undefined): string {
  if (aarch64Since === undefined) return '';
  return aarch64Since === null
    ? '; none for arm64'
    : ` (arm64 from ${aarch64Since})`;
}

function describeGap({ gap, reason }: MissingMuslWheel): string {
  const arm = arm64Note(gap.aarch64Since);
  if (reason === 'never') return `${gap.name} publishes no musllinux wheels`;
  return `musllinux wheels of ${gap.name} start at ${gap.musllinuxSince}${arm}, this pin is older`;
}

function judge(
  missing: MissingMuslWheel,
  stage: Stage,
  onlyBinary: boolean,
): { severity: 'error' | 'warning'; outcome: string } {
  const { gap } = missing;
  if (!gap.hasSourceDistribution) {
    return {
      severity: 'error',
      outcome:
        'and no source distribution either: pip finds no installable version on Alpine',
    };
  }
  if (onlyBinary)
    return {
      severity: 'error',
      outcome: '`--only-binary` makes pip fail here',
    };
  const lacking = missingBuildPackages(stage, C_TOOLCHAIN);
  const alternative = gap.alpinePackage
    ? ` (or \`apk add ${gap.alpinePackage}\`)`
    : '';
  if (lacking.length > 0) {
    return {
      severity: 'error',
      outcome: `pip builds it from source and this stage has no ${lacking.join(
        ', ',
      )}: the build fails${alternative}`,
    };
  }
  const extras =
    gap.buildNeeds.length > 0 ? `, needing ${gap.buildNeeds.join(', ')},` : '';
  return {
    severity: 'warning',
    outcome: `pip compiles it from source${extras} which is slow and bloats the build${alternative}`,
  };
}

function lockedOutcome(sdist: boolean, lacking: string[]): string {
  if (!sdist)
    return 'and no source distribution either: the install fails on Alpine';
  if (lacking.length > 0)
    return `it builds from source and this stage has no ${lacking.join(
      ', ',
    )}: the build fails`;
  return 'it compiles from source, which is slow and bloats the build';
}
