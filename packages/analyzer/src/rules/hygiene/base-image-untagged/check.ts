import type { RuleCheck } from '../../framework/types';

export const check: RuleCheck = context => ({
  FROM(from, stage) {
    if (
      from.onbuild ||
      stage.parent ||
      stage.distro === 'scratch' ||
      stage.image.unresolved
    )
      return;
    const { image } = stage;
    if (image.tag || image.digest || !image.repository) return;
    const resolved =
      image.text !== from.imageText
        ? ` (${from.imageText} resolves to ${image.text})`
        : '';
    context.report({
      at: from.imageToken ?? from,
      message: `base image ${image.text} has no tag, so it means :latest${resolved}`,
    });
  },
});
