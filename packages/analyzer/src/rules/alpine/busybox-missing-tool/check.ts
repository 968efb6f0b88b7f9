import type { Stage } from '../../../model';
import { imagePath } from '../../../model';
import type { Locatable, RuleCheck } from '../../framework/types';
import {
  installsPackage,
  installsPackageBefore,
  stageChain,
} from '../../vocabulary';

interface MissingTool {
  /** Alpine packages providing the tool; empty when none exists. */
  packages: string[];
  /** Official images that already ship the tool. */
  shippedBy?: RegExp;
  advice: string;
}

const SHADOW: MissingTool = {
  packages: ['shadow'],
  advice: 'or use BusyBox `addgroup -S`/`adduser -S`',
};

/** Tools scripts take for granted that BusyBox-based Alpine does not have. */
const TOOLS: Record<string, MissingTool> = {
  bash: {
    packages: ['bash'],
    shippedBy: /^(bash|docker)$/,
    advice: 'or write POSIX sh',
  },
  useradd: SHADOW,
  groupadd: SHADOW,
  usermod: SHADOW,
  userdel: SHADOW,
  groupdel: SHADOW,
  groupmod: SHADOW,
  sudo: {
    packages: ['sudo', 'doas-sudo-shim'],
    advice: 'or drop sudo: RUN already runs as root unless USER says otherwise',
  },
  curl: {
    packages: ['curl'],
    shippedBy: /^(php|docker|composer|wordpress|nextcloud|caddy|traefik)$/,
    advice: 'or use BusyBox `wget -qO-`',
  },
  git: { packages: ['git'], shippedBy: /^(docker)$/, advice: '' },
  'locale-gen': {
    packages: [],
    advice:
      'musl has no locale database: drop it and use C.UTF-8 (ICU in the application for collation)',
  },
  localedef: {
    packages: [],
    advice: 'musl has no locale database: drop it and use C.UTF-8',
  },
};

/**
 * Only stages rooted in an official image are checked: a custom `*-alpine`
 * image may well ship these tools, and we would not know.
 */
function hasKnownContents(stage: Stage): string | undefined {
  const root = stageChain(stage).pop()!;
  const path = imagePath(root.image);
  const official = !root.image.registry
    ? !root.image.repository.includes('/')
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
    const missing = TOOLS[tool];
    const imageName = missing && hasKnownContents(stage);
    if (!missing || !imageName || missing.shippedBy?.test(imageName)) return;
    const provides = (name: string) => missing.packages.includes(name);
    const installed =
      installedBy === undefined
        ? installsPackage(stage, provides)
        : installsPackageBefore(stage, installedBy, provides);
    if (missing.packages.length > 0 && installed) return;
    const install =
      missing.packages.length > 0
        ? `install it first (apk add --no-cache ${missing.packages[0]})`
        : 'no Alpine package provides it';
    context.report({
      at,
      message: `\`${tool}\` is not part of Alpine's BusyBox base: ${install}${
        missing.advice ? `, ${missing.advice}` : ''
      }`,
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
