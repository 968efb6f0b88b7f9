export { EntityAlpineAdvisorContent } from './EntityAlpineAdvisorContent';
