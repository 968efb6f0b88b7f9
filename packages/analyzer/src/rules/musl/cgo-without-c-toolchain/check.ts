import type { Stage } from '../../../model';
import type { RunInstruction } from '../../../parse';
import type { ShellCommand } from '../../../shell';
import type { RuleCheck, RuleFix } from '../../framework/types';
import { goFlagValue } from '../builders';
import {
  commandsNamed,
  hasFlag,
  insertBefore,
  mentions,
  positionalArgs,
  variableForCommand,
} from '../../vocabulary';
import { C_TOOLCHAIN, missingBuildPackages } from '../toolchain';

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    if (!mentions(context.text, run, /\bgo\b/)) return;
    for (const go of commandsNamed(run, 'go')) {
      const reason = cgoReason(stage, run, go);
      if (!reason) continue;
      const missing = missingBuildPackages(stage, C_TOOLCHAIN);
      if (missing.length === 0) continue;
      context.report({
        at: go,
        messageId: 'noToolchain',
        data: {
          subcommand: String(positionalArgs(go)[0]?.value),
          reason,
          missing: missing.join(' or '),
        },

        fix: installToolchain(run, missing),
      });
    }
  },
});

/** Why the Go command needs a C compiler, if it does. */
function cgoReason(
  stage: Stage,
  run: RunInstruction,
  go: ShellCommand,
): string | undefined {
  const sub = positionalArgs(go, [
    '-o',
    '-ldflags',
    '-tags',
    '-buildmode',
    '-gcflags',
  ])[0]?.value;
  if (sub !== 'build' && sub !== 'install' && sub !== 'test' && sub !== 'run')
    return undefined;
  if (hasFlag(go, '-race')) return '`-race`';
  const buildMode = goFlagValue(go, 'buildmode');
  if (buildMode && /^(c-shared|c-archive|plugin)$/.test(buildMode))
    return `\`-buildmode=${buildMode}\``;
  return variableForCommand(stage, run, go, 'CGO_ENABLED') === '1'
    ? '`CGO_ENABLED=1`'
    : undefined;
}

/** A RUN installing the missing packages, just before the build. */
function installToolchain(
  run: RunInstruction,
  missing: string[],
): RuleFix | undefined {
  if (run.onbuild) return undefined;
  return {
    description: `Install ${missing.join(' ')} before the cgo build`,
    edits: [insertBefore(run, `RUN apk add --no-cache ${missing.join(' ')}\n`)],
  };
}
