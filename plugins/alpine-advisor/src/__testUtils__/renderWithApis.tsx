import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { ReactElement } from 'react';
import { alpineAdvisorApiRef } from '../api';
import type { AlpineAdvisorApi } from '../api/types';
import { rootRouteRef } from '../routes';
import { serviceEntity } from './fixtures';

export interface RenderOptions {
  api: AlpineAdvisorApi;
  entity?: Entity;
  canRescan?: boolean;
  routeEntries?: string[];
}

/** A catalog whose facets offer the fixtures' owners, systems and lifecycles. */
export function mockCatalogApi() {
  return catalogApiMock.mock({
    getEntityFacets: jest.fn(async () => ({
      facets: {
        'spec.owner': [
          { value: 'team-payments', count: 1 },
          { value: 'group:default/team-shop', count: 1 },
        ],
        'spec.system': [{ value: 'shop', count: 2 }],
        'spec.domain': [],
        'spec.lifecycle': [{ value: 'production', count: 2 }],
      },
    })),
  });
}

/** Renders an element in a test app with the plugin's API and an entity. */
export function renderWithApis(element: ReactElement, options: RenderOptions) {
  const permission = mockApis.permission({
    authorize:
      options.canRescan === false
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [alpineAdvisorApiRef, options.api],
        [permissionApiRef, permission],
        [catalogApiRef, mockCatalogApi()],
      ]}
    >
      <EntityProvider entity={options.entity ?? serviceEntity}>
        {element}
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/alpine-advisor': rootRouteRef,
      },
      routeEntries: options.routeEntries,
    },
  );
}
