import type { Stage } from '../../../model';
import type { RuleCheck } from '../../framework/types';

/** A stage whose distribution nothing told: not in the catalog, no package manager, no parent that knows. */
function undecided(stage: Stage): boolean {
  return stage.distroDecision.decidedBy === 'unknown';
}

export const check: RuleCheck = context => ({
  file(model) {
    if (model.stages.length === 0 || model.usesAlpine) return;
    // A FROM without an image is a parse error already: it names no base here.
    const named = model.stages.filter(stage => stage.image.text !== '');
    const unknown = [
      ...new Set(
        named
          .filter(stage => !stage.parent && undecided(stage))
          .map(stage => stage.image.text),
      ),
    ];
    if (unknown.length > 0) {
      // Saying "no stage is Alpine" would be a guess: say what we could not tell.
      context.report({
        at: model.stages[0].from,
        messageId: unknown.length === 1 ? 'undecidedOne' : 'undecidedMany',
        data: { images: unknown.map(image => `\`${image}\``).join(', ') },
      });
      return;
    }
    const bases = [
      ...new Set(named.map(stage => `${stage.image.text} (${stage.distro})`)),
    ];
    context.report({
      at: model.stages[0].from,
      messageId: bases.length > 0 ? 'noAlpineListed' : 'noAlpine',
      data: { bases: bases.join(', ') },
    });
  },
});
