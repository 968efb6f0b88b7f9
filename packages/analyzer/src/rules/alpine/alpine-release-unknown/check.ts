import type { RuleCheck } from '../../framework/types';

export const check: RuleCheck = context => ({
  FROM(from, stage) {
    if (from.onbuild || stage.parent || !stage.alpineRelease) return;
    const { knowledge, now } = context;
    const standing = knowledge.standing(stage.alpineRelease, now);
    if (standing.kind !== 'newer') return;
    context.report({
      at: from.imageToken ?? from,
      messageId: 'unknown',
      data: {
        version: stage.alpineRelease,
        image: stage.image.text,
        knowledge: knowledge.stamp.version,
        newest: standing.newest.version,
      },
    });
  },
});
