import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { Content } from '@backstage/core-components';
import LayersIcon from '@material-ui/icons/Layers';
import { alpineAdvisorApiRef, createAlpineAdvisorClient } from './api';
import { isAlpineAdvisorAvailable } from './isAlpineAdvisorAvailable';
import { entityContentRouteRef, rootRouteRef, rulesRouteRef } from './routes';

/** @alpha */
export const alpineAdvisorApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: alpineAdvisorApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: createAlpineAdvisorClient,
    }),
});

/** The entity overview card, on Components that have not opted out. @alpha */
export const alpineAdvisorEntityCard = EntityCardBlueprint.make({
  params: {
    type: 'content',
    filter: isAlpineAdvisorAvailable,
    loader: () =>
      import('./components/EntityAlpineAdvisorCard').then(m =>
        compatWrapper(<m.EntityAlpineAdvisorCard />),
      ),
  },
});

/** The entity tab, on Components that have not opted out. @alpha */
export const alpineAdvisorEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'alpine-advisor',
    title: 'Alpine Advisor',
    group: 'development',
    routeRef: convertLegacyRouteRef(entityContentRouteRef),
    filter: isAlpineAdvisorAvailable,
    loader: () =>
      import('./components/EntityAlpineAdvisorContent').then(m =>
        compatWrapper(<m.EntityAlpineAdvisorContent />),
      ),
  },
});

/**
 * The plugin page, listed in the sidebar; its tabs are the sub-pages below.
 * @alpha
 */
export const alpineAdvisorPage = PageBlueprint.make({
  params: {
    path: '/alpine-advisor',
    title: 'Alpine Advisor',
    icon: <LayersIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
  },
});

/** @alpha */
export const alpineAdvisorReportSubPage = SubPageBlueprint.make({
  name: 'report',
  params: {
    path: 'report',
    title: 'Report',
    loader: () =>
      import('./components/ReportPage').then(m =>
        compatWrapper(
          <Content>
            <m.AlpineAdvisorReportContent />
          </Content>,
        ),
      ),
  },
});

/** @alpha */
export const alpineAdvisorRulesSubPage = SubPageBlueprint.make({
  name: 'rules',
  params: {
    path: 'rules',
    title: 'Rules',
    loader: () =>
      import('./components/RuleCatalog').then(m =>
        compatWrapper(
          <Content>
            <m.AlpineAdvisorRulesContent />
          </Content>,
        ),
      ),
  },
});

/**
 * Alpine Advisor for the new frontend system: API, entity card, entity tab,
 * and the report and rule catalog page (listed in the sidebar).
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'alpine-advisor',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    alpineAdvisorApi,
    alpineAdvisorEntityCard,
    alpineAdvisorEntityContent,
    alpineAdvisorPage,
    alpineAdvisorReportSubPage,
    alpineAdvisorRulesSubPage,
  ],
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    rules: rulesRouteRef,
    entityContent: entityContentRouteRef,
  }),
});
