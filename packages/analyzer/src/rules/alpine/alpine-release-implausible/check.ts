import type { RuleCheck } from '../../framework/types';

export const check: RuleCheck = context => ({
  FROM(from, stage) {
    if (from.onbuild || stage.parent || !stage.alpineRelease) return;
    const { knowledge, now } = context;
    const standing = knowledge.standing(stage.alpineRelease, now);
    if (standing.kind !== 'implausible') return;
    const newest = standing.newest;
    context.report({
      at: from.imageToken ?? from,
      messageId: newest.released ? 'implausible' : 'implausibleNoDate',
      data: {
        version: stage.alpineRelease,
        image: stage.image.text,
        newest: newest.version,
        released: newest.released ?? '',
        latestPlausible: standing.latestPlausible,
      },
    });
  },
});
