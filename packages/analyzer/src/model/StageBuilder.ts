import type {
  CommandInstruction,
  CopyInstruction,
  DockerInstruction,
  FromInstruction,
  RunInstruction,
} from '../parse';
import { crossesLibc, findStage, stageLabel } from './stageLinks';
import { classifyImage } from './imageCatalog';
import { parseImageRef, substituteVariables } from './imageRef';
import type { CopyEdge, CopySource, Stage, VariableDefinition } from './types';

const DEFAULT_SHELL = ['/bin/sh', '-c'];
const WINDOWS_DEFAULT_SHELL = ['cmd', '/S', '/C'];

/** Collects one stage's instructions, variables, SHELL, USER and copy edges. */
export class StageBuilder {
  readonly stage: Stage;
  private readonly shells: Array<{ line: number; shell: string[] }> = [];
  /** Definitions per variable name in line order, for env() lookups without scanning every variable. */
  private readonly variablesByName: Map<string, VariableDefinition[]>;

  constructor(
    from: FromInstruction,
    private readonly earlier: Stage[],
    private readonly globalArgs: Map<string, string | undefined>,
  ) {
    const imageText = substituteVariables(from.imageText, name =>
      globalArgs.get(name),
    );
    const parent = findStage(earlier, imageText, earlier.length);
    const image = parseImageRef(imageText);
    const imageClass = parent
      ? {
          distro: parent.distro,
          libc: parent.libc,
          alpineRelease: parent.alpineRelease,
          basis: `built FROM stage ${stageLabel(parent)}`,
        }
      : classifyImage(image);
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
    const windows = !parent && classifyImage(image).windows === true;
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
      distro: imageClass.distro,
      libc: imageClass.libc,
      alpineRelease: imageClass.alpineRelease,
      basis: imageClass.basis,
      isAlpine: imageClass.distro === 'alpine',
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
  }

  add(instruction: DockerInstruction): void {
    const stage = this.stage;
    stage.instructions.push(instruction);
    if (instruction.onbuild) return;
    switch (instruction.keyword) {
      case 'RUN':
        stage.runs.push(instruction);
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
          const value =
            instruction.keyword === 'ARG' && pair.value === undefined
              ? this.globalArgs.get(pair.name)
              : pair.value;
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
      const imageClass = classifyImage(image);
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
