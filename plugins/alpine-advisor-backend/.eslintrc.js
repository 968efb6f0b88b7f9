// One-way flow inside the backend (issue #13): the store only stores, and a
// report read only reads what a scan stored. The analyzer is used by the
// scanner (and the knowledge re-score), never by src/database; the report
// service may name its types (to map them) but runs none of its code.
const analyzer = '@alpine-advisor/analyzer';

module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      files: ['src/database/**'],
      // Tests seed the store through the scanner and read it through the service.
      excludedFiles: ['**/*.test.*'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: [
              {
                name: analyzer,
                message:
                  'The store only stores: map analyzer results in the scanner, report rows in service/report.',
              },
            ],
            patterns: [
              {
                group: ['**/scanner/**'],
                allowTypeImports: true,
                message:
                  "The store records the scanner's domain types (type imports) but runs none of its code.",
              },
              {
                group: ['**/knowledge/**', '**/service/**', '**/scheduler/**'],
                message:
                  'The store is the bottom room: other rooms import it, not the other way round.',
              },
            ],
          },
        ],
      },
    },
    {
      files: ['src/service/report/**'],
      excludedFiles: ['**/*.test.*'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: [
              {
                name: analyzer,
                allowTypeImports: true,
                message:
                  'A report read runs no analyzer code: fix diffs and findings are computed at scan time.',
              },
            ],
            patterns: [
              {
                group: ['**/scanner/**'],
                message: 'A report read runs no scanner code.',
              },
            ],
          },
        ],
      },
    },
  ],
});
