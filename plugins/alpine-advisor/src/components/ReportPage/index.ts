export { AlpineAdvisorReportContent } from './AlpineAdvisorReportContent';
