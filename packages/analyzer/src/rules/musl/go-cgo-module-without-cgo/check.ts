import type { RuleCheck } from '../../framework/types';
import {
  commandsNamed,
  mentions,
  positionalArgs,
  variableForCommand,
} from '../../vocabulary';
import { C_TOOLCHAIN, missingBuildPackages } from '../toolchain';

/**
 * A module of go.mod that needs cgo, built with cgo off: explicitly
 * (`CGO_ENABLED=0`, the usual line for static Alpine or scratch images), or
 * by default on an Alpine builder without a C compiler (since Go 1.20 cgo
 * is off when no `gcc` is found).
 */
export const check: RuleCheck = context => {
  const modules = context.facts.available ? context.facts.cgoModules() : [];
  if (modules.length === 0) return {};
  const file = context.facts.goMod()?.file ?? 'go.mod';
  return {
    RUN(run, stage) {
      if (!mentions(context.text, run, /\bgo\b/)) return;
      for (const go of commandsNamed(run, 'go')) {
        const sub = positionalArgs(go, [
          '-o',
          '-ldflags',
          '-tags',
          '-gcflags',
        ])[0]?.value;
        if (sub !== 'build' && sub !== 'install') continue;
        const cgo = variableForCommand(stage, run, go, 'CGO_ENABLED');
        let reason: string | undefined;
        if (cgo === '0') reason = '`CGO_ENABLED=0`';
        else if (
          cgo === undefined &&
          stage.libc === 'musl' &&
          missingBuildPackages(stage, C_TOOLCHAIN).length > 0
        )
          reason = 'no C compiler in this Alpine stage, so Go turns cgo off';
        if (!reason) continue;
        for (const { module, why } of modules) {
          context.report({
            at: go,
            messageId: 'cgoDisabled',
            evidence: {
              source: file,
              verdict: 'confirmed',
              detail: `requires ${module}, which ${why}`,
            },
            data: { file, module, why, reason },
          });
        }
      }
    },
  };
};
