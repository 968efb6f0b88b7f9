import type { RuleCheck } from '../../framework/types';

export const check: RuleCheck = context => ({
  FROM(from, stage) {
    if (from.onbuild || stage.parent || stage.image.digest) return;
    if (stage.image.tag?.toLowerCase() !== 'latest') return;
    context.report({
      at: from.imageToken ?? from,
      messageId:
        stage.image.text !== from.imageText ? 'latestResolved' : 'latest',
      data: { image: stage.image.text, written: from.imageText },
    });
  },
});
