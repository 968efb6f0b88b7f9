import type { RuleCheck } from '../../framework/types';
import { apkAdds } from '../../vocabulary';

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    // A release named in the tag already pins what `apk add` can install.
    if (stage.alpineRelease) return;
    for (const add of apkAdds(run)) {
      const unpinned = add.packages.filter(
        pkg =>
          !pkg.constraint &&
          pkg.word.literal &&
          !pkg.name.endsWith('.apk') &&
          pkg.name !== add.virtual?.value,
      );
      if (unpinned.length === 0) continue;
      context.report({
        at: add.command,
        message: `${unpinned
          .map(pkg => pkg.name)
          .join(', ')} follow whatever Alpine release ${
          stage.image.text
        } resolves to: pin the Alpine release in the tag instead (not exact package versions, which Alpine removes)`,
      });
    }
  },
});
