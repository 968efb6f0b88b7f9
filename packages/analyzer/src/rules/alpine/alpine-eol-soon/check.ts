import type { RuleCheck } from '../../framework/types';
import {
  imageWithBranchSource,
  lineRemediation,
  daysBetween,
  releaseBumpFix,
  upgradeRemediation,
  upgradeTarget,
} from '../releaseTags';

/** How far ahead the rule looks. */
export const EOL_WARNING_DAYS = 90;

export const check: RuleCheck = context => ({
  FROM(from, stage) {
    if (from.onbuild || stage.parent || !stage.alpineRelease) return;
    const { knowledge, now } = context;
    const release = knowledge.release(stage.alpineRelease);
    if (!release) return;
    const days = daysBetween(now, release.endOfLife);
    if (days < 0 || days > EOL_WARNING_DAYS) return;
    const target = upgradeTarget(knowledge, now);
    const when =
      days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`;
    const moveTo =
      target && target.version !== release.version ? target : undefined;
    context.report({
      at: from.imageToken ?? from,
      messageId: moveTo ? 'endOfLifeSoon' : 'endOfLifeSoonNewest',
      data: {
        version: release.version,
        image: imageWithBranchSource(stage),
        endOfLife: release.endOfLife,
        when,
        target: moveTo?.version ?? '',
      },
      remediation:
        lineRemediation(stage, knowledge, now) ??
        upgradeRemediation(knowledge, now),
      fix: moveTo ? releaseBumpFix(context, from, stage, moveTo) : undefined,
    });
  },
});
