export { AlpineAdvisorCampaignsContent } from './AlpineAdvisorCampaignsContent';
