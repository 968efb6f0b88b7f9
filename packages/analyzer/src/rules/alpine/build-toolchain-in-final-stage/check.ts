import type { RuleCheck } from '../../framework/types';
import { apkAdds, apkDeletedNames, shippedStages } from '../../vocabulary';

const TOOLCHAIN = new Set([
  'build-base', 'gcc', 'g++', 'clang', 'make', 'cmake', 'musl-dev', 'libc-dev', 'autoconf',
  'automake', 'libtool', 'linux-headers', 'binutils', 'pkgconf', 'pkgconfig', 'go', 'rust', 'cargo',
]);

/** Header packages (`openssl-dev`) are build inputs; `-dev` runtime helpers are rare enough to accept. */
function isToolchain(name: string): boolean {
  return TOOLCHAIN.has(name) || /-dev$/.test(name);
}

export const check: RuleCheck = context => ({
  file(model) {
    const shipped = shippedStages(model).filter(stage => stage.isAlpine);
    const runs = shipped.flatMap(stage => stage.runs);
    const deletedAnywhere = new Set(runs.flatMap(run => [...apkDeletedNames(run)]));
    for (const run of runs) {
      const deletedHere = apkDeletedNames(run);
      for (const add of apkAdds(run)) {
        if (add.virtual && (deletedHere.has(add.virtual.value) || deletedAnywhere.has(add.virtual.value))) continue;
        const left = add.packages
          .map(pkg => pkg.name)
          .filter(name => isToolchain(name) && !deletedHere.has(name) && !deletedAnywhere.has(name));
        if (left.length === 0) continue;
        context.report({
          at: add.command,
          message: `build toolchain (${left.join(', ')}) installed in the final image and never removed: build in a builder stage and COPY --from it`,
        });
      }
    }
  },
});
