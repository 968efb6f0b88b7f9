import {
  busyboxMissingTool,
  isDockerHubLibraryImage,
} from '../../../knowledge';
import type { Stage } from '../../../model';
import { imagePath } from '../../../model';
import type { Locatable, RuleCheck } from '../../framework/types';
import {
  installsPackage,
  installsPackageBefore,
  stageChain,
} from '../../vocabulary';

/**
 * Only stages rooted in an official image the catalog knows are checked: a
 * custom `*-alpine` image, or an image known to be Alpine only from its
 * `apk` commands, may well ship these tools, and we would not know.
 */
function hasKnownContents(stage: Stage): string | undefined {
  const root = stageChain(stage).pop()!;
  // Alpine told by `apk` (FROM base, FROM ${BASE_IMAGE}) is not a bare Alpine:
  // the tool may come with the image we cannot see.
  if (
    root.distroDecision.decidedBy !== 'image-catalog' ||
    root.image.repository.includes('$')
  )
    return undefined;
  const path = imagePath(root.image);
  // A one-word name is official only when Docker Hub's library has it:
  // `zabbix-build-base:alpine-7.0` is a locally built image whose `-alpine`
  // tag says Alpine but not what else it ships.
  const official = !root.image.registry
    ? isDockerHubLibraryImage(root.image.repository)
    : path.startsWith('mcr.microsoft.com/dotnet/');
  return official ? root.image.name : undefined;
}

export const check: RuleCheck = context => {
  /** `installedBy`: the offset the tool must be installed before; undefined for run time (anywhere counts). */
  const reportIfMissing = (
    tool: string,
    at: Locatable,
    stage: Stage,
    installedBy?: number,
  ) => {
    const missing = busyboxMissingTool(tool);
    const imageName = missing && hasKnownContents(stage);
    if (!missing || !imageName || missing.shippedBy?.test(imageName)) return;
    const provides = (name: string) => missing.packages.includes(name);
    const installed =
      installedBy === undefined
        ? installsPackage(stage, provides)
        : installsPackageBefore(stage, installedBy, provides);
    if (missing.packages.length > 0 && installed) return;
    const install = missing.packages.length > 0 ? 'installIt' : 'noPackage';
    context.report({
      at,
      messageId: missing.advice ? `${install}Advice` : install,
      data: {
        tool,
        package: missing.packages[0] ?? '',
        advice: missing.advice ?? '',
      },
    });
  };
  return {
    RUN(run, stage) {
      for (const command of run.script.commands)
        reportIfMissing(command.name, command, stage, command.start);
    },
    SHELL(shell, stage) {
      const program = shell.argv[0]?.value.split('/').pop();
      if (program) reportIfMissing(program, shell, stage, shell.start);
    },
    ENTRYPOINT(entrypoint, stage) {
      const program =
        entrypoint.form === 'exec'
          ? entrypoint.argv[0]?.value.split('/').pop()
          : undefined;
      if (program && stage.isFinal) reportIfMissing(program, entrypoint, stage);
    },
  };
};
