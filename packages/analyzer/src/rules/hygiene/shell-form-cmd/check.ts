import { compareVersions } from '../../../model';
import type { Stage } from '../../../model';
import type { CommandInstruction } from '../../../parse';
import { parseShell } from '../../../shell';
import type { ShellCommand } from '../../../shell';
import type { RuleContext, RuleCheck } from '../../framework/types';
import { entrypointProgram, stageChain } from '../../vocabulary';

/**
 * Busybox ash, Alpine's /bin/sh, execs the command in tail position of
 * `sh -c` (no fork) since busybox 1.28 (commit 1e3e2ccd5, "Optimize dash -c
 * command to avoid a fork"), first in Alpine 3.8: that command is then the
 * container's process and gets SIGTERM itself.
 */
const FIRST_EXECING_ALPINE = '3.8';

/** Between two commands of a plain sequence: `&&`, `;` or a newline, nothing that forks or keeps the shell. */
const SEQUENCE_GAP = /^[\s;]*(&&)?[\s;]*$/;

/**
 * The command that ends the shell text when the text is a plain sequence
 * (`cd /app && node server.js`, `export A=1; node x`): no pipe, `||`,
 * background job, subshell, compound command or command substitution
 * (which the parser lists as commands of their own), no trap (a shell with
 * a trap stays to run it). Undefined otherwise.
 */
function tailOfPlainSequence(
  text: string,
  base: number,
): ShellCommand | undefined {
  const { commands } = parseShell(text, base);
  if (commands.length === 0) return undefined;
  if (commands.some(command => command.name === 'trap' || command.inPipeline))
    return undefined;
  let previousEnd = base;
  for (const command of commands) {
    // Line continuations (`\` at the end of a line) join lines: blank.
    const gap = text
      .slice(previousEnd - base, command.start - base)
      .replace(/\\\r?\n/g, ' ');
    if (!(previousEnd === base ? /^\s*$/ : SEQUENCE_GAP).test(gap))
      return undefined;
    previousEnd = command.end;
  }
  if (!/^[\s;\\]*$/.test(text.slice(previousEnd - base))) return undefined;
  return commands[commands.length - 1];
}

/** Whether the stage's shell is the image's own /bin/sh (or ash): on Alpine, busybox ash. */
function runsBusyboxAsh(
  stage: Stage,
  instruction: CommandInstruction,
): boolean {
  const [shell] = stage.shellAt(instruction.line);
  return (
    stage.isAlpine &&
    /^\/bin\/(a?sh)$/.test(shell ?? '') &&
    (!stage.alpineRelease ||
      compareVersions(stage.alpineRelease, FIRST_EXECING_ALPINE) >= 0)
  );
}

/**
 * Whether the program the shell starts replaces the shell, so signals reach
 * it: an explicit `exec` in tail position (any shell), or on Alpine any
 * command in tail position (busybox ash execs it itself).
 */
function programReplacesShell(
  text: string,
  instruction: CommandInstruction,
  stage: Stage,
): boolean {
  const tail = tailOfPlainSequence(text, instruction.argsStart);
  if (!tail) return false;
  return tail.name === 'exec' || runsBusyboxAsh(stage, instruction);
}

function reportShellForm(
  context: RuleContext,
  instruction: CommandInstruction,
  stage: Stage,
): void {
  if (
    !stage.isFinal ||
    instruction.onbuild ||
    instruction.form !== 'shell' ||
    instruction.argv.length === 0
  )
    return;
  const text = context.text.slice(instruction.argsStart, instruction.end);
  const cmdIsArgumentsOf =
    instruction.keyword === 'CMD'
      ? entrypointProgram(stageChain(stage))
      : undefined;
  if (text.trimStart().startsWith('[')) {
    // `CMD ['node', 'server.js']`: the shell runs `[node,`, which does not exist.
    context.report({
      at: instruction,
      messageId: 'notJson',
      severity: 'error',
      data: { keyword: instruction.keyword },
    });
  } else if (cmdIsArgumentsOf) {
    // `ENTRYPOINT ["/app"]` + `CMD --port 80`: /app gets `/bin/sh -c '--port 80'`.
    context.report({
      at: instruction,
      messageId: 'cmdAsShellArguments',
      data: { program: cmdIsArgumentsOf },
    });
  } else if (!programReplacesShell(text, instruction, stage)) {
    context.report({
      at: instruction,
      messageId: 'shellForm',
      data: { keyword: instruction.keyword },
    });
  } else if (instruction.keyword === 'ENTRYPOINT') {
    // Signals are fine; what is left of the shell form is that it drops arguments.
    context.report({
      at: instruction,
      messageId: 'entrypointDropsArguments',
      severity: 'info',
    });
  }
}

export const check: RuleCheck = context => ({
  CMD: (cmd, stage) => reportShellForm(context, cmd, stage),
  ENTRYPOINT: (entrypoint, stage) =>
    reportShellForm(context, entrypoint, stage),
});
