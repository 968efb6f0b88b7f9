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
import { screen, waitFor } from '@testing-library/react';
import alpineAdvisorPlugin, {
  alpineAdvisorEntityCard,
  alpineAdvisorEntityContent,
  alpineAdvisorScopeEntityCard,
  alpineAdvisorScopeEntityContent,
} from './alpha';
import { alpineAdvisorApiRef } from './api';
import { serviceEntity, teamEntity } from './__testUtils__/fixtures';
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

  it('puts the scope card and tab on Groups, Systems and Domains only', () => {
    const cardFilter = createExtensionTester(alpineAdvisorScopeEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    const tabTester = createExtensionTester(alpineAdvisorScopeEntityContent);
    const tabFilter = tabTester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    )!;
    for (const kind of ['Group', 'System', 'Domain']) {
      expect(cardFilter({ ...teamEntity, kind })).toBe(true);
      expect(tabFilter({ ...teamEntity, kind })).toBe(true);
    }
    expect(cardFilter(serviceEntity)).toBe(false);
    expect(tabFilter(serviceEntity)).toBe(false);
    expect(cardFilter({ ...teamEntity, kind: 'User' })).toBe(false);
    expect(tabTester.get(coreExtensionData.routePath)).toBe('alpine-advisor');
  });

  it('renders the scope card for the current group', async () => {
    await renderInTestApp(
      <EntityProvider entity={teamEntity}>
        {createExtensionTester(alpineAdvisorScopeEntityCard).reactElement()}
      </EntityProvider>,
      {
        apis: apis(),
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByRole('img', { name: /^Grade distribution: A: 1/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Worst services' }),
    ).toBeInTheDocument();
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

  it("sits in the entity page's Development group unless configured as a top-level tab", () => {
    // Deliberate: Dockerfile health is a development concern, like the other
    // development tools a fresh app groups there (see the README).
    expect(
      createExtensionTester(alpineAdvisorEntityContent).get(
        EntityContentBlueprint.dataRefs.group,
      ),
    ).toBe('development');
    // `group: false` in app-config makes it a tab of its own.
    expect(
      createExtensionTester(alpineAdvisorEntityContent, {
        config: { group: false },
      }).get(EntityContentBlueprint.dataRefs.group),
    ).toBeUndefined();
    expect(
      createExtensionTester(alpineAdvisorEntityContent, {
        config: { group: 'quality' },
      }).get(EntityContentBlueprint.dataRefs.group),
    ).toBe('quality');
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

  it('has a campaigns tab showing each campaign', async () => {
    const campaigns = alpineAdvisorPlugin.getExtension(
      'sub-page:alpine-advisor/campaigns',
    );
    const tester = createExtensionTester(
      alpineAdvisorPlugin.getExtension('page:alpine-advisor'),
    )
      .add(alpineAdvisorPlugin.getExtension('sub-page:alpine-advisor/report'))
      .add(campaigns);
    expect(tester.query(campaigns).get(coreExtensionData.routePath)).toBe(
      'campaigns',
    );
    await renderInTestApp(tester.reactElement(), {
      apis: apis(),
      initialRouteEntries: ['/campaigns'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    // The sub-page loads lazily and renders again once loaded.
    await waitFor(() =>
      expect(
        screen.getByRole('img', { name: /^Burn-down: 4 services affected/ }),
      ).toBeInTheDocument(),
    );
    expect(screen.getByText('Retire end-of-life Alpine')).toBeInTheDocument();
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
