import { alpineRelease, daysPastEndOfLife } from '../../../model';
import type { RuleCheck } from '../../framework/types';

export const check: RuleCheck = context => ({
  FROM(from, stage) {
    // A stage built FROM another inherits its release: report the FROM that names it.
    if (from.onbuild || stage.parent || !stage.alpineRelease) return;
    const days = daysPastEndOfLife(stage.alpineRelease, context.now);
    if (days === undefined || days <= 0) return;
    const release = alpineRelease(stage.alpineRelease)!;
    const age =
      days >= 365
        ? `${Math.floor(days / 365)} year${days >= 730 ? 's' : ''} ago`
        : `${days} days ago`;
    context.report({
      at: from.imageToken ?? from,
      message: `Alpine ${release.version} (${stage.image.text}) reached end of life on ${release.endOfLife}, ${age}: no more security fixes`,
    });
  },
});
