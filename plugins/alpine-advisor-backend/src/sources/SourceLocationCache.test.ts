import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { resolveSourceLocation } from './resolveSourceLocation';
import { SourceLocationCache } from './SourceLocationCache';

function entity(name: string, annotations: Record<string, string>) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
  };
}

describe('SourceLocationCache', () => {
  const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));
  const SOURCE = 'backstage.io/source-location';
  const MANAGED_BY = 'backstage.io/managed-by-location';
  const url =
    'url:https://github.com/acme/orders/blob/main/svc/catalog-info.yaml';

  it('resolves as resolveSourceLocation does, once per annotation', () => {
    const cache = new SourceLocationCache(integrations);
    const entities = [
      entity('as-source', { [SOURCE]: url }),
      entity('as-managed-by', { [MANAGED_BY]: url }),
      entity('source-first', {
        [SOURCE]: url,
        [MANAGED_BY]: 'url:https://x.test/a',
      }),
      entity('on-disk', { [MANAGED_BY]: 'file:/srv/orders/catalog-info.yaml' }),
      entity('unparsable', { [SOURCE]: 'no-type-here' }),
      entity('none', {}),
    ];
    for (const each of entities) {
      expect(cache.resolve(each)).toEqual(
        resolveSourceLocation(each, integrations),
      );
    }
    // The same text as a source folder and as a catalog file differs.
    expect(cache.resolve(entities[0])).not.toEqual(cache.resolve(entities[1]));

    const again = entity('another-service', { [SOURCE]: url });
    expect(cache.resolve(again)).toBe(cache.resolve(entities[0]));
    expect(Object.isFrozen(cache.resolve(again))).toBe(true);
  });
});
