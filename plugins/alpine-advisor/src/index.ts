export { alpineAdvisorPlugin as default } from './plugin';
