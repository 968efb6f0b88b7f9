import type { CopyEdge, DockerfileModel, Stage } from '../../model';
import { memoizeByNode } from './memo';
import { resolvePath } from './paths';

/** The stage and the stages it builds FROM, nearest first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (
    let current: Stage | undefined = stage;
    current;
    current = current.parent
  ) {
    chain.push(current);
  }
  return chain;
}

/** `COPY --from` and `RUN --mount=from=` transfers into a stage. */
export function copyEdgesInto(stage: Stage): CopyEdge[] {
  return stage.copyEdges;
}

/** Stages that end up in the image: the final stage and those it builds FROM. */
export function shippedStages(model: DockerfileModel): Stage[] {
  return model.finalStage ? stageChain(model.finalStage) : [];
}

/** True when some later stage builds FROM this one or copies from it. */
export function isUsedByLaterStage(
  model: DockerfileModel,
  stage: Stage,
): boolean {
  return model.stages.some(
    other =>
      other.index > stage.index &&
      (other.parent === stage ||
        other.copyEdges.some(edge => edge.source.stage === stage)),
  );
}

/** `COPY --from` and `RUN --mount=from=` transfers out of a stage into later stages. */
export function copyEdgesFrom(
  model: DockerfileModel,
  stage: Stage,
): Array<{ edge: CopyEdge; into: Stage }> {
  return model.stages.flatMap(into =>
    into.copyEdges
      .filter(edge => edge.source.stage === stage)
      .map(edge => ({ edge, into })),
  );
}

/**
 * The WORKDIR in effect at a line of a stage (`/` when none is set),
 * following the stages it builds FROM; relative WORKDIRs resolve against
 * the previous one, as Docker does.
 */
export function workdirAt(stage: Stage, line: number): string {
  let workdir = '/';
  for (const current of stageChain(stage).reverse()) {
    for (const instruction of current.instructions) {
      if (current === stage && instruction.line >= line) break;
      if (
        instruction.keyword !== 'WORKDIR' ||
        instruction.onbuild ||
        !instruction.args[0]
      )
        continue;
      workdir = resolvePath(instruction.args[0].value, workdir);
    }
  }
  return workdir;
}

/** Stages that a later stage builds FROM or copies from. */
const usedStages = memoizeByNode(
  (model: DockerfileModel): ReadonlySet<Stage> => {
    const used = new Set<Stage>();
    for (const stage of model.stages) {
      if (stage.parent) used.add(stage.parent);
      for (const edge of stage.copyEdges)
        if (edge.source.stage) used.add(edge.source.stage);
    }
    return used;
  },
);

/**
 * Stages whose layers are layers of an image: the final stage, any stage no
 * later stage uses (it may be built with `--target`), and the stages they
 * build FROM. A builder stage that later stages only copy from is not one:
 * what its layers hold (an apk index, build packages) never ships.
 */
export const imageStages: (model: DockerfileModel) => ReadonlySet<Stage> =
  memoizeByNode((model: DockerfileModel) => {
    const used = usedStages(model);
    const result = new Set<Stage>();
    for (const stage of model.stages) {
      if (used.has(stage) && stage !== model.finalStage) continue;
      for (const current of stageChain(stage)) result.add(current);
    }
    return result;
  });

/**
 * Stages whose files can end up in a non-glibc image that ships: start from
 * the image stages — the final stage, and any stage no later stage uses (it
 * may be built with `--target`) — whose libc is not glibc, then follow FROM
 * and `COPY --from` back to every stage that feeds them. A stage outside
 * this set only feeds glibc images, or nothing: what it downloads never has
 * to run on musl after the build.
 */
export const stagesFeedingMuslImages: (
  model: DockerfileModel,
) => ReadonlySet<Stage> = memoizeByNode((model: DockerfileModel) => {
  const used = usedStages(model);
  const feeding = new Set<Stage>();
  const pending = model.stages.filter(
    stage => !used.has(stage) && stage.libc !== 'glibc',
  );
  for (let stage = pending.pop(); stage; stage = pending.pop()) {
    if (feeding.has(stage)) continue;
    feeding.add(stage);
    if (stage.parent) pending.push(stage.parent);
    for (const edge of stage.copyEdges)
      if (edge.source.stage) pending.push(edge.source.stage);
  }
  return feeding;
});
