import type { Stage } from '../../model';
import { substituteVariables } from '../../model';
import type { RunInstruction } from '../../parse';
import type { ShellWord } from '../../shell';
import { memoizeByNode } from './memo';
import { variableForCommand } from './variables';

const URL = /^(https?|ftp):\/\//i;

/**
 * Every word a RUN executes or assigns: command words, prefix assignment
 * values and redirect targets. Memoized per RUN: do not mutate the result.
 */
export const wordsOf: (run: RunInstruction) => ShellWord[] =
  memoizeByNode(collectWords);

function collectWords(run: RunInstruction): ShellWord[] {
  const words: ShellWord[] = [];
  for (const command of run.script.commands) {
    words.push(...command.argv);
    for (const assignment of command.assignments)
      if (assignment.value) words.push(assignment.value);
    for (const redirect of command.redirects) words.push(redirect.target);
  }
  return words;
}

/** Words of a RUN that are URLs (`curl -fsSLO https://…`, `wget …`, `pip install https://…`, `apk add https://…`). */
export function urlArguments(run: RunInstruction): ShellWord[] {
  return run.script.commands.flatMap(command =>
    command.args.filter(arg => URL.test(arg.value)),
  );
}

/** True when the text is an http(s)/ftp URL. */
export function isUrl(text: string): boolean {
  return URL.test(text);
}

/** A URL argument with ENV/ARG/shell variables expanded (`"${JRE_URL}"` → the ARG's default). */
export interface DownloadUrl {
  word: ShellWord;
  url: string;
}

/**
 * URL arguments of a RUN after expanding the variables the stage and the
 * RUN define; a word becomes a URL only once expanded (`curl -o x "$URL"`).
 */
export function downloadUrls(stage: Stage, run: RunInstruction): DownloadUrl[] {
  const urls: DownloadUrl[] = [];
  for (const command of run.script.commands) {
    for (const word of command.args) {
      const url = word.value.includes('$')
        ? substituteVariables(word.value, name =>
            variableForCommand(stage, run, command, name),
          )
        : word.value;
      if (URL.test(url)) urls.push({ word, url });
    }
  }
  return urls;
}

/**
 * A cheap first look: whether the instruction's source text matches a
 * pattern. Rules use it to skip instructions that cannot concern them before
 * walking shell words (the text includes comments and quotes, so it may
 * match when the words do not, never the other way round).
 */
export function mentions(
  text: string,
  instruction: { start: number; end: number },
  pattern: RegExp,
): boolean {
  return pattern.test(text.slice(instruction.start, instruction.end));
}
