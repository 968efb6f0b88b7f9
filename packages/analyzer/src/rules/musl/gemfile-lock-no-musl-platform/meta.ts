import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'gemfile-lock-no-musl-platform',
  title: 'Gemfile.lock has no musl platform for bundle install on Alpine',
  category: 'musl',
  severity: 'error',
  remediation:
    'Add the Alpine platforms to the lockfile and commit it: `bundle lock --add-platform x86_64-linux-musl aarch64-linux-musl`.',
  references: [
    'https://bundler.io/man/bundle-lock.1.html#SUPPORTING-OTHER-PLATFORMS',
    'https://nokogiri.org/tutorials/installing_nokogiri.html#supported-platforms',
  ],
  aliases: [],
  fixable: false,
  messages: {
    frozen:
      'confirmed by {{file}}: PLATFORMS lists {{platforms}}, no musl platform, so a frozen `bundle install` on Alpine stops ("Your bundle only supports platforms … but your local platform is x86_64-linux-musl"){{natives}}',
    resolves:
      '{{file}} lists PLATFORMS {{platforms}}, no musl platform: `bundle install` on Alpine re-resolves the lockfile instead of installing it{{natives}}',
  },
  scope: 'alpine',
};
