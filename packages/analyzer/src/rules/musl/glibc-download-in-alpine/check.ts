import {
  classifyDownload,
  isGlibcShimPackage,
  isJdkDownload,
  isOracleInstantClient,
} from '../../../knowledge';
import type { Locatable, RuleCheck } from '../../framework/types';
import { downloadUrls, isUrl, mentions } from '../../vocabulary';

export const check: RuleCheck = context => {
  const reportDownload = (url: string, at: Locatable) => {
    // JDKs, Oracle Instant Client and glibc shims have their own rules.
    if (
      isJdkDownload(url) ||
      isOracleInstantClient(url) ||
      isGlibcShimPackage(url)
    )
      return;
    const verdict = classifyDownload(url);
    if (!verdict) return;
    const file =
      url
        .replace(/[?#].*$/, '')
        .split('/')
        .pop() || url;
    context.report({
      at,
      severity: verdict.kind === 'glibc' ? 'error' : 'warning',
      message:
        verdict.kind === 'glibc'
          ? `\`${file}\` is ${verdict.reason}: it does not run on Alpine (musl)`
          : `\`${file}\` is ${verdict.reason}: check that it is statically linked, or use a musl build or \`apk add\``,
    });
  };
  return {
    RUN(run, stage) {
      if (!mentions(context.text, run, /:\/\/|\$/)) return;
      for (const { word, url } of downloadUrls(stage, run))
        reportDownload(url, word);
    },
    ADD(add) {
      for (const source of add.sources)
        if (isUrl(source.value)) reportDownload(source.value, source);
    },
  };
};
