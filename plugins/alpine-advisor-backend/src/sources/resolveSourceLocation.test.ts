import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { fileUrl, resolveSourceLocation } from './resolveSourceLocation';

function entity(annotations: Record<string, string>) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', annotations },
  };
}

describe('resolveSourceLocation', () => {
  const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));

  it('prefers the source location, as a directory', () => {
    expect(
      resolveSourceLocation(
        entity({
          'backstage.io/source-location':
            'url:https://github.com/acme/orders/tree/main/svc',
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/orders/blob/main/catalog-info.yaml',
        }),
        integrations,
      ),
    ).toEqual({
      type: 'url',
      target: 'https://github.com/acme/orders/tree/main/svc/',
    });
  });

  it("falls back to the folder of the entity's catalog file", () => {
    expect(
      resolveSourceLocation(
        entity({
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/orders/blob/main/svc/catalog-info.yaml',
        }),
        integrations,
      ),
    ).toEqual({
      type: 'url',
      target: 'https://github.com/acme/orders/tree/main/svc/',
    });
    expect(
      resolveSourceLocation(
        entity({
          'backstage.io/managed-by-location':
            'file:/srv/examples/services/orders/catalog-info.yaml',
        }),
      ),
    ).toEqual({ type: 'file', target: '/srv/examples/services/orders' });
  });

  it('leaves query-addressed folders alone', () => {
    expect(
      resolveSourceLocation(
        entity({
          'backstage.io/source-location':
            'url:https://dev.azure.com/acme/shop/_git/orders?path=/svc',
        }),
      ),
    ).toEqual({
      type: 'url',
      target: 'https://dev.azure.com/acme/shop/_git/orders?path=/svc',
    });
  });

  it('answers undefined without any location', () => {
    expect(resolveSourceLocation(entity({}))).toBeUndefined();
    expect(
      resolveSourceLocation(
        entity({ 'backstage.io/source-location': 'not a ref' }),
      ),
    ).toBeUndefined();
  });
});

describe('fileUrl', () => {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: { gitlab: [{ host: 'gitlab.com', token: 't' }] },
    }),
  );

  it('turns folder URLs into file URLs for GitHub and GitLab', () => {
    expect(
      fileUrl(
        'apps/api/Dockerfile',
        'https://gitlab.com/acme/pay/-/tree/main/svc/',
        integrations,
      ),
    ).toBe('https://gitlab.com/acme/pay/-/blob/main/svc/apps/api/Dockerfile');
    expect(
      fileUrl(
        'Dockerfile',
        'https://github.com/acme/orders/tree/main/',
        integrations,
      ),
    ).toBe('https://github.com/acme/orders/blob/main/Dockerfile');
    expect(
      fileUrl(
        'Dockerfile',
        'https://files.acme.test/tree/orders/',
        integrations,
      ),
    ).toBe('https://files.acme.test/tree/orders/Dockerfile');
  });
});

describe('fileUrl below a plain folder URL', () => {
  const paths = [
    'Dockerfile',
    'apps/api/Dockerfile.prod',
    '.alpine-advisor.yaml',
    'web/.dockerignore',
    'a_b-c/...hidden',
    'with space/Dockerfile',
    'hash#part',
    'query?x=1',
    'percent%20already',
    'ünïcode/Dockerfile',
    './Dockerfile',
    'apps/../Dockerfile',
    '..',
    'apps/.',
    '/rooted/Dockerfile',
    'back\\slash',
  ];
  const folders = [
    'https://files.acme.test/orders/',
    'HTTP://Files.ACME.test:80/a%20b/orders/',
    'https://files.acme.test/orders',
    'https://files.acme.test/browse?path=/orders/',
    'https://files.acme.test/orders/#readme',
  ];

  it.each(folders)(
    'resolves every path as the URL parser does below %s',
    folder => {
      for (const path of paths) {
        expect(fileUrl(path, folder)).toBe(new URL(path, folder).toString());
      }
    },
  );
});
