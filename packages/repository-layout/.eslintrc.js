// One-way flow (issue #13): the repository layout is shared by the CLI and the
// Backstage backend; like the analyzer it depends on, it never imports Backstage.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      files: ['**/*.ts', '**/*.js', '**/*.mjs'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: [
                  '@backstage/*',
                  '@alpine-advisor/backstage-*',
                  '@alpine-advisor/cli',
                ],
                message:
                  'The repository layout never imports Backstage, the plugins or the CLI: they import it.',
              },
            ],
          },
        ],
      },
    },
  ],
});
