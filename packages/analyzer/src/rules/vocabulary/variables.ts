import type { Stage } from '../../model';
import type { RunInstruction } from '../../parse';
import type { ShellCommand } from '../../shell';

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
