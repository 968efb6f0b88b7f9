import type { RuleCheck } from '../../framework/types';
import {
  imageWithBranchSource,
  lineRemediation,
  releaseBumpFix,
  upgradeRemediation,
  upgradeTarget,
} from '../releaseTags';

export const check: RuleCheck = context => ({
  FROM(from, stage) {
    // A stage built FROM another inherits its release: report the FROM that names it.
    if (from.onbuild || stage.parent || !stage.alpineRelease) return;
    const { knowledge, now } = context;
    const days = knowledge.daysPastEndOfLife(stage.alpineRelease, now);
    if (days === undefined || days <= 0) return;
    const release = knowledge.release(stage.alpineRelease)!;
    const age =
      days >= 365
        ? `${Math.floor(days / 365)} year${days >= 730 ? 's' : ''} ago`
        : `${days} days ago`;
    const target = upgradeTarget(knowledge, now);
    context.report({
      at: from.imageToken ?? from,
      messageId: 'endOfLife',
      data: {
        version: release.version,
        image: imageWithBranchSource(stage),
        endOfLife: release.endOfLife,
        age,
      },

      remediation:
        lineRemediation(stage, knowledge, now) ??
        upgradeRemediation(knowledge, now),
      fix: target && releaseBumpFix(context, from, stage, target),
    });
  },
});
