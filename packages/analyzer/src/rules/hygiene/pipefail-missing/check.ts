import type { RunInstruction } from '../../../parse';
import type { ShellCommand } from '../../../shell';
import type { RuleCheck } from '../../framework/types';
import { apkAdds, commandsNamed } from '../../vocabulary';
import { rejectsBrokenInput } from './rejectsBrokenInput';

const POSIX_SHELLS = /(^|\/)(sh|ash|bash|dash|zsh|ksh|mksh)$/;

/** Producers whose failure pipefail would not catch anything real: shell builtins writing text. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'true', ':']);

/** Words that close a compound command, so a pipe after them takes the compound's output. */
const CLOSERS = /^(fi|done|esac)(?![\w-])/;

/**
 * Whether the command's status becomes the status of a pipe element other
 * than the last: the next thing after it, past `;`, line continuations and
 * the ends of compound commands (`; } |`, `;; esac |`, `) |`), is a pipe.
 */
function feedsPipe(
  command: ShellCommand,
  text: string,
  limit: number,
): boolean {
  let index = command.end;
  while (index < limit) {
    const rest = text.slice(index, Math.min(limit, index + 8));
    const char = text[index];
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      index++;
    } else if (char === '\\' && /^\\\r?\n/.test(rest)) {
      index += rest[1] === '\r' ? 3 : 2;
    } else if (char === '|') {
      return text[index + 1] !== '|';
    } else if (char === ';' || char === ')' || char === '}') {
      index++;
    } else {
      const closer = CLOSERS.exec(rest);
      if (!closer) return false;
      index += closer[0].length;
    }
  }
  return false;
}

/**
 * True when the command runs inside `$(…)` that is an argument of another
 * command (`delgroup "$(getent group x | cut -d: -f1)"`): the status of the
 * substitution is never seen, with or without pipefail. A substitution
 * assigned on its own (`deps="$(scanelf … | sort)"`) gives the assignment
 * its status, so pipefail matters there.
 */
function inArgumentSubstitution(
  command: ShellCommand,
  run: RunInstruction,
): boolean {
  return run.script.commands.some(
    other =>
      other !== command &&
      other.name !== '' &&
      other.argv.some(
        word => word.start < command.start && command.end <= word.end,
      ),
  );
}

/**
 * Pipes whose producer failing cannot leave a broken image: consumers that
 * fail by themselves on what a failed producer leaves (checksum checks,
 * `patch`, extracting a compressed archive), cleanups, and pipes whose
 * failure the author handles with `||`.
 */
function endsHarmlessly(
  end: ShellCommand | undefined,
  text: string,
  limit: number,
): boolean {
  if (!end) return false;
  return rejectsBrokenInput(end) || cleansUp(end) || handled(end, text, limit);
}

/** The last command of the pipe a producer feeds: the next piped command that feeds no further. */
function pipeEnd(
  producer: ShellCommand,
  run: RunInstruction,
  text: string,
): ShellCommand | undefined {
  return run.script.commands.find(
    command =>
      command.start > producer.end &&
      command.inPipeline &&
      !feedsPipe(command, text, run.end),
  );
}

/** Local queries of the build machine that do not fail in practice: `dpkg --print-architecture | awk …`. */
const LOCAL_QUERIES: Record<string, RegExp | undefined> = {
  uname: undefined,
  nproc: undefined,
  arch: undefined,
  id: undefined,
  whoami: undefined,
  getconf: undefined,
  dpkg: /^--print-(architecture|foreign-architectures)$/,
  apk: /^--print-arch$/,
};

/**
 * True when the command runs inside `$(…)` assigned to a variable that the
 * RUN then checks, so that a failed producer leaves a value that is
 * rejected: a `[`/`test` compares it (`actual=$(sha256sum f | cut -d' ' -f1)
 * && [ "$actual" = "$expected" ]`, `x=$(ls … | head -1) && [ -n "$x" ]`), or
 * `apk add` pins a package to it (`V=$(awk … APKINDEX | sed …) && apk add
 * mariadb==$V`: apk refuses `mariadb==` and a version it does not have).
 */
