import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import alpineAdvisorPlugin, {
  alpineAdvisorEntityCard,
  alpineAdvisorEntityContent,
} from './alpha';
import { alpineAdvisorApiRef } from './api';
import { serviceEntity } from './__testUtils__/fixtures';
import { mockAlpineAdvisorApi } from './__testUtils__/mockApi';
import { mockCatalogApi } from './__testUtils__/renderWithApis';

function apis() {
  return [
    [alpineAdvisorApiRef, mockAlpineAdvisorApi()],
    [permissionApiRef, mockApis.permission()],
    [catalogApiRef, mockCatalogApi()],
  ] as const;
}

describe('new frontend system extensions', () => {
  it('puts the card on Components that have not opted out', () => {
    const filter = createExtensionTester(alpineAdvisorEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(serviceEntity)).toBe(true);
    expect(filter({ ...serviceEntity, kind: 'API' })).toBe(false);
    expect(
      filter({
        ...serviceEntity,
        metadata: {
          ...serviceEntity.metadata,
          annotations: { 'alpine-advisor.io/disabled': 'true' },
        },
      }),
    ).toBe(false);
  });

  it('renders the card for the current entity', async () => {
    await renderInTestApp(
      <EntityProvider entity={serviceEntity}>
        {createExtensionTester(alpineAdvisorEntityCard).reactElement()}
      </EntityProvider>,
      {
        apis: apis(),
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByRole('img', {
        name: /Grade D \(poor\), score 58 of 100/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View findings and fixes/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/orders/alpine-advisor',
    );
  });

  it('adds the tab at alpine-advisor on Components and renders the report', async () => {
    const tester = createExtensionTester(alpineAdvisorEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('alpine-advisor');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Alpine Advisor',
    );
    expect(
      tester.get(EntityContentBlueprint.dataRefs.filterFunction)!(
        serviceEntity,
      ),
    ).toBe(true);

    await renderInTestApp(
      <EntityProvider entity={serviceEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: apis() },
    );
    expect(
      await screen.findByRole('article', {
        name: 'apk add without --no-cache',
      }),
    ).toBeInTheDocument();
  });

  it('lists the page in the nav with report and rules tabs', async () => {
    const page = alpineAdvisorPlugin.getExtension('page:alpine-advisor');
    const rules = alpineAdvisorPlugin.getExtension(
      'sub-page:alpine-advisor/rules',
    );
    const tester = createExtensionTester(page)
      .add(alpineAdvisorPlugin.getExtension('sub-page:alpine-advisor/report'))
      .add(rules);
    expect(tester.get(coreExtensionData.routePath)).toBe('/alpine-advisor');
    // The nav item is derived from the page's title and icon (NavItemBlueprint
    // no longer exists in @backstage/frontend-plugin-api).
    expect(tester.get(coreExtensionData.title)).toBe('Alpine Advisor');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
    expect(tester.query(rules).get(coreExtensionData.routePath)).toBe('rules');

    await renderInTestApp(tester.reactElement(), {
      apis: apis(),
      initialRouteEntries: ['/rules'],
    });
    expect(await screen.findByText('musl libc (1)')).toBeInTheDocument();
  });

  it('is one plugin with an API and every extension', () => {
    expect(alpineAdvisorPlugin.pluginId).toBe('alpine-advisor');
    expect(
      alpineAdvisorPlugin.getExtension('api:alpine-advisor'),
    ).toBeDefined();
    expect(
      alpineAdvisorPlugin.getExtension('entity-card:alpine-advisor'),
    ).toBeDefined();
    expect(
      alpineAdvisorPlugin.getExtension('entity-content:alpine-advisor'),
    ).toBeDefined();
  });
});
