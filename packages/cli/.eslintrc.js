// The published CLI is one bundle (scripts/bundle.mjs) with the analyzer and
// every library inside it, so the package has no runtime dependencies: what
// src/ imports is a devDependency, which the usual rule would refuse.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    '@backstage/no-undeclared-imports': 'off',
  },
});
