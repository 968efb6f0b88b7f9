import type { Stage } from '../../../model';
import { compareVersions } from '../../../model';
import type { EnvInstruction } from '../../../parse';
import type { RuleCheck, RuleFix } from '../../framework/types';
import { insertAfter, installsPackage, stageChain } from '../../vocabulary';

const INVARIANT = 'DOTNET_SYSTEM_GLOBALIZATION_INVARIANT';

/**
 * Microsoft's images that ship ICU: the `-extra` variants of runtime-deps,
 * runtime and aspnet (`10.0-alpine-extra`), and the SDK, which turns
 * invariant mode off itself (dotnet/dotnet-docker, src/*\/alpine*-extra and
 * src/sdk: `apk add … icu-data-full icu-libs`).
 */
function baseShipsIcu(stage: Stage): boolean {
  const root = stageChain(stage).pop()!.image;
  if (root.registry !== 'mcr.microsoft.com') return false;
  return (
    root.repository === 'dotnet/sdk' ||
    (/^dotnet\/(runtime-deps|runtime|aspnet)$/.test(root.repository) &&
      /(^|-)extra$/.test(root.tag ?? ''))
  );
}

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
      baseShipsIcu(stage) ||
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
