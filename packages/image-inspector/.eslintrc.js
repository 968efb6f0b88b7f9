// One-way flow (issue #13): the image inspector is shared by the CLI and, later,
// the backend; like the analyzer it never imports Backstage.
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
                  'The image inspector never imports Backstage, the plugins or the CLI: they import it.',
              },
            ],
          },
        ],
      },
    },
  ],
});
