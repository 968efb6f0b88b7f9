/*
 * The Alpine Advisor demo backend: the smallest Backstage backend that shows the
 * plugin working against a local example catalog, offline, on SQLite.
 */
import { createBackend } from '@backstage/backend-defaults';
import { acmeRulesModule } from './modules/acmeRules/module';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
// Alpine Advisor notifies owning groups (grade drops, new musl risks, end of
// life, expired waivers) through the notifications backend; signals push them
// and fresh scan results to open pages.
backend.add(import('@backstage/plugin-notifications-backend'));

backend.add(import('@alpine-advisor/backstage-plugin-backend'));
// Webhooks in (signature- and token-checked), push events out on the events
// service: Alpine Advisor rescans what a push changed (alpineAdvisor.events).
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-github'));
backend.add(import('@backstage/plugin-events-backend-module-gitlab'));
// Alpine Advisor's actions (analyze-dockerfile, get-entity-report, explain-rule,
// list-worst-services) as MCP tools at /api/mcp-actions/v1 (backend.actions in app-config).
backend.add(import('@backstage/plugin-mcp-actions-backend'));
// An example organisation rule over the extension point `alpine-advisor.rules`.
backend.add(acmeRulesModule);

// Bridges to the scorecards platform teams already run: Tech Insights with the
// Alpine Advisor facts and the shipped JSON-rules checks (app-config.yaml).
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);
backend.add(
  import(
    '@alpine-advisor/backstage-plugin-tech-insights-backend-module-alpine-advisor'
  ),
);
// RHDH Scorecard with the Alpine Advisor metrics (score, breaking musl risks).
backend.add(
  import('@red-hat-developer-hub/backstage-plugin-scorecard-backend'),
);
backend.add(
  import(
    '@alpine-advisor/backstage-plugin-scorecard-backend-module-alpine-advisor'
  ),
);

// Backstage search (Lunr, in memory: offline) with Alpine Advisor's rules and
// per-service findings, permission-filtered per entity.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(
  import(
    '@alpine-advisor/backstage-plugin-search-backend-module-alpine-advisor'
  ),
);
backend.start();
