export { EntityAlpineAdvisorScopeContent } from './EntityAlpineAdvisorScopeContent';
