export { AlpineAdvisorPage } from './AlpineAdvisorPage';
