import type { CopyInstruction, DockerInstruction } from '../../../parse';
import type { RuleCheck } from '../../framework/types';
import {
  dependencyInstalls,
  positionalArgs,
  workdirAt,
} from '../../vocabulary';
import type { DependencyInstall } from '../../vocabulary';
import { remediationFor } from './remediation';

const WHOLE_CONTEXT = /^(\.|\.\/|\.\/\*|\*)$/;

export const check: RuleCheck = context => ({
  stage(stage) {
    // ONBUILD triggers run in order in every child image: a sequence of their own.
    for (const sequence of [
      stage.instructions.filter(i => !i.onbuild),
      stage.instructions.filter(i => i.onbuild),
    ]) {
      const problem = copyAllBeforeInstall(sequence);
      if (problem)
        context.report({
          at: problem.copy,
          messageId: 'copyAllFirst',
          data: dataFor(problem.copy, problem.install),
          remediation: remediationFor(
            problem.install,
            workdirAt(stage, problem.copy.line),
          ),
        });
    }
  },
});

function copyAllBeforeInstall(
  instructions: readonly DockerInstruction[],
): { copy: CopyInstruction; install: DependencyInstall } | undefined {
  // Most stages never copy the whole context: then there is nothing to find,
  // and the RUNs need not be read as dependency installs at all.
  if (!instructions.some(copiesWholeContext)) return undefined;
  let copyAll: CopyInstruction | undefined;
  const installedBefore = new Set<string>();
  for (const instruction of instructions) {
    if (
      (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') &&
      !instruction.from
    ) {
      if (!copyAll && copiesWholeContext(instruction)) copyAll = instruction;
    } else if (instruction.keyword === 'RUN') {
      for (const install of dependencyInstalls(instruction)) {
        if (copyAll && !installedBefore.has(install.tool))
          return { copy: copyAll, install };
        installedBefore.add(install.tool);
      }
    }
  }
  return undefined;
}

function copiesWholeContext(instruction: DockerInstruction): boolean {
  return (
    (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') &&
    !instruction.from &&
    instruction.sources.some(source => WHOLE_CONTEXT.test(source.value))
  );
}

function dataFor(
  copy: CopyInstruction,
  install: DependencyInstall,
): Record<string, string> {
  return {
    keyword: copy.keyword,
    // The subcommand, not a leading option: `composer --no-ansi install`.
    install: [install.command.name, positionalArgs(install.command)[0]?.value]
      .filter(Boolean)
      .join(' '),
    manifests: install.manifests.join(', '),
  };
}
