import type { RuleCheck } from '../../framework/types';
import { commandsNamed, positionalArgs, shippedStages } from '../../vocabulary';

const CACHE_TARGET =
  /(\.npm|\.yarn|yarn-cache|\.cache\/yarn|\.pnpm-store|npm-cache)/;

export const check: RuleCheck = context => {
  const shipped = new Set(shippedStages(context.model));
  return {
    RUN(run, stage) {
      if (!shipped.has(stage)) return;
      if (
        run.mounts.some(
          mount =>
            mount.type === 'cache' && CACHE_TARGET.test(mount.target ?? ''),
        )
      )
        return;
      const cleans = (tool: string) =>
        commandsNamed(run, tool).some(
          c =>
            positionalArgs(c)[0]?.value === 'cache' &&
            /^(clean|rm|purge)$/.test(positionalArgs(c)[1]?.value ?? ''),
        );
      for (const npm of commandsNamed(run, 'npm')) {
        const sub = positionalArgs(npm)[0]?.value;
        if (
          (sub === 'ci' || sub === 'install' || sub === 'i') &&
          !cleans('npm')
        ) {
          context.report({
            at: npm,
            message: `\`npm ${sub}\` leaves the npm cache in the image: add \`&& npm cache clean --force\``,
          });
        }
      }
      for (const yarn of commandsNamed(run, 'yarn')) {
        const sub = positionalArgs(yarn)[0]?.value;
        if ((sub === undefined || sub === 'install') && !cleans('yarn')) {
          context.report({
            at: yarn,
            message:
              '`yarn install` leaves the yarn cache in the image: add `&& yarn cache clean`',
          });
        }
      }
    },
  };
};
