// One-way flow (issue #13): -common holds the API contract generated from the
// backend's OpenAPI spec, shared by the frontend and backends; it imports
// neither the analyzer nor backend code, so the frontend installs neither.
// The rule is shared with the frontend plugin (eslint/oneWayFlow.js).
const { noAnalyzerOrBackendImports } = require('../../eslint/oneWayFlow');

module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    noAnalyzerOrBackendImports(
      '-common is the contract, generated from openapi.yaml: it imports neither the analyzer nor backend code.',
    ),
  ],
});
