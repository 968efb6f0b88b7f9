import type { Stage } from '../../../model';
import { missingMuslWheel, parseRequirement } from '../../../knowledge';
import type { MissingMuslWheel } from '../../../knowledge';
import type { RuleCheck } from '../../framework/types';
import {
  binaryPolicyCovers,
  pipInstallCommands,
  requirementWords,
} from '../pythonInstalls';
import { C_TOOLCHAIN, missingBuildPackages } from '../toolchain';

export const check: RuleCheck = context => ({
  RUN(run, stage) {
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
        context.report({
          at: word,
          severity: verdict.severity,
          message: `\`${word.value}\`: ${describeGap(missing)}; ${
            verdict.outcome
          }`,
        });
      }
    }
  },
});

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
