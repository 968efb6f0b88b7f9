import type { KnowledgeInfo, KnowledgeOverrides } from '../types';
import { compileKnowledge } from './Knowledge';

/**
 * The knowledge version, tables (as-of dates and sources) and layers the
 * analyzer would use with these overrides (none: the bundled tables), as
 * CLI footers, reports and the backend's API show it.
 * @public
 */
export function describeKnowledge(
  layers?: KnowledgeOverrides | readonly KnowledgeOverrides[],
): KnowledgeInfo {
  return compileKnowledge(layers).info();
}
