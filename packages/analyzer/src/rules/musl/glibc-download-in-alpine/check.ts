import {
  classifyDownload,
  isGlibcShimPackage,
  isJdkDownload,
  isOracleInstantClient,
} from '../../../knowledge';
import type { Locatable, RuleCheck } from '../../framework/types';
import {
  downloadUrls,
  isUrl,
  mentions,
  stagesFeedingMuslImages,
} from '../../vocabulary';

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
      // A generic `linux-amd64` name is no evidence of glibc: on public Alpine images most such
      // downloads are Go programs released statically. Advice to check, not a warning.
      severity: verdict.kind === 'glibc' ? 'error' : 'info',
      messageId: verdict.kind === 'glibc' ? 'glibcDownload' : 'checkDownload',
      data: { file, reason: verdict.reason },
    });
  };
  return {
    RUN(run, stage) {
      if (!mentions(context.text, run, /:\/\/|\$/)) return;
      // Downloaded in a stage that only feeds glibc images: never runs on musl after the build.
      if (!stagesFeedingMuslImages(context.model).has(stage)) return;
      for (const { word, url } of downloadUrls(stage, run))
        reportDownload(url, word);
    },
    ADD(add, stage) {
      if (!stagesFeedingMuslImages(context.model).has(stage)) return;
      for (const source of add.sources)
        if (isUrl(source.value)) reportDownload(source.value, source);
    },
  };
};
