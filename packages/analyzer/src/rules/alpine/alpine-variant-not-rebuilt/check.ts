import { officialAlpineVariants } from '../../../knowledge/officialImages';
import { compareVersions, imagePath } from '../../../model';
import type { RuleCheck } from '../../framework/types';
import { releaseBumpFix, releasedBy, upgradeTarget } from '../releaseTags';

export const check: RuleCheck = context => ({
  FROM(from, stage) {
    if (from.onbuild || stage.parent || !stage.alpineRelease) return;
    if (stage.image.registry) return;
    const policy = officialAlpineVariants(imagePath(stage.image));
    if (!policy || !/-alpine\d+\.\d+$/i.test(stage.image.tag ?? '')) return;
    const { knowledge, now } = context;
    // An end-of-life branch is alpine-eol's finding.
    const pastEndOfLife = knowledge.daysPastEndOfLife(stage.alpineRelease, now);
    if (pastEndOfLife === undefined || pastEndOfLife > 0) return;
    const time = now.getTime();
    const built = knowledge.releases
      .filter(row => releasedBy(row, time))
      .slice(-policy.keepsNewest);
    if (built.length < policy.keepsNewest) return;
    if (compareVersions(stage.alpineRelease, built[0].version) >= 0) return;
    const target = upgradeTarget(knowledge, now);
    const names = built.map(row => row.version).join(' and ');
    context.report({
      at: from.imageToken ?? from,
      messageId: 'notRebuilt',
      data: {
        image: stage.image.text,
        officialImage: policy.image,
        keeps: policy.keepsNewest,
        branches: names,
        knowledge: knowledge.stamp.version,
        version: stage.alpineRelease,
      },

      fix: target && releaseBumpFix(context, from, stage, target),
    });
  },
});
