import type { BuildContextFacts } from '../../../facts';
import type { Stage } from '../../../model';
import { compareVersions } from '../../../model';
import { expandWord } from '../../vocabulary';
import { commandsInChain } from '../crossLibc';
import { isNodeInstall, runsPrisma } from '../nodeInstalls';

/**
 * `prisma@6.5.0`, `@prisma/client@^6.1`: the package and its version or
 * range, as a word or within a command line (`npx prisma@6.5.0 migrate deploy`).
 */
const PRISMA_SPECS_IN_TEXT = /(?:^|[\s/])(?:prisma|@prisma\/client)@(\S+)/g;

/** The lower bound of an exact version or a `^`/`~` range; undefined for other ranges and tags. */
const LOWER_BOUND = /^[\^~=]?v?(\d+(?:\.\d+){0,2})(?:[-+][0-9A-Za-z.-]*)?$/;

/**
 * The lowest Prisma version a stage can run, where the Dockerfile or its
 * build context says: `prisma@…` or `@prisma/client@…` given to an install
 * or to npx in the stage or those it builds FROM (ARG and ENV values
 * expanded), or in `commandLines` (a CMD's words); the lowest wins. Else
 * the version the Node.js lockfile holds. Undefined when neither tells (a
 * bare `npx prisma` runs whatever the project installed).
 */
export function lowestPrismaVersion(
  stage: Stage,
  facts: BuildContextFacts,
  commandLines: string[] = [],
): string | undefined {
  const named = [
    ...namedVersions(stage),
    ...commandLines.flatMap(versionsInText),
  ];
  if (named.length > 0) {
    return named.reduce((lowest, version) =>
      compareVersions(version, lowest) < 0 ? version : lowest,
    );
  }
  if (!facts.available) return undefined;
  const packages = facts.nodeLock()?.packages;
  const locked = (packages?.get('prisma') ?? packages?.get('@prisma/client'))
    ?.version;
  return locked ? LOWER_BOUND.exec(locked)?.[1] : undefined;
}

function versionsInText(text: string): string[] {
  return [...text.matchAll(PRISMA_SPECS_IN_TEXT)].flatMap(match => {
    const version = LOWER_BOUND.exec(match[1])?.[1];
    return version ? [version] : [];
  });
}

function namedVersions(stage: Stage): string[] {
  const versions: string[] = [];
  const commands = commandsInChain(
    stage,
    command => isNodeInstall(command) || runsPrisma(command),
  );
  for (const { stage: owner, run, command } of commands) {
    for (const word of command.args) {
      if (!word.value.includes('prisma')) continue;
      for (const value of expandWord(owner, run, command, word) ?? []) {
        versions.push(...versionsInText(value));
      }
    }
  }
  return versions;
}
