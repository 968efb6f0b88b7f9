/*
 * What a stage's own commands say about its distribution: `apk` means
 * Alpine, `apt-get` Debian or Ubuntu, `dnf`/`yum`/`microdnf` the RHEL family;
 * reading `/etc/alpine-release` means Alpine and naming the musl loader
 * means musl. The image catalog is one source of evidence, these are the
 * others; decideDistro() weighs them and says which decided.
 */
import type { LineIndex } from '../parse';
import type { ShellCommand } from '../shell';
import type { Distro, Libc } from '../types';
import type { ImageClass, PackageManagerFamily } from './imageCatalog';
import type { DistroDecision, Stage } from './types';

/** Commands that only run on one family of distributions. */
const PACKAGE_MANAGERS: ReadonlyMap<string, PackageManagerFamily> = new Map([
  ['apk', 'apk'],
  ['apt-get', 'apt'],
  ['apt', 'apt'],
  ['aptitude', 'apt'],
  ['dnf', 'rpm'],
  ['yum', 'rpm'],
  ['microdnf', 'rpm'],
  ['tdnf', 'tdnf'],
  ['zypper', 'zypper'],
  ['pacman', 'pacman'],
]);

/** What each package manager says of the system it runs on. */
const FAMILIES: Record<
  PackageManagerFamily,
  { distro: Distro; libc: Libc; reads: string }
> = {
  apk: { distro: 'alpine', libc: 'musl', reads: 'Alpine' },
  apt: { distro: 'debian', libc: 'glibc', reads: 'Debian or Ubuntu' },
  rpm: { distro: 'rhel', libc: 'glibc', reads: 'the RHEL family' },
  tdnf: { distro: 'unknown', libc: 'glibc', reads: 'Azure Linux or Photon OS' },
  zypper: { distro: 'unknown', libc: 'glibc', reads: 'openSUSE' },
  pacman: { distro: 'unknown', libc: 'glibc', reads: 'Arch Linux' },
};

const SYSTEM_FILE_MEANING: Partial<Record<DistroEvidence['family'], string>> = {
  'alpine-release': 'Alpine',
  'musl-loader': 'musl',
};

/** Test commands: `[ -f /etc/alpine-release ]` asks, it does not tell. */
const TESTS = new Set(['[', '[[', 'test']);

const ALPINE_RELEASE_FILE = '/etc/alpine-release';
const MUSL_LOADER = /(^|\/)(ld-musl-|libc\.musl-)[\w.-]*\.so/;

/** One observation in a stage that tells its distribution. */
export interface DistroEvidence {
  kind: 'package-manager' | 'system-file';
  /** `apk`, `apt`…; `alpine-release` and `musl-loader` for system files. */
  family: PackageManagerFamily | 'alpine-release' | 'musl-loader';
  distro: Distro;
  libc: Libc;
  /** `apk add`, `cat /etc/alpine-release`: what was seen, for messages. */
  text: string;
  line: number;
  stage: Stage;
}

/**
 * The distribution evidence in a stage's RUN instructions (ONBUILD triggers
 * excluded: they run in another build), first observation of each family.
 */
export function collectEvidence(
  stage: Stage,
  text: string,
  lines: LineIndex,
): DistroEvidence[] {
  const found = new Map<string, DistroEvidence>();
  const mayNameSystemFiles =
    text.includes(ALPINE_RELEASE_FILE) ||
    text.includes('ld-musl') ||
    text.includes('libc.musl');
  for (const run of stage.runs) {
    for (const command of run.script.commands) {
      const family = PACKAGE_MANAGERS.get(command.name);
      if (family) {
        if (!found.has(family)) {
          const meaning = FAMILIES[family];
          found.set(family, {
            kind: 'package-manager',
            family,
            distro: meaning.distro,
            libc: meaning.libc,
            text: commandText(command),
            line: lines.positionAt(command.start).line,
            stage,
          });
        }
        continue;
      }
      if (mayNameSystemFiles && !TESTS.has(command.name))
        systemFileEvidence(command, stage, lines, found);
    }
  }
  return [...found.values()];
}

