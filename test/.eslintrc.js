module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // e2e (node:test + Playwright), bench, fuzz and load are root scripts run
      // by node directly: they print their results and import dev tooling.
      // Benchmarks and the fuzzer measure packages' internal modules (the
      // store, the fixer, test generators) that no package entry exports, so
      // they reach into the sources by path on purpose.
      files: ['e2e/**', 'bench/**', 'fuzz/**', 'load/**', 'resilience/**'],
      rules: {
        'no-console': 'off',
        '@backstage/no-undeclared-imports': 'off',
        '@backstage/no-relative-monorepo-imports': 'off',
      },
    },
    {
      // Compare what the CLI and the backend decide for the same files: they
      // drive the backend's per-Dockerfile analysis, scanner and source
      // readers, which no package entry exports, by path on purpose.
      files: [
        'knowledge/**',
        'facts/**',
        'integrations/repositoryLayoutAgreement.test.ts',
      ],
      rules: {
        '@backstage/no-relative-monorepo-imports': 'off',
      },
    },
  ],
});
