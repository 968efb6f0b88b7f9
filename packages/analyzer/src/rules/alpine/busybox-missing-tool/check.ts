import {
  busyboxMissingTool,
  isDockerHubLibraryImage,
} from '../../../knowledge';
import type { Stage } from '../../../model';
import { imagePath } from '../../../model';
import type { CommandInstruction } from '../../../parse';
import type { ShellWord } from '../../../shell';
import type { Locatable, RuleCheck } from '../../framework/types';
import {
  installsPackage,
  installsPackageBefore,
  stageChain,
} from '../../vocabulary';

/**
 * Only stages rooted in an official image the catalog knows are checked: a
 * custom `*-alpine` image, or an image known to be Alpine only from its
 * `apk` commands, may well ship these tools, and we would not know. The
 * image as `name:tag`, for the table's `shippedBy`.
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
  return official
    ? `${root.image.name}:${root.image.tag ?? 'latest'}`
    : undefined;
}

/**
 * Where apk puts programs and BusyBox its applets. A program named by another
 * absolute path (`/usr/local/bin/curl`, `/opt/app/bin/git`) is one the image
 * built or copied there itself, not the missing tool.
 */
const SYSTEM_PROGRAM = /^\/(usr\/)?s?bin\/[^/]+$/;

/** The program a command word names, unless an absolute path outside the system's folders names it. */
function programOf(word: ShellWord | undefined): string | undefined {
  const path = word?.value;
  if (!path || (path.startsWith('/') && !SYSTEM_PROGRAM.test(path)))
    return undefined;
  return path.split('/').pop();
}

/**
 * Whether a SHELL is ever run: by a later shell-form RUN, CMD, ENTRYPOINT or
 * HEALTHCHECK of its stage or of a stage built FROM it. A SHELL nothing uses
 * breaks no build.
 */
function shellIsUsed(shell: CommandInstruction, stages: Stage[]): boolean {
  return stages.some(stage =>
    stage.instructions.some(
      instruction =>
        instruction.start > shell.start &&
        ['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(
          instruction.keyword,
        ) &&
        'form' in instruction &&
        instruction.form !== 'exec',
    ),
  );
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
        if (programOf(command.argv[0]) !== undefined)
          reportIfMissing(command.name, command, stage, command.start);
    },
    SHELL(shell, stage) {
      const program = programOf(shell.argv[0]);
      const builtOnIt = context.model.stages.filter(other =>
        stageChain(other).includes(stage),
      );
      if (program && shellIsUsed(shell, builtOnIt))
        reportIfMissing(program, shell, stage, shell.start);
    },
    ENTRYPOINT(entrypoint, stage) {
      const program =
        entrypoint.form === 'exec' ? programOf(entrypoint.argv[0]) : undefined;
      if (program && stage.isFinal) reportIfMissing(program, entrypoint, stage);
    },
  };
};
