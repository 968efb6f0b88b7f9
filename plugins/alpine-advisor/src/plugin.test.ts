import { alpineAdvisorPlugin } from './plugin';
import { isAlpineAdvisorAvailable } from './isAlpineAdvisorAvailable';
import { serviceEntity } from './__testUtils__/fixtures';

describe('legacy plugin', () => {
  it('registers the API client and exposes its routes', () => {
    expect(alpineAdvisorPlugin.getId()).toBe('alpine-advisor');
    expect(
      [...alpineAdvisorPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual(['plugin.alpine-advisor.service']);
    expect(Object.keys(alpineAdvisorPlugin.routes)).toEqual([
      'root',
      'entityContent',
      'scopeContent',
    ]);
  });
});

describe('isAlpineAdvisorAvailable', () => {
  it('accepts Components of any letter case', () => {
    expect(isAlpineAdvisorAvailable(serviceEntity)).toBe(true);
    expect(
      isAlpineAdvisorAvailable({ ...serviceEntity, kind: 'component' }),
    ).toBe(true);
  });

  it('rejects other kinds and opted-out entities', () => {
    expect(isAlpineAdvisorAvailable({ ...serviceEntity, kind: 'System' })).toBe(
      false,
    );
    expect(
      isAlpineAdvisorAvailable({
        ...serviceEntity,
        metadata: {
          name: 'legacy',
          annotations: { 'alpine-advisor.io/disabled': 'true' },
        },
      }),
    ).toBe(false);
  });
});
