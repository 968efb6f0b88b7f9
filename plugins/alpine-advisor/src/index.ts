/**
 * Alpine Advisor for Backstage: an entity card, an entity tab with
 * remediation, a card and a tab for teams, systems and domains, and an
 * org-wide report of Dockerfile health (Alpine practices
 * and musl libc risks). This entry point serves the legacy frontend system;
 * the new frontend system's plugin is the default export of `/alpha`.
 *
 * @packageDocumentation
 */
export {
  alpineAdvisorPlugin,
  AlpineAdvisorPage,
  EntityAlpineAdvisorCard,
  EntityAlpineAdvisorContent,
  EntityAlpineAdvisorScopeCard,
  EntityAlpineAdvisorScopeContent,
} from './plugin';
export { isAlpineAdvisorAvailable } from './isAlpineAdvisorAvailable';
export { isAlpineAdvisorScopeAvailable } from './isAlpineAdvisorScopeAvailable';
export { alpineAdvisorApiRef } from './api';
export type { EntityAlpineAdvisorCardProps } from './components/EntityAlpineAdvisorCard';
export type { EntityAlpineAdvisorScopeCardProps } from './components/EntityAlpineAdvisorScopeCard';
