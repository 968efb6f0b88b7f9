export { EntityAlpineAdvisorCard } from './EntityAlpineAdvisorCard';
export type { EntityAlpineAdvisorCardProps } from './EntityAlpineAdvisorCard';
