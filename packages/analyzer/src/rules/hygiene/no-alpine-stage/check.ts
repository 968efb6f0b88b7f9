import type { RuleCheck } from '../../framework/types';

export const check: RuleCheck = context => ({
  file(model) {
    if (model.stages.length === 0 || model.usesAlpine) return;
    // A FROM without an image is a parse error already: it names no base here.
    const bases = [
      ...new Set(
        model.stages
          .filter(stage => stage.image.text !== '')
          .map(stage => `${stage.image.text} (${stage.distro})`),
      ),
    ];
    const named = bases.length > 0 ? ` (${bases.join(', ')})` : '';
    context.report({
      at: model.stages[0].from,
      message: `no stage is based on Alpine${named}: only hygiene rules applied`,
    });
  },
});
