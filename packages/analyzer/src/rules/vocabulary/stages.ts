import type { CopyEdge, DockerfileModel, Stage } from '../../model';

/** The stage and the stages it builds FROM, nearest first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let current: Stage | undefined = stage; current; current = current.parent) {
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
export function isUsedByLaterStage(model: DockerfileModel, stage: Stage): boolean {
  return model.stages.some(
    other =>
      other.index > stage.index &&
      (other.parent === stage || other.copyEdges.some(edge => edge.source.stage === stage)),
  );
}
