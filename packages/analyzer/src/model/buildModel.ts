import type { DockerfileSyntax, EnvInstruction } from '../parse';
import { StageBuilder } from './StageBuilder';
import type { DockerfileModel, Stage } from './types';

/** Builds stages, their images, libc, variables and copy edges from the syntax. */
export function buildModel(syntax: DockerfileSyntax): DockerfileModel {
  const globalArgs = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  let current: StageBuilder | undefined;
  for (const instruction of syntax.instructions) {
    if (instruction.keyword === 'FROM' && !instruction.onbuild) {
      current = new StageBuilder(instruction, stages, globalArgs);
      stages.push(current.stage);
    } else if (current) {
      current.add(instruction);
    } else if (instruction.keyword === 'ARG') {
      for (const pair of (instruction as EnvInstruction).pairs)
        globalArgs.set(pair.name, pair.value);
    }
  }
  const finalStage = stages[stages.length - 1];
  if (finalStage) finalStage.isFinal = true;
  return {
    syntax,
    stages,
    globalArgs,
    finalStage,
    usesAlpine: stages.some(stage => stage.isAlpine),
  };
}

export { crossesLibc, stageLabel } from './stageLinks';
