import { compareVersions } from '../../../model';
import type { RuleCheck } from '../../framework/types';

const THIRTY_TWO_BIT_PLATFORM = /^linux\/(386|arm(\/v[67])?)$/;
const THIRTY_TWO_BIT_REPOSITORY = /^(i386|arm32v6|arm32v7|armhf)\//;

export const check: RuleCheck = context => ({
  FROM(from, stage) {
    if (from.onbuild || stage.parent) return;
    const platform =
      from.platform && THIRTY_TWO_BIT_PLATFORM.test(from.platform)
        ? from.platform
        : undefined;
    const repository = THIRTY_TWO_BIT_REPOSITORY.exec(
      stage.image.repository,
    )?.[1];
    if (!platform && !repository) return;
    // A bare tag is the current release, which is time64 too.
    if (stage.alpineRelease && compareVersions(stage.alpineRelease, '3.13') < 0)
      return;
    context.report({
      at: from,
      messageId: stage.alpineRelease ? 'time64' : 'time64NoRelease',
      data: {
        release: stage.alpineRelease ?? '',
        platform: platform ?? repository ?? '',
      },
    });
  },
});
