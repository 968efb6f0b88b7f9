import type { Stage } from '../../../model';
import {
  parseRequirement,
  PYTHON_PACKAGES_WITH_NATIVE_CODE,
} from '../../../knowledge';
import type { RuleCheck } from '../../framework/types';
import { pathsOverlap } from '../../vocabulary';
import {
  commandsInChain,
  crossingDirection,
  describeSource,
  isPythonPackagesPath,
  libcCrossingCopies,
  sourceChain,
  sourcePaths,
} from '../crossLibc';
import {
  pipInstallCommands,
  pythonPackageLocations,
  requirementWords,
} from '../pythonInstalls';

export const check: RuleCheck = context => ({
  stage(stage) {
    for (const edge of libcCrossingCopies(stage)) {
      const chain = sourceChain(edge);
      const locations =
        chain.length > 0 ? pythonPackageLocations(chain[0]) : [];
      const carried = sourcePaths(edge).filter(
        path =>
          isPythonPackagesPath(path) ||
          locations.some(location => pathsOverlap(location, path)),
      );
      if (carried.length === 0) continue;
      const compiled =
        chain.length > 0 ? compiledPackagesInstalled(chain[0]) : [];
      context.report({
        at: edge.instruction,
        severity: compiled.length > 0 ? 'error' : undefined,
        messageId:
          compiled.length > 0 ? 'compiledPackages' : 'mayHaveExtensions',
        data: {
          path: carried[0],
          direction: crossingDirection(edge),
          source: describeSource(edge),
          compiled: compiled.join(', '),
        },
      });
    }
  },
});

/** Packages with native code that the source stage installs by name. */
function compiledPackagesInstalled(stage: Stage): string[] {
  const names = commandsInChain(stage, () => true)
    .filter(({ run, command }) => pipInstallCommands(run).includes(command))
    .flatMap(({ command }) => requirementWords(command))
    .map(word => parseRequirement(word.value)?.name)
    .filter(
      (name): name is string =>
        name !== undefined && PYTHON_PACKAGES_WITH_NATIVE_CODE.has(name),
    );
  return [...new Set(names)];
}
