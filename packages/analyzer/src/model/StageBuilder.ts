import type {
  CommandInstruction,
  CopyInstruction,
  DockerInstruction,
  FromInstruction,
  RunInstruction,
} from '../parse';
import type { LineIndex } from '../parse';
import { crossesLibc, findStage, stageLabel } from './stageLinks';
import { classifyImage, imageEnvironment } from './imageCatalog';
import type { ImageClass } from './imageCatalog';
import { parseImageRef, substituteVariables } from './imageRef';
import type { ImageRef } from './imageRef';
import { collectEvidence, decideDistro } from './distroEvidence';
import type { DistroEvidence } from './distroEvidence';
import type {
  CopyEdge,
  CopySource,
  DistroDecision,
  Stage,
  VariableDefinition,
} from './types';

const DEFAULT_SHELL = ['/bin/sh', '-c'];

/**
 * A RUN knows its stage through this property, set while the model is built
 * (a WeakMap from RUN to stage doubled the analysis' garbage-collection time:
 * its entries are ephemerons the collector must revisit).
 */
interface RunInStage {
  stageOfRun?: Stage;
}

/** The stage a RUN belongs to (undefined for ONBUILD triggers and RUNs before any FROM). */
export function stageOfRun(run: RunInstruction): Stage | undefined {
  return (run as RunInStage).stageOfRun;
}
const WINDOWS_DEFAULT_SHELL = ['cmd', '/S', '/C'];

/** Collects one stage's instructions, variables, SHELL, USER and copy edges. */
export class StageBuilder {
  readonly stage: Stage;
  /** The catalog's view of the base image (for a stage built FROM a stage: of no image). */
  readonly catalog: ImageClass;
  /** Distribution evidence of this stage's own commands: read only when needed (see evidence()). */
  private ownEvidence: DistroEvidence[] | undefined;
  private text = '';
  private lines: LineIndex | undefined;
  private readonly shells: Array<{ line: number; shell: string[] }> = [];
  /** Definitions per variable name in line order, for env() lookups without scanning every variable. */
  private readonly variablesByName: Map<string, VariableDefinition[]>;

  constructor(
    from: FromInstruction,
    private readonly earlier: Stage[],
    private readonly globalArgs: Map<string, string | undefined>,
    private readonly classifyOverride?: (
      ref: ImageRef,
    ) => ImageClass | undefined,
  ) {
    const imageText = substituteVariables(from.imageText, name =>
      globalArgs.get(name),
    );
    const parent =
      findStage(earlier, imageText, earlier.length) ??
      stageNamedWithVariables(earlier, imageText);
    const image = parseImageRef(imageText);
    this.catalog = parent
      ? {
          distro: 'unknown',
          libc: 'unknown',
          basis: 'an earlier stage',
          certainty: 'unknown',
        }
      : classifyOverride?.(image) ?? classifyImage(image);
    const decision: DistroDecision = parent
      ? inheritedDecision(parent)
      : {
          name: this.catalog.distro,
          libc: this.catalog.libc,
          decidedBy:
            this.catalog.certainty === 'unknown' ? 'unknown' : 'image-catalog',
          evidence: `${image.text}: ${this.catalog.basis}`,
          line: from.line,
        };
    const variables: VariableDefinition[] = parent
      ? parent.variables.filter(variable => variable.kind === 'ENV')
      : [];
    const byName = new Map<string, VariableDefinition[]>();
    for (const variable of variables)
      byName.set(variable.name, [
        ...(byName.get(variable.name) ?? []),
        variable,
      ]);
    this.variablesByName = byName;
    const windows = !parent && this.catalog.windows === true;
    const inheritedShell =
      parent?.shell ?? (windows ? WINDOWS_DEFAULT_SHELL : DEFAULT_SHELL);
    this.shells.push({ line: 0, shell: inheritedShell });
    const shells = this.shells;
    this.stage = {
      index: earlier.length,
      name: from.stageName,
      from,
      image,
      parent,
      distro: decision.name,
      libc: decision.libc,
      alpineRelease: parent ? parent.alpineRelease : this.catalog.alpineRelease,
      basis: decision.evidence,
      distroDecision: decision,
      isAlpine: decision.name === 'alpine',
      isFinal: false,
      instructions: [],
      runs: [],
      copies: [],
      copyEdges: [],
      variables,
      env(name: string, beforeLine?: number) {
        const definitions = byName.get(name);
        if (!definitions) return undefined;
        const index =
          beforeLine === undefined
            ? definitions.length - 1
            : lastIndexBefore(definitions, beforeLine);
        return index === -1 ? undefined : definitions[index].value;
      },
      shell: inheritedShell,
      shellAt(line: number) {
        return shells[Math.max(0, lastIndexBefore(shells, line + 1))].shell;
      },
      user: parent?.user,
      workdir: parent?.workdir,
    };
    if (this.catalog.env) this.seedEnvironment(this.catalog.env);
  }

