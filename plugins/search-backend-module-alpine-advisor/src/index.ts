/**
 * Backstage search collators for Alpine Advisor: rules and per-entity findings.
 *
 * @packageDocumentation
 */
export { searchModuleAlpineAdvisor as default } from './module';
export * from './collators';
