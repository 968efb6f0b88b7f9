import { glibcPathIn } from '../../../knowledge';
import type { Locatable, RuleCheck } from '../../framework/types';
import { mentions, wordsOf } from '../../vocabulary';

export const check: RuleCheck = context => {
  const report = (at: Locatable, path: string, what: string) =>
    context.report({
      at,
      messageId: 'glibcPath',
      data: { path, what },
    });
  return {
    RUN(run) {
      if (!mentions(context.text, run, /ld-linux|lib64|libc\.so\.6|-linux-gnu/))
        return;
      const word = wordsOf(run).find(candidate => glibcPathIn(candidate.value));
      if (word) report(word, word.value, glibcPathIn(word.value)!);
    },
    ENV(env) {
      if (env.keyword !== 'ENV') return;
      const pair = env.pairs.find(candidate =>
        glibcPathIn(candidate.value ?? ''),
      );
      if (pair) report(pair, pair.value!, glibcPathIn(pair.value!)!);
    },
    COPY(copy) {
      // Copies from glibc stages are judged by glibc-binary-into-alpine.
      if (copy.from) return;
      const token = [
        ...copy.sources,
        ...(copy.destination ? [copy.destination] : []),
      ].find(candidate => glibcPathIn(candidate.value));
      if (token) report(token, token.value, glibcPathIn(token.value)!);
    },
  };
};
