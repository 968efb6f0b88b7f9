import type { Stage } from '../../../model';
import { compareVersions } from '../../../model';
import type { RuleCheck } from '../../framework/types';
import { insertAfter, stageChain, wordsOf } from '../../vocabulary';
import { goBuilds } from '../builders';

/** The first Go release that reads /etc/hosts first when nsswitch.conf is missing. */
const GO_WITH_FILES_FIRST = '1.16';

/** `1.15.6-alpine3.12` → `1.15`, for a stage rooted in the golang image. */
function goVersionOf(stage: Stage): string | undefined {
  const root = stageChain(stage).pop()!;
  if (root.image.name !== 'golang') return undefined;
  return /^(\d+\.\d+)/.exec(root.image.tag ?? '')?.[1];
}

function writesNsswitch(stage: Stage): boolean {
  return stageChain(stage).some(
    current =>
      current.runs.some(run =>
        wordsOf(run).some(word => word.value.includes('/etc/nsswitch.conf')),
      ) ||
      current.copies.some(copy =>
        (copy.destination?.value ?? '').includes('nsswitch.conf'),
      ),
  );
}

export const check: RuleCheck = context => ({
  file(model) {
    const runtime = model.finalStage;
    // Only images from the golang repository tell their Go version.
    if (!runtime?.isAlpine || !context.text.includes('golang')) return;
    const builders = [
      ...runtime.copyEdges
        .filter(edge => edge.source.stage)
        .map(edge => ({ stage: edge.source.stage!, at: edge.instruction })),
      { stage: runtime, at: runtime.from },
    ];
    for (const { stage, at } of builders) {
      const version = goVersionOf(stage);
      if (
        !version ||
        compareVersions(version, GO_WITH_FILES_FIRST) >= 0 ||
        goBuilds(stage).length === 0
      )
        continue;
      if (writesNsswitch(runtime)) return;
      const lastInstruction = runtime.instructions.at(-1) ?? runtime.from;
      context.report({
        at,
        messageId: 'nsswitchMissing',
        data: { version, filesFirst: GO_WITH_FILES_FIRST },
        fix: {
          description: 'Write /etc/nsswitch.conf with "hosts: files dns"',
          edits: [
            insertAfter(
              lastInstruction,
              '\nRUN echo "hosts: files dns" > /etc/nsswitch.conf',
            ),
          ],
        },
      });
      return;
    }
  },
});
