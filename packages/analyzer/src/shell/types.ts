/** One word of a shell command, located in the Dockerfile text. */
export interface ShellWord {
  /** The source text as written, quotes included. */
  text: string;
  /** The value after quote removal; expansions such as `$VAR` are kept as written. */
  value: string;
  /** True when the word has no expansion, so `value` is exactly what the command receives. */
  literal: boolean;
  /** Offsets into the Dockerfile text, end exclusive. */
  start: number;
  end: number;
}

/** A `NAME=value` prefix of a command, or a bare assignment statement. */
export interface ShellAssignment {
  name: string;
  value: ShellWord | undefined;
  start: number;
  end: number;
}

/** A redirection such as `> /etc/nsswitch.conf` or `2>&1`. */
export interface ShellRedirect {
  operator: string;
  target: ShellWord;
}

/** One simple command: its words, assignments and redirections. */
export interface ShellCommand {
  /** Base name of the first word (`/sbin/apk` → `apk`); empty for a bare assignment. */
  name: string;
  /** All words, the command itself first. */
  argv: ShellWord[];
  /** The words after the command name. */
  args: ShellWord[];
  assignments: ShellAssignment[];
  redirects: ShellRedirect[];
  /** True when the command is one side of a pipe. */
  inPipeline: boolean;
  /**
   * True when the command is part of an `if`/`elif`/`while`/`until`
   * condition, whose exit status picks a branch rather than fails the RUN.
   */
  inCondition?: boolean;
  start: number;
  end: number;
}

/** How a RUN body was understood. */
export type ShellParserKind = 'flat' | 'mvdan-sh' | 'tokenizer';

/** The commands of one RUN body (or one `sh -c` string, or one shell heredoc). */
export interface ShellScript {
  commands: ShellCommand[];
  /** True when some command pipes into another. */
  hasPipeline: boolean;
  parser: ShellParserKind;
  /** Why the real parser rejected the body, when it did. */
  error?: string;
}
