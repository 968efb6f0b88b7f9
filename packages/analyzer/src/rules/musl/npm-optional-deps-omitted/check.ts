import type { RunInstruction } from '../../../parse';
import type { ShellWord } from '../../../shell';
import type { Locatable, RuleCheck, RuleFix } from '../../framework/types';
import { mentions, replace } from '../../vocabulary';
import { isNodeInstall } from '../nodeInstalls';

const DROPS_OPTIONAL =
  /^(--omit=optional|--no-optional|--ignore-optional|--no-optional-dependencies)$/;

/** Where `glibc` is written in `--libc=glibc` or `--libc glibc` starting at args[i]. */
function glibcLibcValue(args: ShellWord[], i: number): Locatable | undefined {
  const word = args[i];
  const holder = word.value === '--libc' ? args[i + 1] : word;
  const value =
    word.value === '--libc'
      ? holder?.value
      : /^--libc=(.*)$/.exec(word.value)?.[1];
  if (!holder || !value || !/^(glibc|gnu)$/.test(value)) return undefined;
  const offset = holder.text.lastIndexOf(value);
  return offset === -1
    ? undefined
    : {
        start: holder.start + offset,
        end: holder.start + offset + value.length,
      };
}

export const check: RuleCheck = context => {
  /** Removes a word and the blank before it; the JSON exec form is left alone. */
  const removal = (
    run: RunInstruction,
    words: ShellWord[],
    description: string,
  ): RuleFix | undefined => {
    if (run.form === 'exec') return undefined;
    let start = words[0].start;
    while (
      start > 0 &&
      (context.text[start - 1] === ' ' || context.text[start - 1] === '\t')
    )
      start--;
    return {
      description,
      edits: [{ start, end: words[words.length - 1].end, text: '' }],
    };
  };
  return {
    RUN(run) {
      if (!mentions(context.text, run, /npm|yarn|pnpm/)) return;
      for (const install of run.script.commands.filter(isNodeInstall)) {
        const { args } = install;
        for (let i = 0; i < args.length; i++) {
          const word = args[i];
          const separateOmit =
            word.value === '--omit' && args[i + 1]?.value === 'optional';
          if (DROPS_OPTIONAL.test(word.value) || separateOmit) {
            const words = separateOmit ? [word, args[i + 1]] : [word];
            context.report({
              at: word,
              messageId: 'optionalOmitted',
              data: { flags: words.map(w => w.value).join(' ') },
              fix: removal(
                run,
                words,
                `Remove ${words.map(w => w.value).join(' ')}`,
              ),
            });
          }
          const glibcValue = glibcLibcValue(args, i);
          if (glibcValue) {
            context.report({
              at: word,
              severity: 'error',
              messageId: 'glibcFlag',
              fix: {
                description: 'Install for musl',
                edits: [replace(glibcValue, 'musl')],
              },
            });
          }
        }
      }
    },
    ENV(env) {
      if (env.keyword !== 'ENV') return;
      for (const pair of env.pairs) {
        const name = pair.name.toLowerCase();
        if (
          (name === 'npm_config_omit' && /optional/.test(pair.value ?? '')) ||
          (name === 'npm_config_optional' && pair.value === 'false')
        ) {
          context.report({
            at: pair,
            messageId: 'optionalOmittedByEnv',
            data: { name: pair.name, value: String(pair.value) },
          });
        } else if (
          name === 'npm_config_libc' &&
          /^(glibc|gnu)$/.test(pair.value ?? '')
        ) {
          context.report({
            at: pair,
            severity: 'error',
            messageId: 'glibcByEnv',
            data: { name: pair.name, value: String(pair.value) },
          });
        }
      }
    },
  };
};
