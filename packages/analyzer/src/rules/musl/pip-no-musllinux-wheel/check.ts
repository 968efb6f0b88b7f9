import type { Stage } from '../../../model';
import { missingMuslWheel, parseRequirement } from '../../../knowledge';
import type { MissingMuslWheel } from '../../../knowledge';
import type { RunInstruction } from '../../../parse';
import type { RuleCheck, RuleContext } from '../../framework/types';
import {
  apkAdds,
  hasFlag,
  installsPackage,
  mentions,
  shippedStages,
} from '../../vocabulary';
import {
  binaryPolicyCovers,
  pipInstallCommands,
  requirementWords,
} from '../pythonInstalls';
import { C_TOOLCHAIN, missingBuildPackages } from '../toolchain';

const COMPILERS = /^(build-base|gcc|g\+\+|clang)$/;

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    if (!mentions(context.text, run, /pip|\buv\b/)) return;
    const reported = reportKnownGaps(context, run, stage);
    if (!reported) reportSourceBuilds(context, run, stage);
  },
});

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
        message: `\`${word.value}\`: ${describeGap(missing)}; ${
          verdict.outcome
        }`,
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
  const compilerHere = apkAdds(run)
    .flatMap(add => add.packages)
    .find(pkg => COMPILERS.test(pkg.name));
  if (!compilerHere && !installsPackage(stage, name => COMPILERS.test(name)))
    return;
  context.report({
    at: compilerHere?.word ?? installs[0],
    message: `pip installs next to ${
      compilerHere ? `\`${compilerHere.name}\`` : 'a compiler'
    } in the shipped image: every dependency without a musllinux wheel is compiled from source here (slow, and the toolchain invites it); build wheels in a builder stage or use python:*-slim`,
  });
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
