import { ALPINE_ADVISOR_DISABLED_ANNOTATION } from '@alpine-advisor/backstage-plugin-common';
import type { Entity } from '@backstage/catalog-model';

/**
 * True for entities the backend scans by default: Components that have not
 * opted out. Use it with `EntitySwitch` to show the card and the tab.
 * @public
 */
export function isAlpineAdvisorAvailable(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    entity.metadata.annotations?.[ALPINE_ADVISOR_DISABLED_ANNOTATION] !== 'true'
  );
}
