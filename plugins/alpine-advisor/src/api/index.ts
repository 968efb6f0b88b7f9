export { alpineAdvisorApiRef } from './AlpineAdvisorApiRef';
export { createAlpineAdvisorClient } from './createAlpineAdvisorClient';
