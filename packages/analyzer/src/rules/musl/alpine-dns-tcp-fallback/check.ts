import { compareVersions } from '../../../model';
import type { RuleCheck } from '../../framework/types';
import { shippedStages } from '../../vocabulary';

/** The musl release whose resolver retries truncated answers over TCP. */
const MUSL_WITH_TCP_FALLBACK = '1.2.4';

export const check: RuleCheck = context => ({
  FROM(from, stage) {
    // The release is named by the stage at the root of the chain; builders do not serve traffic.
    if (from.onbuild || stage.parent || !stage.alpineRelease) return;
    if (!shippedStages(context.model).includes(stage)) return;
    const release = context.knowledge.release(stage.alpineRelease);
    if (
      !release ||
      !release.musl ||
      compareVersions(release.musl, MUSL_WITH_TCP_FALLBACK) >= 0
    )
      return;
    context.report({
      at: from.imageToken ?? from,
      messageId: 'noTcpFallback',
      data: { version: release.version, musl: release.musl },
    });
  },
});
