import type { RuleCheck } from '../../framework/types';
import { mentions, wordsOf } from '../../vocabulary';

/** resolv.conf options glibc knows and musl ignores. */
const GLIBC_ONLY_OPTIONS =
  /\b(single-request-reopen|single-request|rotate|use-vc|edns0|no-tld-query|trust-ad|inet6|no-check-names|no-reload|no-aaaa)\b/;

export const check: RuleCheck = context => ({
  RUN(run) {
    if (!mentions(context.text, run, /resolv\.conf/)) return;
    const words = wordsOf(run);
    if (!words.some(word => word.value.includes('/etc/resolv.conf'))) return;
    const option = words.find(word => GLIBC_ONLY_OPTIONS.test(word.value));
    if (!option) return;
    const name = GLIBC_ONLY_OPTIONS.exec(option.value)![1];
    context.report({
      at: option,
      messageId: 'glibcOnlyOption',
      data: { option: name },
    });
  },
});
