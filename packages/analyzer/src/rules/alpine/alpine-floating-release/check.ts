import { officialAlpineVariants } from '../../../knowledge/officialImages';
import { imagePath } from '../../../model';
import type { RuleCheck } from '../../framework/types';
import { isOfficialAlpine } from '../releaseTags';

/**
 * Only tags whose resolution is known are reported: the `alpine` image's
 * `latest`/major tags and the bare `-alpine` tags of the official images
 * whose maintainers build it on the newest branch (officialImages.ts).
 */
export const check: RuleCheck = context => ({
  FROM(from, stage) {
    if (from.onbuild || stage.parent || stage.alpineRelease) return;
    if (stage.image.digest || stage.image.unresolved) return;
    const tag = (stage.image.tag ?? 'latest').toLowerCase();
    let floats = false;
    if (isOfficialAlpine(stage)) {
      floats = tag === 'latest' || /^\d+$/.test(tag);
    } else if (!stage.image.registry) {
      const policy = officialAlpineVariants(imagePath(stage.image));
      floats = !!policy?.bareTagIsNewest && /(^|-)alpine$/.test(tag);
    }
    if (!floats) return;
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
