import type { RuleCheck } from '../../framework/types';

export const check: RuleCheck = context => ({
  file(model) {
    if (model.stages.length === 0 || model.usesAlpine) return;
    const bases = [...new Set(model.stages.map(stage => `${stage.image.text} (${stage.distro})`))];
    context.report({
      at: model.stages[0].from,
      message: `no stage is based on Alpine (${bases.join(', ')}): only hygiene rules applied`,
    });
  },
});