function systemFileEvidence(
  command: ShellCommand,
  stage: Stage,
  lines: LineIndex,
  found: Map<string, DistroEvidence>,
): void {
  for (const word of command.args) {
    let family: DistroEvidence['family'] | undefined;
    if (word.value.includes(ALPINE_RELEASE_FILE)) family = 'alpine-release';
    else if (MUSL_LOADER.test(word.value)) family = 'musl-loader';
    if (!family || found.has(family)) continue;
    found.set(family, {
      kind: 'system-file',
      family,
      distro: family === 'alpine-release' ? 'alpine' : 'unknown',
      libc: 'musl',
      text: `${command.name} ${word.value}`,
      line: lines.positionAt(word.start).line,
      stage,
    });
  }
}

function commandText(command: ShellCommand): string {
  const subcommand = command.args.find(arg => !arg.value.startsWith('-'));
  return subcommand && /^[a-z-]+$/.test(subcommand.value)
    ? `${command.name} ${subcommand.value}`
    : command.name;
}

/** The evidence that agrees with itself, or a description of the conflict. */
function strongestEvidence(
  evidence: DistroEvidence[],
): DistroEvidence | { conflict: string } | undefined {
  const managers = evidence.filter(item => item.kind === 'package-manager');
  if (managers.length > 1) {
    return {
      conflict: `commands of several distributions (${managers
        .map(item => `${item.text}, line ${item.line}`)
        .join('; ')}): a script for more than one`,
    };
  }
  if (managers.length === 1) return managers[0];
  // `/etc/alpine-release` says Alpine; a musl loader path only says musl.
  return evidence.find(item => item.family === 'alpine-release') ?? evidence[0];
}

function where(item: DistroEvidence, stage: Stage): string {
  const inStage =
    item.stage === stage
      ? ''
      : ` in stage \`${
          item.stage.name ?? `#${item.stage.index}`
        }\`, which builds on it`;
  return `\`${item.text}\` (line ${item.line}${inStage})`;
}

function fromEvidence(
  item: DistroEvidence,
  stage: Stage,
  catalog: ImageClass,
): DistroDecision {
  const reads =
    SYSTEM_FILE_MEANING[item.family] ??
    FAMILIES[item.family as PackageManagerFamily].reads;
  const overruled =
    catalog.certainty === 'likely'
      ? `; the catalog guessed ${catalog.basis}`
      : '';
  return {
    name: item.distro,
    libc: item.libc,
    decidedBy: item.kind,
    evidence: `${where(item, stage)} runs on ${reads}${overruled}`,
    line: item.line,
  };
}

/**
 * Decides the distribution of a stage built on an external image, from the
 * catalog's view of the image and the evidence of the stage and the stages
 * built FROM it (they share its files). A certain catalog entry wins: `apt-get`
 * in `node:22-alpine` is a mistake for a rule to report. Otherwise evidence
 * that agrees with itself decides, and failing that the catalog's guess.
 */
export function decideDistro(
  stage: Stage,
  catalog: ImageClass,
  evidence: DistroEvidence[],
): DistroDecision {
  const fromCatalog: DistroDecision = {
    name: catalog.distro,
    libc: catalog.libc,
    decidedBy: catalog.certainty === 'unknown' ? 'unknown' : 'image-catalog',
    evidence: `${stage.image.text || 'the image'}: ${catalog.basis}`,
    line: stage.from.line,
  };
  if (catalog.certainty === 'certain' || evidence.length === 0)
    return fromCatalog;
  const best = strongestEvidence(evidence);
  if (!best) return fromCatalog;
  if ('conflict' in best) {
    return {
      ...fromCatalog,
      evidence: `${fromCatalog.evidence}; the stages run ${best.conflict}`,
    };
  }
  if (catalog.certainty === 'unknown')
    return fromEvidence(best, stage, catalog);
  // A likely guess stands when the evidence agrees with it.
  const agrees =
    best.kind === 'package-manager'
      ? catalog.packageManager === best.family
      : catalog.libc === best.libc;
  return agrees ? fromCatalog : fromEvidence(best, stage, catalog);
}
