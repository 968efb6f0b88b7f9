// One-way flow (issue #13): the frontend takes its data shapes from -common
// (generated from the backend's OpenAPI spec) and talks to the backend over
// HTTP; it imports neither the analyzer nor backend code, so installing the
// plugin installs neither. The rule is shared with -common
// (eslint/oneWayFlow.js).
const { noAnalyzerOrBackendImports } = require('../../eslint/oneWayFlow');

module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    noAnalyzerOrBackendImports(
      "The frontend imports -common only: the API's types are generated from openapi.yaml into @alpine-advisor/backstage-plugin-common.",
    ),
  ],
});
