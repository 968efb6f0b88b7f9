/**
 * Test helpers shared by the repository's bridge modules (Tech Insights,
 * RHDH Scorecard, search), which read the Alpine Advisor backend over HTTP.
 *
 * @packageDocumentation
 */

export {
  alpineAdvisorStandIn,
  standInEntity,
  STAND_IN_KNOWLEDGE_VERSION,
  type AlpineAdvisorStandIn,
  type AlpineAdvisorStandInOptions,
  type StandInEntity,
} from './alpineAdvisorStandIn';
