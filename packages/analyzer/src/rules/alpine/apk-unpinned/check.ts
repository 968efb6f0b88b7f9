import type { RuleCheck } from '../../framework/types';
import { apkAdds, stageChain } from '../../vocabulary';

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    // A release named in the tag already pins what `apk add` can install.
    if (stage.alpineRelease) return;
    // The image the stage is built on, through `FROM <stage>`: a stage name says nothing about Alpine.
    const image = stageChain(stage).pop()!.image;
    // A digest fixes the image, and with it the Alpine release: nothing floats.
    if (image.digest) return;
    for (const add of apkAdds(run)) {
      const unpinned = add.packages.filter(
        pkg =>
          !pkg.constraint &&
          pkg.word.literal &&
          !pkg.name.endsWith('.apk') &&
          pkg.name !== add.virtual?.value,
      );
      if (unpinned.length === 0) continue;
      const names = unpinned.map(pkg => pkg.name);
      context.report({
        at: add.command,
        messageId: names.length === 1 ? 'unpinnedOne' : 'unpinnedMany',
        data: { packages: names.join(', '), image: image.text },
      });
    }
  },
});
