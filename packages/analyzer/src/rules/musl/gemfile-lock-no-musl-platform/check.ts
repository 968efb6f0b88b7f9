import { NATIVE_GEMS, supportsMusl } from '../../../facts';
import type { RuleCheck } from '../../framework/types';
import {
  commandsNamed,
  hasFlag,
  mentions,
  positionalArgs,
  variableForCommand,
} from '../../vocabulary';

export const check: RuleCheck = context => {
  const lock = context.facts.available
    ? context.facts.gemfileLock()
    : undefined;
  if (!lock || supportsMusl(lock) || lock.platforms.length === 0) return {};
  const natives = [
    ...new Set(
      lock.gems
        .filter(gem => gem.platform || NATIVE_GEMS.has(gem.name))
        .map(gem => gem.name),
    ),
  ];
  return {
    RUN(run, stage) {
      if (!mentions(context.text, run, /bundle/)) return;
      for (const bundle of commandsNamed(run, 'bundle')) {
        const sub = positionalArgs(bundle)[0]?.value;
        if (sub !== undefined && sub !== 'install') continue;
        const frozen =
          hasFlag(bundle, '--frozen', '--deployment') ||
          ['1', 'true'].includes(
            variableForCommand(stage, run, bundle, 'BUNDLE_FROZEN') ?? '',
          ) ||
          ['1', 'true'].includes(
            variableForCommand(stage, run, bundle, 'BUNDLE_DEPLOYMENT') ?? '',
          );
        context.report({
          at: bundle,
          messageId: frozen ? 'frozen' : 'resolves',
          severity: frozen ? undefined : 'warning',
          evidence: {
            source: lock.file,
            verdict: 'confirmed',
            detail: `PLATFORMS lists ${lock.platforms.join(
              ', ',
            )}, no musl platform`,
          },
          data: {
            file: lock.file,
            platforms: lock.platforms.join(', '),
            natives:
              natives.length > 0
                ? `; native gems: ${natives.slice(0, 5).join(', ')}`
                : '',
          },
        });
      }
    },
  };
};
