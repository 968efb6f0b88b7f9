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
            message: `\`${pkg.name}\` emulates only part of glibc: it hides a glibc binary that can still fail at load or run time; rebuild it for musl or use a glibc base`,
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
        message:
          "side-loaded glibc (sgerrand alpine-pkg-glibc): a second C library from outside Alpine's repositories; use a glibc base image instead",
      });
    }
  },
});
