/**
 * Tech Insights fact retriever for Alpine Advisor: each entity's Dockerfile
 * score, grade, finding counts, breaking musl risks and end-of-life Alpine
 * releases as facts, with JSON-rules checks platform teams can reuse.
 *
 * @packageDocumentation
 */

export { techInsightsModuleAlpineAdvisor as default } from './module';
export * from './facts';
export * from './checks';
export { alpineAdvisorFactRetriever } from './retriever';
