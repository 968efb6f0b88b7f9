import type { Instruction } from 'dockerfile-ast';
import type { ShellScript, ShellWord } from '../shell';

/** A piece of instruction text with its offsets in the Dockerfile. */
export interface Token {
  value: string;
  start: number;
  end: number;
}

/** A `--name=value` flag of FROM, RUN, COPY or ADD. */
export interface FlagToken extends Token {
  name: string;
  /** Undefined for a bare `--flag`. */
  flagValue: string | undefined;
}

/** What every instruction has; tokenized once when the Dockerfile is read. */
export interface BaseInstruction {
  /** Upper-case keyword; for an ONBUILD trigger, the wrapped instruction's keyword. */
  keyword: string;
  /** True for the instruction inside `ONBUILD …`: it runs in images built FROM this one. */
  onbuild: boolean;
  start: number;
  end: number;
  /** 1-based. */
  line: number;
  endLine: number;
  column: number;
  /** Where the arguments begin, after the keyword and flags. */
  argsStart: number;
  /** Arguments after the flags, split as Docker splits them. */
  args: Token[];
  flags: FlagToken[];
  /** The dockerfile-ast node, for what this layer does not model. */
  source: Instruction;
}

/** A `RUN --mount=…` option set. */
export interface Mount {
  type: string;
  target?: string;
  from?: string;
  source?: string;
  flag: FlagToken;
}

export interface RunInstruction extends BaseInstruction {
  keyword: 'RUN';
  /** `exec`: JSON array form; `heredoc`: the body is a shell heredoc. */
  form: 'shell' | 'exec' | 'heredoc';
  /** The commands the RUN executes, from a real shell parse. */
  script: ShellScript;
  mounts: Mount[];
}

export interface FromInstruction extends BaseInstruction {
  keyword: 'FROM';
  /** The image as written, before ARG substitution. */
  imageText: string;
  imageToken?: Token;
  stageName?: string;
  platform?: string;
}

export interface CopyInstruction extends BaseInstruction {
  keyword: 'COPY' | 'ADD';
  /** The `--from` value, read from all flags (dockerfile-ast's getFromFlag() is null with several). */
  from?: string;
  sources: Token[];
  destination?: Token;
}

export interface KeyValue {
  name: string;
  value: string | undefined;
  start: number;
  end: number;
}

export interface EnvInstruction extends BaseInstruction {
  keyword: 'ENV' | 'ARG' | 'LABEL';
  pairs: KeyValue[];
}

/** CMD, ENTRYPOINT, SHELL, HEALTHCHECK: exec (JSON) or shell form. */
export interface CommandInstruction extends BaseInstruction {
  keyword: 'CMD' | 'ENTRYPOINT' | 'SHELL' | 'HEALTHCHECK';
  form: 'exec' | 'shell';
  /** JSON strings of the exec form; the whitespace-split words of the shell form. */
  argv: ShellWord[];
}

export interface OtherInstruction extends BaseInstruction {
  keyword:
    | 'USER'
    | 'WORKDIR'
    | 'EXPOSE'
    | 'VOLUME'
    | 'STOPSIGNAL'
    | 'MAINTAINER'
    | 'ONBUILD'
    | 'UNKNOWN';
}

export type DockerInstruction =
  | RunInstruction
  | FromInstruction
  | CopyInstruction
  | EnvInstruction
  | CommandInstruction
  | OtherInstruction;

/** Instruction type by keyword, for visitors. */
export interface InstructionByKeyword {
  RUN: RunInstruction;
  FROM: FromInstruction;
  COPY: CopyInstruction;
  ADD: CopyInstruction;
  ENV: EnvInstruction;
  ARG: EnvInstruction;
  LABEL: EnvInstruction;
  CMD: CommandInstruction;
  ENTRYPOINT: CommandInstruction;
  SHELL: CommandInstruction;
  HEALTHCHECK: CommandInstruction;
  USER: OtherInstruction;
  WORKDIR: OtherInstruction;
  EXPOSE: OtherInstruction;
  VOLUME: OtherInstruction;
  STOPSIGNAL: OtherInstruction;
  MAINTAINER: OtherInstruction;
}

export type InstructionKeyword = keyof InstructionByKeyword;
