import { muslSibling } from '../../../facts';
import type { RuleCheck } from '../../framework/types';
import { mentions } from '../../vocabulary';
import { isNodeInstall, toNodeInstall } from '../nodeInstalls';

/**
 * A lockfile install (`npm ci`, `yarn install --frozen-lockfile`, `pnpm
 * install`) in an Alpine stage installs exactly the platform packages the
 * lockfile lists: one made where the musl builds were left out (npm/cli
 * #4828, a pnpm or yarn lockfile restricted to the developer's platform)
 * gives Alpine no binary at all.
 */
export const check: RuleCheck = context => {
  const lock = context.facts.available ? context.facts.nodeLock() : undefined;
  if (!lock) return {};
  const missing: Array<{ glibc: string; musl: string }> = [];
  for (const name of lock.packages.keys()) {
    const musl = muslSibling(name);
    if (musl && !lock.packages.has(musl)) missing.push({ glibc: name, musl });
  }
  if (missing.length === 0) return {};
  return {
    RUN(run, stage) {
      if (!mentions(context.text, run, /npm|yarn|pnpm/)) return;
      for (const command of run.script.commands) {
        if (!isNodeInstall(command)) continue;
        // `npm install sharp` resolves anew: the lockfile does not bind it.
        if (toNodeInstall({ stage, run, command }).packages.length > 0)
          continue;
        for (const pair of missing) {
          context.report({
            at: command,
            messageId: 'missingMusl',
            evidence: {
              source: lock.file,
              verdict: 'confirmed',
              detail: `locks ${pair.glibc} but not ${pair.musl}`,
            },
            data: {
              lockfile: lock.file,
              glibc: pair.glibc,
              musl: pair.musl,
              install: context.text.slice(command.start, command.end),
            },
          });
        }
      }
    },
  };
};
