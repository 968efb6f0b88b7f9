import type { Stage } from '../../../model';
import { compareVersions } from '../../../model';
import type { EnvInstruction } from '../../../parse';
import type { RuleCheck, RuleFix } from '../../framework/types';
import { insertAfter, installsPackage, stageChain } from '../../vocabulary';

const INVARIANT = 'DOTNET_SYSTEM_GLOBALIZATION_INVARIANT';

export const check: RuleCheck = context => ({
  ENV(env, stage) {
    if (env.keyword !== 'ENV') return;
    const pair = env.pairs.find(
      candidate =>
        candidate.name === INVARIANT &&
        /^(false|0)$/i.test(candidate.value ?? ''),
    );
    if (!pair) return;
    // A stage built FROM this one may install ICU before the app runs.
    const stagesRunningIt = context.model.stages.filter(candidate =>
      stageChain(candidate).includes(stage),
    );
    if (
      stagesRunningIt.some(candidate =>
        installsPackage(candidate, name => name === 'icu-libs'),
      )
    )
      return;
    context.report({
      at: pair,
      messageId: 'icuMissing',
      data: { variable: INVARIANT, value: pair.value ?? '' },
      fix: installIcu(env, stage),
    });
  },
});

/** Full ICU data is a separate package since Alpine 3.16; a bare `-alpine` tag is a current release. */
function installIcu(env: EnvInstruction, stage: Stage): RuleFix | undefined {
  if (env.onbuild) return undefined;
  const splitData =
    !stage.alpineRelease || compareVersions(stage.alpineRelease, '3.16') >= 0;
  const packages = splitData ? 'icu-libs icu-data-full' : 'icu-libs';
  return {
    description: `Install ${packages}`,
    edits: [insertAfter(env, `\nRUN apk add --no-cache ${packages}`)],
  };
}
