import type { RuleCheck } from '../../framework/types';
import { followsNewestBranch } from '../releaseTags';

/**
 * Only tags whose resolution is known are reported: the `alpine` image's
 * `latest`/major tags and the bare `-alpine` tags of the official images'
 * maintained lines (officialImages.ts). A line no longer built has its
 * branch from the knowledge (`stage.alpineRelease`) and does not float.
 */
export const check: RuleCheck = context => ({
  FROM(from, stage) {
    if (from.onbuild || stage.parent || stage.alpineRelease) return;
    if (!followsNewestBranch(stage)) return;
    const { knowledge, now } = context;
    const current = knowledge.current(now);
    context.report({
      at: from.imageToken ?? from,
      messageId: 'floating',
      data: {
        image: stage.image.text,
        knowledge: knowledge.stamp.version,
        version: current.version,
      },
    });
  },
});
