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
import { isAlpineAdvisorScopeAvailable } from './isAlpineAdvisorScopeAvailable';
import {
  entityContentRouteRef,
  rootRouteRef,
  rulesRouteRef,
  campaignsRouteRef,
  scopeContentRouteRef,
} from './routes';

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

/**
 * The entity tab, on Components that have not opted out. It sits in the
 * entity page's "Development" group (a dropdown in the tab bar once the group
 * has several tabs), beside the app's other development tools; configure
 * `group: false` to make it a top-level tab (see the README).
 * @alpha
 */
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
 * The card of a Group (with its child groups), System or Domain: grade
 * distribution, compliance, breaking musl risks, trend, worst services and
 * most violated rules of its services, linking into the org report.
 * @alpha
 */
export const alpineAdvisorScopeEntityCard = EntityCardBlueprint.make({
  name: 'scope',
  params: {
    type: 'content',
    filter: isAlpineAdvisorScopeAvailable,
    loader: () =>
      import('./components/EntityAlpineAdvisorScopeCard').then(m =>
        compatWrapper(<m.EntityAlpineAdvisorScopeCard />),
      ),
  },
});

/** The tab of a Group, System or Domain with its services' summary. @alpha */
export const alpineAdvisorScopeEntityContent = EntityContentBlueprint.make({
  name: 'scope',
  params: {
    path: 'alpine-advisor',
    title: 'Alpine Advisor',
    routeRef: convertLegacyRouteRef(scopeContentRouteRef),
    filter: isAlpineAdvisorScopeAvailable,
    loader: () =>
      import('./components/EntityAlpineAdvisorScopeContent').then(m =>
        compatWrapper(<m.EntityAlpineAdvisorScopeContent />),
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
export const alpineAdvisorCampaignsSubPage = SubPageBlueprint.make({
  name: 'campaigns',
  params: {
    path: 'campaigns',
    title: 'Campaigns',
    loader: () =>
      import('./components/Campaigns').then(m =>
        compatWrapper(
          <Content>
            <m.AlpineAdvisorCampaignsContent />
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
 * the card and tab of Groups, Systems and Domains, and the report, campaigns and rule catalog page (listed in the sidebar).
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'alpine-advisor',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    alpineAdvisorApi,
    alpineAdvisorEntityCard,
    alpineAdvisorEntityContent,
    alpineAdvisorScopeEntityCard,
    alpineAdvisorScopeEntityContent,
    alpineAdvisorPage,
    alpineAdvisorReportSubPage,
    alpineAdvisorCampaignsSubPage,
    alpineAdvisorRulesSubPage,
  ],
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    rules: rulesRouteRef,
    campaigns: campaignsRouteRef,
    entityContent: entityContentRouteRef,
    scopeContent: scopeContentRouteRef,
  }),
});
