import type { BuildContextFacts } from '../../facts';
import type { Knowledge } from '../../knowledge/Knowledge';
import type { DockerfileModel, Stage } from '../../model';
import type { InstructionByKeyword, InstructionKeyword } from '../../parse';
import type { FindingEvidence, RuleMeta, Severity } from '../../types';

/** Anything with Dockerfile offsets: an instruction, a token, a shell word or command. */
export interface Locatable {
  start: number;
  end: number;
}

/** A text replacement by offsets into the original Dockerfile (end exclusive). */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** A fix as a rule writes it; the engine turns offsets into line/column edits. */
export interface RuleFix {
  /** Imperative, e.g. "Add --no-cache to apk add". */
  description: string;
  edits: OffsetEdit[];
}

/** What a rule reports. */
export interface Problem {
  /** What to point at. */
  at: Locatable;
  /** The message as text; or give `messageId` instead. */
  message?: string;
  /** A key of the rule's `meta.messages`; the message is its template filled with `data`. */
  messageId?: string;
  /** Values for the `{{name}}` placeholders of the `messageId` template. */
  data?: Readonly<Record<string, string | number>>;
  /** Overrides the rule's default severity for this finding. */
  severity?: Severity;
  /** Overrides the rule's default remediation, e.g. with a target computed from the knowledge. */
  remediation?: string;
  fix?: RuleFix;
  /**
   * The peer checks this finding matches, when fewer than the rule's aliases
   * (a rule covering several peer checks: `checkov:CKV2_DOCKER_3` for wget
   * only). Suppressions and config naming an alias then act on these.
   */
  aliases?: string[];
  /** The build-context fact that confirmed or refuted this finding, when the rule read one. */
  evidence?: FindingEvidence;
}

/** What a rule sees while it runs on one Dockerfile. */
export interface RuleContext {
  readonly model: DockerfileModel;
  /** The Dockerfile text. */
  readonly text: string;
  /**
   * The Dockerfile's path as the host names it (relative to the repository
   * in the portal and in the CLI's directory searches): where a file sits
   * can say what its image is for (tests, CI). Rules never read the file.
   */
  readonly path: string;
  /** The analysis clock (injectable for tests); rules never read the wall clock. */
  readonly now: Date;
  /** Release table, image catalog overrides and their version, for this analysis. */
  readonly knowledge: Knowledge;
  /**
   * What the build context's files say (lockfiles, manifests,
   * `.dockerignore`), parsed on first use; `facts.available` is false when
   * the host passed no context, and every fact is then absent.
   */
  readonly facts: BuildContextFacts;
  report(problem: Problem): void;
}

/** Instruction visitors keyed by keyword; each gets the instruction and its stage. */
export type InstructionVisitors = {
  [K in InstructionKeyword]?: (
    instruction: InstructionByKeyword[K],
    stage: Stage,
  ) => void;
};

/**
 * What a rule's `check` returns: visitors called while the engine walks the
 * model once. For `scope: 'alpine'` rules, `stage` and instruction visitors
 * only see Alpine stages and `file` only runs when some stage is Alpine.
 */
export interface RuleVisitors extends InstructionVisitors {
  file?(model: DockerfileModel): void;
  stage?(stage: Stage): void;
}

/** A rule check: given a context, returns its visitors. */
export type RuleCheck = (context: RuleContext) => RuleVisitors;

/** One rule: metadata plus check. Docs live in docs.md beside them. */
export interface Rule {
  meta: RuleMeta;
  check: RuleCheck;
}