  add(instruction: DockerInstruction): void {
    const stage = this.stage;
    stage.instructions.push(instruction);
    if (instruction.onbuild) return;
    switch (instruction.keyword) {
      case 'RUN':
        stage.runs.push(instruction);
        (instruction as RunInStage).stageOfRun = stage;
        for (const mount of instruction.mounts) {
          if (mount.from)
            this.addEdge(
              'mount',
              instruction,
              mount.from,
              [mount.source ?? '/'],
              mount.target,
            );
        }
        break;
      case 'COPY':
      case 'ADD':
        stage.copies.push(instruction);
        if (instruction.from) {
          this.addEdge(
            'copy',
            instruction,
            instruction.from,
            instruction.sources.map(source => source.value),
            instruction.destination?.value,
          );
        }
        break;
      case 'ENV':
      case 'ARG':
        for (const pair of instruction.pairs) {
          // Docker expands ENV and ARG values when they are set, from the
          // variables in scope then (`ENV PATH=$PATH:/opt/bin`).
          let value = pair.value;
          if (value !== undefined)
            value = substituteVariables(value, name => stage.env(name));
          else if (instruction.keyword === 'ARG')
            value = this.globalArgs.get(pair.name);
          const definition: VariableDefinition = {
            name: pair.name,
            value,
            kind: instruction.keyword,
            line: instruction.line,
          };
          stage.variables.push(definition);
          const sameName = this.variablesByName.get(pair.name);
          if (sameName) sameName.push(definition);
          else this.variablesByName.set(pair.name, [definition]);
        }
        break;
      case 'USER':
        stage.user =
          instruction.args.map(arg => arg.value).join(' ') || stage.user;
        break;
      case 'WORKDIR':
        stage.workdir = instruction.args[0]?.value ?? stage.workdir;
        break;
      case 'SHELL': {
        const shell = (instruction as CommandInstruction).argv.map(
          word => word.value,
        );
        if (shell.length > 0) {
          stage.shell = shell;
          this.shells.push({ line: instruction.line, shell });
        }
        break;
      }
      default:
        break;
    }
  }

  /**
   * Called once the stage's instructions are all added: its own commands
   * decide its distribution when the catalog (or its parent) cannot, and the
   * ENV its base image is known to set becomes visible.
   */
  finish(text: string, lines: LineIndex): void {
    const stage = this.stage;
    this.text = text;
    this.lines = lines;
    // A certain catalog entry is never overruled: most stages read no evidence.
    if (!stage.parent && this.catalog.certainty !== 'certain') {
      applyDecision(stage, decideDistro(stage, this.catalog, this.evidence()));
      // An image the catalog could not place (`php:${PHP_VERSION}`) gets its
      // ENV once its commands told the variant (ENV values of the stage that
      // referred to it were read before that, and keep the reference).
      const env = this.catalog.env
        ? undefined
        : imageEnvironment(stage.image, stage.distro);
      if (env) this.seedEnvironment(env);
    } else if (
      stage.parent?.distroDecision.decidedBy === 'unknown' &&
      this.evidence().length > 0
    ) {
      applyDecision(stage, decideDistro(stage, this.catalog, this.evidence()));
    }
  }

