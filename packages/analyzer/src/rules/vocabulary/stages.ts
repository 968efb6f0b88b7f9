import type { CopyEdge, DockerfileModel, Stage } from '../../model';
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
