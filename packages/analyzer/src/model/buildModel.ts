import type { DockerfileSyntax, EnvInstruction } from '../parse';
import { decideDistro } from './distroEvidence';
import { applyDecision, inheritedDecision, StageBuilder } from './StageBuilder';
import { crossesLibc } from './stageLinks';
import { hasUnsupportedExpansion, substituteVariables } from './imageRef';
import type { ImageClass } from './imageCatalog';
import type { ImageRef } from './imageRef';
import type { DockerfileModel, Stage } from './types';

/** ARG defaults that only say "pass a real value": `unknown`, `changeme`… */
const PLACEHOLDER =
  /^(unknown|undefined|null|none|changeme|change-me|change_me|placeholder|required|missing|unset|todo|tbd|xxx)$|^(please|must)[-_]/i;

/**
 * A global ARG's default as FROM lines can use it: earlier global ARGs
 * expanded, as BuildKit does. A placeholder (`ARG BASEIMAGE=unknown`) is a
 * value the build must override, and a default holding an expansion we do
 * not evaluate (`${TARGETPLATFORM/\//-}`) would split an image name at its
 * `/`: neither is a default we can use.
 */
function globalDefault(
  value: string | undefined,
  globalArgs: Map<string, string | undefined>,
): string | undefined {
  if (value === undefined || PLACEHOLDER.test(value)) return undefined;
  const expanded = substituteVariables(value, name => globalArgs.get(name));
  return hasUnsupportedExpansion(expanded) ? undefined : expanded;
}

/** What the model may ask its host while it is built. */
export interface ModelOptions {
  /** Knowledge overrides for an image (e.g. an internal base image), before the built-in catalog. */
  classifyImage?: (ref: ImageRef) => ImageClass | undefined;
}

/** Builds stages, their images, libc, variables and copy edges from the syntax. */
export function buildModel(
  syntax: DockerfileSyntax,
  options: ModelOptions = {},
): DockerfileModel {
  const globalArgs = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  const builders: StageBuilder[] = [];
  let current: StageBuilder | undefined;
  for (const instruction of syntax.instructions) {
    if (instruction.keyword === 'FROM' && !instruction.onbuild) {
      current?.finish(syntax.text, syntax.lines);
      current = new StageBuilder(
        instruction,
        stages,
        globalArgs,
        options.classifyImage,
      );
      builders.push(current);
      stages.push(current.stage);
    } else if (current) {
      current.add(instruction);
    } else if (instruction.keyword === 'ARG') {
      for (const pair of (instruction as EnvInstruction).pairs)
        globalArgs.set(pair.name, globalDefault(pair.value, globalArgs));
    }
  }
  current?.finish(syntax.text, syntax.lines);
  decideFromLaterStages(builders);
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

/**
 * A base image nothing told us about may be told by the stages built FROM
 * it: they share its files, so their package manager is its package
 * manager. Then the stages that inherited "unknown" inherit the decision,
 * and copy edges take the libc of their source stages as finally decided.
 */
function decideFromLaterStages(builders: StageBuilder[]): void {
  for (const builder of builders) {
    const root = builder.stage;
    if (root.parent || root.distroDecision.decidedBy !== 'unknown') continue;
    if (builder.catalog.windows) continue;
    const evidence = builders
      .filter(other => other !== builder && rootOf(other.stage) === root)
      .flatMap(other => other.evidence());
    if (evidence.length === 0) continue;
    applyDecision(
      root,
      decideDistro(root, builder.catalog, [...builder.evidence(), ...evidence]),
    );
  }
  for (const builder of builders) {
    const stage = builder.stage;
    if (stage.parent && stage.distroDecision.decidedBy === 'unknown')
      applyDecision(stage, inheritedDecision(stage.parent));
  }
  for (const { stage } of builders) {
    for (const edge of stage.copyEdges) {
      const source = edge.source.stage;
      if (source) {
        edge.source.libc = source.libc;
        edge.source.distro = source.distro;
      }
      edge.crossesLibc = crossesLibc(edge.source.libc, stage.libc);
    }
  }
}

function rootOf(stage: Stage): Stage {
  let root = stage;
  while (root.parent) root = root.parent;
  return root;
}

export { crossesLibc, stageLabel } from './stageLinks';