function assignedAndChecked(
  command: ShellCommand,
  run: RunInstruction,
): boolean {
  const assignment = run.script.commands
    .filter(other => other.name === '' && other !== command)
    .flatMap(other => other.assignments)
    .find(
      candidate =>
        candidate.value !== undefined &&
        candidate.value.start < command.start &&
        command.end <= candidate.value.end,
    );
  if (!assignment) return false;
  // The variable itself, compared after the assignment: `"$actual" = …`, `-n "$x"`; not
  // `${X+x}` (is it set?) nor a longer word that merely mentions it.
  const itself = [`$${assignment.name}`, `\${${assignment.name}}`];
  const tested = run.script.commands.some(
    other =>
      other.start > assignment.end &&
      (other.name === '[' || other.name === 'test' || other.name === '[[') &&
      other.args.some(arg => itself.includes(arg.value)),
  );
  return tested || pinnedByApk(itself, assignment.end, run);
}

/** Whether an `apk add` after `after` pins a package's version to exactly the variable (`name==$V`, `name=${V}`, `name~$V`). */
function pinnedByApk(
  itself: string[],
  after: number,
  run: RunInstruction,
): boolean {
  return apkAdds(run).some(
    add =>
      add.command.start > after &&
      add.packages.some(pkg =>
        itself.includes(pkg.constraint?.replace(/^(==|=|~)/, '') ?? ''),
      ),
  );
}

/** True when what follows the pipe is `||`: its failure is handled (`… | xargs rmdir || true`). */
function handled(end: ShellCommand, text: string, limit: number): boolean {
  return /^(?:[ \t]|\\\r?\n)*\|\|/.test(text.slice(end.end, limit));
}

/** What can fail unseen: not a text builtin (`cat` with no file reads a heredoc), not a local query. */
function canFail(command: ShellCommand): boolean {
  if (CANNOT_FAIL.has(command.name)) return false;
  if (command.name === 'cat' && command.args.length === 0) return false;
  if (command.name in LOCAL_QUERIES) {
    const only = LOCAL_QUERIES[command.name];
    if (!only || command.args.some(arg => only.test(arg.value))) return false;
  }
  return true;
}

/** `find … | xargs rm -rf`: a cleanup, where a failed find only leaves files behind. */
function cleansUp(end: ShellCommand | undefined): boolean {
  return (
    end?.name === 'xargs' &&
    end.args.some(arg => /(^|\/)(rm|rmdir)$/.test(arg.value))
  );
}

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    if (run.form === 'exec' || !run.script.hasPipeline) return;
    // The commands whose failure the pipe hides. Not: the last command (its status is the pipe's),
    // pipes in if/while conditions (their status picks the branch on purpose), echo/printf producers,
    // local queries (`uname`, `dpkg --print-architecture`), pipes inside `$(…)` passed as an
    // argument (that status is never seen), pipes into a consumer that fails on the empty or
    // truncated input a failed producer leaves (`… | sha256sum -c -`, `curl … | tar -xz`) and
    // cleanups (`find … | xargs rm`).
    const producer = run.script.commands.find(
      command =>
        command.inPipeline &&
        !command.inCondition &&
        canFail(command) &&
        feedsPipe(command, context.text, run.end) &&
        !inArgumentSubstitution(command, run) &&
        !assignedAndChecked(command, run) &&
        !endsHarmlessly(
          pipeEnd(command, run, context.text),
          context.text,
          run.end,
        ),
    );
    if (!producer) return;
    const shell = stage.shellAt(run.line);
    if (!POSIX_SHELLS.test(shell[0] ?? '')) return;
    if (
      shell.some(
        (arg, index) =>
          arg === 'pipefail' && /^-[a-z]*o$/.test(shell[index - 1] ?? ''),
      )
    )
      return;
    const setsPipefail = commandsNamed(run, 'set').some(set =>
      set.args.some(arg => arg.value === 'pipefail'),
    );
    if (setsPipefail) return;
    const advice = stage.isAlpine
      ? 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]'
      : 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';
    context.report({
      at: producer,
      messageId: 'pipefail',
      data: { command: producer.name || 'this command', shell: advice },
    });
  },
});
