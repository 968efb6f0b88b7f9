import { GLIBC_COMPAT_PREFIX, isGlibcShimPackage } from '../../../knowledge';
import type { RuleCheck } from '../../framework/types';
import { apkAdds, mentions, wordsOf } from '../../vocabulary';

const SHIMS = new Set(['gcompat', 'libc6-compat']);

export const check: RuleCheck = context => ({
  RUN(run) {
    if (!mentions(context.text, run, /gcompat|libc6-compat|glibc|sgerrand/))
      return;
    for (const add of apkAdds(run)) {
      for (const pkg of add.packages) {
        if (SHIMS.has(pkg.name)) {
          context.report({
            at: pkg.word,
            messageId: 'shim',
            data: { package: pkg.name },
          });
        }
      }
    }
    const sideLoaded = wordsOf(run).find(
      word =>
        isGlibcShimPackage(word.value) ||
        word.value.startsWith(GLIBC_COMPAT_PREFIX),
    );
    if (sideLoaded) {
      context.report({
        at: sideLoaded,
        messageId: 'sideLoaded',
      });
    }
  },
});
