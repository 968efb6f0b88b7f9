import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

export interface FilterOptions {
  owner: string[];
  system: string[];
  domain: string[];
  lifecycle: string[];
}

const EMPTY: FilterOptions = {
  owner: [],
  system: [],
  domain: [],
  lifecycle: [],
};

function toRefs(values: string[], defaultKind: string): string[] {
  const refs = values.flatMap(value => {
    try {
      return [
        stringifyEntityRef(
          parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
        ),
      ];
    } catch {
      return [];
    }
  });
  return [...new Set(refs)].sort();
}

/**
 * Values to offer in the report's filters, from one catalog facets call.
 * Owners, systems and domains become full entity refs, as the report uses.
 */
export function useFilterOptions(): FilterOptions {
  const catalogApi = useApi(catalogApiRef);
  const { value } = useAsync(async () => {
    const { facets } = await catalogApi.getEntityFacets({
      filter: { kind: 'Component' },
      facets: ['spec.owner', 'spec.system', 'spec.domain', 'spec.lifecycle'],
    });
    const values = (facet: string) =>
      (facets[facet] ?? []).map(entry => entry.value);
    return {
      owner: toRefs(values('spec.owner'), 'group'),
      system: toRefs(values('spec.system'), 'system'),
      domain: toRefs(values('spec.domain'), 'domain'),
      lifecycle: [...values('spec.lifecycle')].sort(),
    };
  }, [catalogApi]);
  return value ?? EMPTY;
}
