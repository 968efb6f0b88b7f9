import type { RuleCheck } from '../../framework/types';

export const check: RuleCheck = context => ({
  FROM(from, stage) {
    if (from.onbuild || stage.parent || stage.image.digest) return;
    if (stage.image.tag?.toLowerCase() !== 'latest') return;
    const resolved =
      stage.image.text !== from.imageText
        ? ` (${from.imageText} resolves to ${stage.image.text})`
        : '';
    context.report({
      at: from.imageToken ?? from,
      message: `base image ${stage.image.text} uses the moving latest tag${resolved}`,
    });
  },
});
