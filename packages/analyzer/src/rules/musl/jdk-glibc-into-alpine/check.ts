import type { CopyEdge } from '../../../model';
import { imagePath } from '../../../model';
import {
  FIRST_JDK_WITH_MUSL_PORT,
  isJdkDownload,
  isJdkImage,
  isJdkPath,
  javaMajorOfTag,
} from '../../../knowledge';
import type { Locatable, Problem, RuleCheck } from '../../framework/types';
import {
  downloadUrls,
  isUrl,
  mentions,
  pathsOverlap,
  stageChain,
} from '../../vocabulary';
import { jlinkOutputs } from '../builders';
import {
  describeSource,
  glibcCopiesInto,
  sourceChain,
  sourcePaths,
} from '../crossLibc';

const MUSL_BUILD = /alpine|musl/i;

export const check: RuleCheck = context => {
  const reportDownload = (url: string, at: Locatable) => {
    if (!isJdkDownload(url) || MUSL_BUILD.test(url)) return;
    const file =
      url
        .replace(/[?#].*$/, '')
        .split('/')
        .pop() || url;
    context.report({
      at,
      messageId: 'glibcDownload',
      data: { file },
    });
  };
  return {
    stage(stage) {
      for (const edge of glibcCopiesInto(stage)) {
        const chain = sourceChain(edge);
        const runtimes = chain.length > 0 ? jlinkOutputs(chain[0]) : [];
        const copied = sourcePaths(edge).find(
          path =>
            isJdkPath(path) ||
            runtimes.some(runtime => pathsOverlap(runtime, path)),
        );
        if (!copied) continue;
        context.report({
          at: edge.instruction,
          ...copyMessage(edge, copied),
        });
      }
    },
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

function copyMessage(
  edge: CopyEdge,
  path: string,
): Pick<Problem, 'messageId' | 'data'> {
  const major = javaMajor(edge);
  const noMuslPort = major !== undefined && major < FIRST_JDK_WITH_MUSL_PORT;
  return {
    messageId: noMuslPort ? 'glibcCopyNoMuslPort' : 'glibcCopy',
    data: {
      path,
      source: describeSource(edge),
      major: major ?? '',
      firstMuslPort: FIRST_JDK_WITH_MUSL_PORT,
    },
  };
}

/** The Java major of the JDK image the source is (or builds FROM), when its tag says. */
function javaMajor(edge: CopyEdge): number | undefined {
  const image =
    edge.source.image ??
    (edge.source.stage
      ? stageChain(edge.source.stage).pop()!.image
      : undefined);
  return image && isJdkImage(imagePath(image))
    ? javaMajorOfTag(image.tag)
    : undefined;
}
