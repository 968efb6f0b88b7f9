import { lockedAllocator } from '../../../facts';
import type { Locatable, RuleCheck, RuleContext } from '../../framework/types';
import type { DockerfileModel, Stage } from '../../../model';
import { apkAdds, shippedStages } from '../../vocabulary';
import { cargoBuilds, cargoTarget } from '../builders';

const FASTER_ALLOCATOR = /mimalloc|jemalloc|tcmalloc|snmalloc|rpmalloc/i;
const ALLOCATION_HEAVY_PACKAGES =
  /^(gdal|gdal-tools|gdal-driver-[\w-]+|py3-gdal|postgis|qgis)$/;

interface Signal {
  at: Locatable;
  what: string;
}

export const check: RuleCheck = context => ({
  file(model) {
    // cargo or GDAL must appear at all before the stages are worth a look.
    if (!/cargo|gdal|postgis|qgis/.test(context.text)) return;
    const runtime = shippedStages(model).filter(stage => stage.isAlpine);
    if (runtime.length === 0) return;
    // Any mention of a faster allocator (crate feature, package, LD_PRELOAD) means it is handled.
    if (FASTER_ALLOCATOR.test(context.text)) return;
    const signal =
      muslRustBinary(model, runtime, context) ??
      allocationHeavyPackage(runtime);
    if (!signal) return;
    context.report({
      at: signal.at,
      messageId: 'mallocContention',
      data: { what: signal.what },
    });
  },
});

/**
 * A Rust build for musl that feeds the runtime, unless Cargo.lock locks an
 * allocator crate: that is linked in to replace malloc (meilisearch's
 * `#[global_allocator]` is mimalloc).
 */
function muslRustBinary(
  model: DockerfileModel,
  runtime: Stage[],
  context: RuleContext,
): Signal | undefined {
  for (const stage of model.stages) {
    const feedsRuntime =
      runtime.includes(stage) ||
      runtime.some(r => r.copyEdges.some(edge => edge.source.stage === stage));
    if (!feedsRuntime) continue;
    // An explicit target decides (a wasm32 build in an Alpine stage is no musl binary).
    const build = cargoBuilds(stage).find(candidate => {
      const target = cargoTarget(candidate);
      return target ? /musl/.test(target) : stage.isAlpine;
    });
    if (!build) continue;
    const lock = context.facts.available
      ? context.facts.cargoLock()
      : undefined;
    if (lock && lockedAllocator(lock)) return undefined;
    return { at: build.command, what: 'a Rust binary built for musl' };
  }
  return undefined;
}

function allocationHeavyPackage(runtime: Stage[]): Signal | undefined {
  for (const stage of runtime) {
    for (const add of stage.runs.flatMap(apkAdds)) {
      const heavy = add.packages.find(pkg =>
        ALLOCATION_HEAVY_PACKAGES.test(pkg.name),
      );
      if (heavy) return { at: heavy.word, what: `\`${heavy.name}\`` };
    }
  }
  return undefined;
}
