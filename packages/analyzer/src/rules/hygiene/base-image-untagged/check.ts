import type { DockerfileModel } from '../../../model';
import { substituteVariables } from '../../../model';
import { isDockerHubLibraryImage } from '../../../knowledge';
import type { FromInstruction } from '../../../parse';
import type { RuleCheck } from '../../framework/types';

/** ARGs BuildKit defines for every build: they are never empty, even undeclared. */
const AUTOMATIC_ARGS = new Set([
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
]);

/**
 * For a reference with variables no ARG default resolves: the reference as
 * Docker would see it when it names no tag whatever the variables hold
 * (`${REGISTRY}/ubuntu`; `alpine$TAG` when no ARG declares TAG, which then
 * expands to nothing), else undefined.
 */
function untaggedWhateverTheVariables(
  from: FromInstruction,
  model: DockerfileModel,
): string | undefined {
  const text = substituteVariables(from.imageText, name =>
    model.globalArgs.has(name) || AUTOMATIC_ARGS.has(name)
      ? model.globalArgs.get(name)
      : '',
  );
  const name = text.slice(text.lastIndexOf('/') + 1);
  return name && !/[$:@]/.test(name) ? text : undefined;
}

export const check: RuleCheck = context => ({
  FROM(from, stage) {
    if (from.onbuild || stage.parent || stage.distro === 'scratch') return;
    const { image } = stage;
    if (image.unresolved) {
      const text = untaggedWhateverTheVariables(from, context.model);
      if (text === undefined) return;
      context.report({
        at: from.imageToken ?? from,
        messageId: 'untaggedWhatever',
        data: { image: text },
      });
      return;
    }
    if (image.tag || image.digest || !image.repository) return;
    // A one-word name that is no Docker Official Image (`FROM base`, `FROM bats-jenkins`) is an
    // image this pipeline builds locally or a named build context: it has no registry tag to pin.
    const oneWord =
      !image.registry &&
      (!image.repository.includes('/') ||
        /^library\/[^/]+$/.test(image.repository));
    if (oneWord && !isDockerHubLibraryImage(image.repository)) return;
    context.report({
      at: from.imageToken ?? from,
      messageId:
        image.text !== from.imageText ? 'untaggedResolved' : 'untagged',
      data: { image: image.text, written: from.imageText },
    });
  },
});
