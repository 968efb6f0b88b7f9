import type { Locatable, RuleCheck } from '../../framework/types';
import { apkAdds, shippedStages } from '../../vocabulary';
import { cargoBuilds, cargoTarget } from '../builders';

const FASTER_ALLOCATOR = /mimalloc|jemalloc|tcmalloc|snmalloc|rpmalloc/i;
const ALLOCATION_HEAVY_PACKAGES =
  /^(gdal|gdal-tools|gdal-driver-[\w-]+|py3-gdal|postgis|qgis)$/;

export const check: RuleCheck = context => ({
  file(model) {
    // cargo or GDAL must appear at all before the stages are worth a look.
    if (!/cargo|gdal|postgis|qgis/.test(context.text)) return;
    const runtime = shippedStages(model).filter(stage => stage.isAlpine);
    if (runtime.length === 0) return;
    let signal: { at: Locatable; what: string } | undefined;
    for (const stage of model.stages) {
      const feedsRuntime =
        runtime.includes(stage) ||
        runtime.some(r =>
          r.copyEdges.some(edge => edge.source.stage === stage),
        );
      if (!feedsRuntime) continue;
      // An explicit target decides (a wasm32 build in an Alpine stage is no musl binary).
      const muslRust = cargoBuilds(stage).find(build => {
        const target = cargoTarget(build);
        return target ? /musl/.test(target) : stage.isAlpine;
      });
      if (muslRust)
        signal ??= {
          at: muslRust.command,
          what: 'a Rust binary built for musl',
        };
    }
    for (const stage of runtime) {
      for (const add of stage.runs.flatMap(apkAdds)) {
        const heavy = add.packages.find(pkg =>
          ALLOCATION_HEAVY_PACKAGES.test(pkg.name),
        );
        if (heavy) signal ??= { at: heavy.word, what: `\`${heavy.name}\`` };
      }
    }
    // Any mention of a faster allocator (crate feature, package, LD_PRELOAD) means it is handled.
    if (!signal || FASTER_ALLOCATOR.test(context.text)) return;
    context.report({
      at: signal.at,
      messageId: 'mallocContention',
      data: { what: signal.what },
    });
  },
});
