// One-way flow (issue #13), shared by the packages on the contract's side:
// the frontend plugin and -common take the API's shapes from -common
// (generated from the backend's openapi.yaml) and talk to the backend over
// HTTP, so they import neither the analyzer nor backend code, and installing
// them installs neither. Each package's .eslintrc.js adds this override with
// a message in its own words; the rule itself is written once, here.

/** The `no-restricted-imports` override that keeps a package off the analyzer and the backend. */
function noAnalyzerOrBackendImports(message) {
  return {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@alpine-advisor/analyzer', message },
            { name: '@alpine-advisor/backstage-plugin-backend', message },
            { name: '@alpine-advisor/backstage-plugin-node', message },
          ],
          patterns: [
            {
              group: [
                '@alpine-advisor/analyzer/*',
                '@alpine-advisor/backstage-plugin-backend/*',
                '@alpine-advisor/backstage-plugin-node/*',
                '**/packages/analyzer/**',
                '**/alpine-advisor-backend/**',
                '**/alpine-advisor-node/**',
              ],
              message,
            },
          ],
        },
      ],
    },
  };
}

module.exports = { noAnalyzerOrBackendImports };