  /** The distribution evidence of this stage's own commands (after finish()). */
  evidence(): DistroEvidence[] {
    if (!this.ownEvidence)
      this.ownEvidence = this.lines
        ? collectEvidence(this.stage, this.text, this.lines)
        : [];
    return this.ownEvidence;
  }

  /** ENV of the base image (`PHPIZE_DEPS` of php), as definitions at line 0. */
  private seedEnvironment(env: Readonly<Record<string, string>>): void {
    const stage = this.stage;
    const seeded: VariableDefinition[] = Object.entries(env).map(
      ([name, value]) => ({ name, value, kind: 'ENV', line: 0 }),
    );
    stage.variables.unshift(...seeded);
    for (const definition of seeded) {
      const sameName = this.variablesByName.get(definition.name);
      if (sameName) sameName.unshift(definition);
      else this.variablesByName.set(definition.name, [definition]);
    }
  }

  private addEdge(
    kind: CopyEdge['kind'],
    instruction: CopyInstruction | RunInstruction,
    fromText: string,
    paths: string[],
    destination: string | undefined,
  ): void {
    const stage = this.stage;
    const text = substituteVariables(
      fromText,
      name => stage.env(name) ?? this.globalArgs.get(name),
    );
    const sourceStage = findStage(this.earlier, text, stage.index);
    let source: CopySource;
    if (sourceStage) {
      source = {
        text,
        stage: sourceStage,
        libc: sourceStage.libc,
        distro: sourceStage.distro,
      };
    } else {
      const image = parseImageRef(text);
      const imageClass = this.classifyOverride?.(image) ?? classifyImage(image);
      source = {
        text,
        image,
        libc: imageClass.libc,
        distro: imageClass.distro,
      };
    }
    stage.copyEdges.push({
      kind,
      instruction,
      source,
      paths,
      destination,
      crossesLibc: crossesLibc(source.libc, stage.libc),
    });
  }
}

/**
 * BuildKit's automatic platform ARGs, usable in FROM without being declared;
 * their values on the usual (linux/amd64) build.
 */
const PLATFORM_ARGS: Readonly<Record<string, string>> = {
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
};

/**
 * `FROM binaries-$TARGETOS`, `FROM buildkit-$TARGETOS${DEBUG:+-debug}`: a
 * stage of the file chosen by variables. Read as BuildKit does on a linux
 * build with no build arguments (platform ARGs set, others empty); a match
 * with an earlier stage's name makes it that stage.
 */
function stageNamedWithVariables(
  earlier: Stage[],
  imageText: string,
): Stage | undefined {
  if (!imageText.includes('$') || earlier.length === 0) return undefined;
  const name = substituteVariables(imageText, variable =>
    variable in PLATFORM_ARGS ? PLATFORM_ARGS[variable] : '',
  );
  return name.includes('$')
    ? undefined
    : findStage(earlier, name, earlier.length);
}

/** A stage built FROM another has its distribution. */
export function inheritedDecision(parent: Stage): DistroDecision {
  const from = parent.distroDecision;
  return {
    ...from,
    decidedBy: from.decidedBy === 'unknown' ? 'unknown' : 'parent-stage',
    evidence: `built FROM stage ${stageLabel(parent)} (${from.evidence})`,
  };
}

export function applyDecision(stage: Stage, decision: DistroDecision): void {
  stage.distroDecision = decision;
  stage.distro = decision.name;
  stage.libc = decision.libc;
  stage.basis = decision.evidence;
  stage.isAlpine = decision.name === 'alpine';
}

/** Index of the last entry whose line is before `line` (entries sorted by line), or -1. */
function lastIndexBefore(
  entries: ReadonlyArray<{ line: number }>,
  line: number,
): number {
  let low = 0;
  let high = entries.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (entries[middle].line < line) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
