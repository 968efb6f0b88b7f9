import type { Stage } from '../../../model';
import type { RuleCheck } from '../../framework/types';
import { installsPackage } from '../../vocabulary';

const UTC = /^(utc|etc\/utc|utc0|gmt|etc\/gmt|z)?$/i;

function hasTzdata(stage: Stage): boolean {
  return installsPackage(stage, name => name === 'tzdata');
}

export const check: RuleCheck = context => ({
  ENV(env, stage) {
    if (env.keyword !== 'ENV') return;
    for (const pair of env.pairs) {
      if (pair.name !== 'TZ' || UTC.test(pair.value ?? '') || hasTzdata(stage))
        continue;
      context.report({
        at: pair,
        messageId: 'tzNoEffect',
        data: { value: pair.value ?? '' },
      });
    }
  },
  RUN(run, stage) {
    for (const command of run.script.commands) {
      const zoneFile = command.args.find(arg =>
        arg.value.startsWith('/usr/share/zoneinfo/'),
      );
      if (
        (command.name === 'ln' || command.name === 'cp') &&
        zoneFile &&
        !hasTzdata(stage)
      ) {
        context.report({
          at: command,
          messageId: 'zoneFileMissing',
          data: { path: zoneFile.value },
        });
      }
    }
  },
});
