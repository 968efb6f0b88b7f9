/**
 * Red Hat Developer Hub Scorecard metric providers for Alpine Advisor: each
 * entity's Dockerfile score and breaking musl libc risks, with thresholds.
 *
 * @packageDocumentation
 */

export { scorecardModuleAlpineAdvisor as default } from './module';
export {
  ALPINE_ADVISOR_SCORECARD_DATASOURCE,
  alpineAdvisorMetrics,
  alpineAdvisorMetricThresholds,
  createAlpineAdvisorMetricProviders,
} from './providers';
