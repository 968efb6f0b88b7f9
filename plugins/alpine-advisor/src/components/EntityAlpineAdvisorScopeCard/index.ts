export { EntityAlpineAdvisorScopeCard } from './EntityAlpineAdvisorScopeCard';
export type { EntityAlpineAdvisorScopeCardProps } from './EntityAlpineAdvisorScopeCard';
