import type { Stage } from '../../../model';
import type { RuleCheck } from '../../framework/types';
import {
  apkAdds,
  commandsNamed,
  installsPackage,
  mentions,
  stageChain,
} from '../../vocabulary';

function usesGnuLibiconv(stage: Stage): boolean {
  return (
    installsPackage(stage, name => name === 'gnu-libiconv') ||
    /preloadable_libiconv/.test(stage.env('LD_PRELOAD') ?? '')
  );
}

/** The official php images compile iconv against gnu-libiconv themselves. */
function isOfficialPhpImage(stage: Stage): boolean {
  const root = stageChain(stage).pop()!;
  return (
    root.image.name === 'php' &&
    !root.image.registry &&
    !root.image.repository.includes('/')
  );
}

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    if (!mentions(context.text, run, /iconv/) || usesGnuLibiconv(stage)) return;
    for (const iconv of commandsNamed(run, 'iconv')) {
      const translit = iconv.args.find(arg =>
        /\/\/(TRANSLIT|IGNORE)/i.test(arg.value),
      );
      if (translit) {
        context.report({
          at: translit,
          messageId: 'noTranslit',
          data: {
            suffix: /IGNORE/i.test(translit.value) ? '//IGNORE' : '//TRANSLIT',
          },
        });
      }
    }
    if (isOfficialPhpImage(stage)) return;
    for (const add of apkAdds(run)) {
      const phpIconv = add.packages.find(pkg =>
        /^php\d*-iconv$/.test(pkg.name),
      );
      if (phpIconv) {
        context.report({
          at: phpIconv.word,
          messageId: 'phpIconv',
          data: { package: phpIconv.name },
        });
      }
    }
  },
});
