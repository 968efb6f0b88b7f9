export { alpineAdvisorApiRef } from './AlpineAdvisorApiRef';
