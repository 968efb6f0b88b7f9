import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

const lockWith = (platforms: string[]) => ({
  files: [
    {
      path: 'Gemfile.lock',
      content: [
        'GEM',
        '  remote: https://rubygems.org/',
        '  specs:',
        '    nokogiri (1.16.7-x86_64-linux-gnu)',
        '      racc (~> 1.4)',
        '    racc (1.8.1)',
        '',
        'PLATFORMS',
        ...platforms.map(platform => `  ${platform}`),
        '',
        'BUNDLED WITH',
        '   2.5.22',
        '',
      ].join('\n'),
    },
  ],
});
const FROZEN =
  'FROM ruby:3.3-alpine\nENV BUNDLE_DEPLOYMENT=1\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\n';

testRule(rule, {
  valid: [
    { name: 'no context', code: FROZEN },
    {
      name: 'refuted: musl platform listed',
      code: FROZEN,
      context: lockWith(['x86_64-linux-gnu', 'x86_64-linux-musl']),
    },
    {
      name: 'generic linux covers either libc',
      code: FROZEN,
      context: lockWith(['x86_64-linux']),
    },
    {
      name: 'a glibc image',
      code: 'FROM ruby:3.3-slim\nRUN bundle install\n',
      context: lockWith(['x86_64-linux-gnu']),
    },
  ],
  invalid: [
    {
      name: 'frozen install, glibc and macOS only',
      code: FROZEN,
      context: lockWith(['arm64-darwin-23', 'x86_64-linux-gnu']),
      errors: [
        {
          line: 4,
          severity: 'error',
          messageContains:
            'confirmed by Gemfile.lock: PLATFORMS lists arm64-darwin-23, x86_64-linux-gnu',
          evidence: { source: 'Gemfile.lock', verdict: 'confirmed' },
        },
      ],
    },
    {
      name: 'unfrozen install re-resolves',
      code: 'FROM ruby:3.3-alpine\nRUN bundle install --jobs 4\n',
      context: lockWith(['x86_64-linux-gnu']),
      errors: [
        { line: 2, severity: 'warning', messageContains: 're-resolves' },
      ],
    },
  ],
});
