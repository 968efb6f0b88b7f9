import { Content, Header, Page, RoutedTabs } from '@backstage/core-components';
import { AlpineAdvisorCampaignsContent } from '../Campaigns';
import { AlpineAdvisorReportContent } from '../ReportPage';
import { AlpineAdvisorRulesContent } from '../RuleCatalog';

/**
 * The plugin's page in the legacy frontend system: the org-wide report,
 * the campaigns and the rule catalog as tabs. The new frontend system builds the same from
 * sub-pages and supplies the header itself.
 * @public
 */
export function AlpineAdvisorPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Alpine Advisor"
        subtitle="Dockerfile health across the organisation: Alpine practices and musl libc risks"
      />
      <RoutedTabs
        routes={[
          {
            path: '/',
            title: 'Report',
            children: (
              <Content>
                <AlpineAdvisorReportContent />
              </Content>
            ),
          },
          {
            path: '/campaigns',
            title: 'Campaigns',
            children: (
              <Content>
                <AlpineAdvisorCampaignsContent />
              </Content>
            ),
          },
          {
            path: '/rules',
            title: 'Rules',
            children: (
              <Content>
                <AlpineAdvisorRulesContent />
              </Content>
            ),
          },
        ]}
      />
    </Page>
  );
}
