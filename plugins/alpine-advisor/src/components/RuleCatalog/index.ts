export { AlpineAdvisorRulesContent } from './AlpineAdvisorRulesContent';
