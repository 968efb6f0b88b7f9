/**
 * Alpine Advisor for Backstage: an entity card, an entity tab with
 * remediation, and an org-wide report of Dockerfile health (Alpine practices
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
} from './plugin';
export { isAlpineAdvisorAvailable } from './isAlpineAdvisorAvailable';
export { alpineAdvisorApiRef } from './api';
export type { EntityAlpineAdvisorCardProps } from './components/EntityAlpineAdvisorCard';
