import type { Entity } from '@backstage/catalog-model';

const SCOPE_KINDS = ['group', 'system', 'domain'];

/**
 * True for the entities with a team, system or domain summary: Groups,
 * Systems and Domains. Use it with `EntitySwitch` to show the scope card and
 * tab.
 * @public
 */
export function isAlpineAdvisorScopeAvailable(entity: Entity): boolean {
  return SCOPE_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
}
