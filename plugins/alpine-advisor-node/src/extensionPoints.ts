import type { AdditionalRule } from '@alpine-advisor/analyzer';
import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { DockerfileSourceReader } from './sourceReader';

/**
 * Adds an organisation's own rules to every scan. They use the analyzer's
 * rule interface (metadata plus a check over the stage model), appear in
 * `GET /rules`, and are scored, configured and suppressed like built-in rules.
 * @public
 */
export interface AlpineAdvisorRulesExtensionPoint {
  addRules(...rules: AdditionalRule[]): void;
}

/** @public */
export const alpineAdvisorRulesExtensionPoint =
  createExtensionPoint<AlpineAdvisorRulesExtensionPoint>({
    id: 'alpine-advisor.rules',
  });

/**
 * Adds readers for sources the plugin cannot read itself (an internal
 * artifact store, a VCS without a UrlReader…). Added readers are asked before
 * the built-in ones, in the order they were added.
 * @public
 */
export interface AlpineAdvisorSourceReadersExtensionPoint {
  addSourceReader(...readers: DockerfileSourceReader[]): void;
}

/** @public */
export const alpineAdvisorSourceReadersExtensionPoint =
  createExtensionPoint<AlpineAdvisorSourceReadersExtensionPoint>({
    id: 'alpine-advisor.source-readers',
  });
