import type { Stage } from '../../model';
import { substituteVariables } from '../../model';
import type { RunInstruction } from '../../parse';
import type { ShellCommand, ShellWord } from '../../shell';

const EXPORTING_BUILTINS = new Set([
  'export',
  'declare',
  'typeset',
  'readonly',
  'local',
]);

/**
 * The value a variable has for one command of a RUN: its own prefix
 * assignment (`CGO_ENABLED=0 go build`), else the last `export NAME=…` or
 * bare `NAME=…` earlier in the same RUN, else ENV/ARG of the stage (and ENV
 * of the stages it builds FROM) before the RUN. Undefined when unset.
 */
export function variableForCommand(
  stage: Stage,
  run: RunInstruction,
  command: ShellCommand,
  name: string,
): string | undefined {
  const prefix = command.assignments.find(
    assignment => assignment.name === name,
  );
  if (prefix) return prefix.value?.value ?? '';
  let value = stage.env(name, run.line);
  for (const earlier of run.script.commands) {
    if (earlier.start >= command.start) break;
    const assigned = assignedValue(earlier, name);
    if (assigned !== undefined) value = assigned;
  }
  return value;
}

function assignedValue(
  command: ShellCommand,
  name: string,
): string | undefined {
  if (command.name === '') {
    const assignment = command.assignments.find(a => a.name === name);
    return assignment ? assignment.value?.value ?? '' : undefined;
  }
  if (!EXPORTING_BUILTINS.has(command.name)) return undefined;
  let value: string | undefined;
  for (const argument of command.args) {
    if (argument.value.startsWith(`${name}=`))
      value = argument.value.slice(name.length + 1);
  }
  return value;
}

/** Variable values are expanded this deep (`A="$B git"`, `B="$C"`…). */
const MAX_EXPANSION_DEPTH = 4;

const SINGLE_VARIABLE =
  /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;

/**
 * The words a shell word becomes when a command runs: `$BUILD_DEPS` → the
 * packages an ENV, ARG or earlier assignment of the RUN lists (split on
 * blanks, as the shell does unquoted), `py3-${NAME}` → one word. Undefined
 * when some part is not statically known (an ARG without default, `$(…)`,
 * a loop variable): callers must then not guess.
 */
export function expandWord(
  stage: Stage,
  run: RunInstruction,
  command: ShellCommand,
  word: ShellWord,
): string[] | undefined {
  if (word.literal || !word.value.includes('$')) return [word.value];
  const expanded = expandText(
    word.value,
    name => variableForCommand(stage, run, command, name),
    0,
  );
  if (expanded === undefined) return undefined;
  return expanded.split(/\s+/).filter(Boolean);
}

function expandText(
  text: string,
  lookup: (name: string) => string | undefined,
  depth: number,
): string | undefined {
  if (!text.includes('$')) return text;
  if (depth >= MAX_EXPANSION_DEPTH || /\$\(|`/.test(text)) return undefined;
  const single = SINGLE_VARIABLE.exec(text);
  if (single) {
    const value = lookup(single[1] ?? single[2]);
    return value === undefined
      ? undefined
      : expandText(value, lookup, depth + 1);
  }
  let unknown = false;
  const substituted = substituteVariables(text, name => {
    const value = lookup(name);
    if (value === undefined) {
      unknown = true;
      return undefined;
    }
    return expandText(value, lookup, depth + 1) ?? ((unknown = true), '');
  });
  return unknown || substituted.includes('$') ? undefined : substituted;
}
