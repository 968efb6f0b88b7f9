module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  // e2e (node:test + Playwright), bench and fuzz are root scripts with their
  // own runners, not part of this package's Jest suites.
  ignorePatterns: ['e2e/', 'bench/', 'fuzz/'],
});
