import type {
  ShellAssignment,
  ShellCommand,
  ShellRedirect,
  ShellWord,
} from './types';
import { commandBaseName, shellWord } from './words';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)\+?=/;

/** Collects the words of one simple command, then freezes it into a ShellCommand. */
export class CommandBuilder {
  private readonly argv: ShellWord[] = [];
  private readonly assignments: ShellAssignment[] = [];
  private readonly redirects: ShellRedirect[] = [];
  private start = -1;
  private end = -1;
  inPipeline = false;
  inCondition = false;

  get hasCommandName(): boolean {
    return this.argv.length > 0;
  }

  get isEmpty(): boolean {
    return this.start === -1;
  }

  /** Adds a word; words before the command name that look like `NAME=…` are assignments. */
  addWord(text: string, start: number): void {
    this.extend(start, start + text.length);
    const assignment = this.argv.length === 0 ? ASSIGNMENT.exec(text) : null;
    if (assignment) {
      const valueText = text.slice(assignment[0].length);
      this.assignments.push({
        name: assignment[1],
        value: shellWord(valueText, start + assignment[0].length),
        start,
        end: start + text.length,
      });
      return;
    }
    this.argv.push(shellWord(text, start));
  }

  addRedirect(
    operator: string,
    target: string,
    targetStart: number,
    operatorStart: number,
  ): void {
    this.extend(operatorStart, targetStart + target.length);
    this.redirects.push({ operator, target: shellWord(target, targetStart) });
  }

  build(): ShellCommand {
    const name =
      this.argv.length > 0 ? commandBaseName(this.argv[0].value) : '';
    return {
      name,
      argv: this.argv,
      args: this.argv.slice(1),
      assignments: this.assignments,
      redirects: this.redirects,
      inPipeline: this.inPipeline,
      inCondition: this.inCondition,
      start: this.start,
      end: this.end,
    };
  }

  private extend(start: number, end: number): void {
    if (this.start === -1) this.start = start;
    this.end = Math.max(this.end, end);
  }
}
