// One-way flow (issue #13): the analyzer is a library of its own, used by the
// CLI and the Backstage plugins; it never imports Backstage.
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
                group: ['@backstage/*', '@alpine-advisor/backstage-*'],
                message:
                  'The analyzer never imports Backstage or the plugins: they import it.',
              },
            ],
          },
        ],
      },
    },
  ],
});
