import type {
  CopyInstruction,
  DockerfileSyntax,
  DockerInstruction,
  FromInstruction,
  RunInstruction,
} from '../parse';
import type { Distro, Libc } from '../types';
import type { ImageRef } from './imageRef';

/** Where a `COPY --from` or `RUN --mount=from=` reads from. */
export interface CopySource {
  /** As written (`build`, `0`, `golang:1.22`), ARGs substituted. */
  text: string;
  /** The earlier stage, when the source names one. */
  stage?: Stage;
  /** The external image, when the source is not a stage. */
  image?: ImageRef;
  libc: Libc;
  distro: Distro;
}

/** A file transfer into a stage from another stage or an image. */
export interface CopyEdge {
  kind: 'copy' | 'mount';
  instruction: CopyInstruction | RunInstruction;
  source: CopySource;
  /** Source paths (COPY) or the mount's source (RUN --mount). */
  paths: string[];
  /** Destination path, when known. */
  destination?: string;
  /** True when one side is glibc and the other musl. */
  crossesLibc: boolean;
}

/** A variable definition visible in a stage. */
export interface VariableDefinition {
  name: string;
  value: string | undefined;
  kind: 'ENV' | 'ARG';
  /** 1-based line of the defining instruction. */
  line: number;
}

/**
 * What decided a stage's distribution: the image catalog, the stage's (or a
 * related stage's) package manager, a system file it reads (`/etc/alpine-release`,
 * the musl loader), the earlier stage it builds FROM; `unknown` when nothing did.
 */
export type DistroDecidedBy =
  | 'image-catalog'
  | 'package-manager'
  | 'system-file'
  | 'parent-stage'
  | 'unknown';

/** A stage's distribution and C library, with how they were decided. */
export interface DistroDecision {
  name: Distro;
  libc: Libc;
  decidedBy: DistroDecidedBy;
  /** What decided it, in words: `` `apk add` (line 4) runs on Alpine ``. */
  evidence: string;
  /** 1-based line of the evidence (the FROM for catalog decisions). */
  line: number;
}

/** One build stage: the vocabulary rules are written in. */
export interface Stage {
  index: number;
  name?: string;
  from: FromInstruction;
  /** Base image, ARGs resolved. For `FROM <stage>` the stage's name as an image. */
  image: ImageRef;
  /** The earlier stage this one builds FROM. */
  parent?: Stage;
  /** `distroDecision.name`: what rules key on. */
  distro: Distro;
  /** `distroDecision.libc`; `unknown` when nothing tells (rules then stay silent). */
  libc: Libc;
  alpineRelease?: string;
  /** Why the distro and libc were chosen (`distroDecision.evidence`). */
  basis: string;
  /** How the distro and libc were decided, from the catalog and the stages' own commands. */
  distroDecision: DistroDecision;
  isAlpine: boolean;
  isFinal: boolean;
  /** Instructions after the FROM, in order. */
  instructions: DockerInstruction[];
  runs: RunInstruction[];
  copies: CopyInstruction[];
  /** `COPY --from` and `RUN --mount=from=` transfers into this stage. */
  copyEdges: CopyEdge[];
  /** ENV (inherited from parent stages) and ARG definitions, in order. */
  variables: VariableDefinition[];
  /**
   * The value of a variable at the end of the stage, or before `line` when
   * given; ENV is inherited from parent stages.
   */
  env(name: string, beforeLine?: number): string | undefined;
  /** SHELL in effect (default `/bin/sh -c`), inherited from parent stages. */
  shell: string[];
  /** SHELL in effect at a line. */
  shellAt(line: number): string[];
  /** Last USER of the stage or its parents; undefined when none sets one. */
  user?: string;
  workdir?: string;
}

/** Everything rules may look at for one Dockerfile. */
export interface DockerfileModel {
  syntax: DockerfileSyntax;
  stages: Stage[];
  /**
   * ARGs declared before the first FROM, with their defaults as FROM can use
   * them (earlier ARGs expanded; undefined for none, a placeholder such as
   * `unknown`, or an expansion the analyzer does not evaluate).
   */
  globalArgs: Map<string, string | undefined>;
  finalStage?: Stage;
  usesAlpine: boolean;
}
