import {
  ALPINE_ADVISOR_FACT_RETRIEVER_ID,
  alpineAdvisorFactNames as n,
} from './facts';

/**
 * A check for the json-rules-engine fact checker
 * (`@backstage-community/plugin-tech-insights-backend-module-jsonfc`), in
 * the shape of one entry of `techInsights.factChecker.checks`.
 * @public
 */
export interface AlpineAdvisorCheckDefinition {
  type: 'json-rules-engine';
  name: string;
  description: string;
  factIds: string[];
  rule: {
    /** json-rules-engine conditions (`all`, `any`, `not` of fact/operator/value). */
    conditions: Record<string, unknown>;
  };
  links?: Array<{ title: string; url: string }>;
}

const scanned = { fact: n.scanned, operator: 'equal', value: true };
const factIds = [ALPINE_ADVISOR_FACT_RETRIEVER_ID];

/**
 * Checks over the Alpine Advisor facts that platform teams can reuse, keyed
 * by check id. The same definitions ship as `checks/checks.yaml` in this
 * package, ready for `techInsights.factChecker.checks` in app-config. An
 * entity without a good scan fails them all: no grade is not a good grade.
 * @public
 */
export const alpineAdvisorTechInsightsChecks: Record<
  string,
  AlpineAdvisorCheckDefinition
> = {
  alpineAdvisorGradeAtLeastB: {
    type: 'json-rules-engine',
    name: 'Dockerfiles graded B or better',
    description:
      'Alpine Advisor grades the service’s Dockerfiles A or B (score 80 or more): Alpine practices, musl libc risks and image hygiene.',
    factIds,
    rule: {
      conditions: {
        all: [scanned, { fact: n.grade, operator: 'in', value: ['A', 'B'] }],
      },
    },
  },
  alpineAdvisorNoBreakingMuslRisk: {
    type: 'json-rules-engine',
    name: 'No breaking musl libc risk',
    description:
      'No error-severity musl finding: nothing in the service’s Dockerfiles is likely to break at runtime on Alpine (glibc binaries, wheels or tools that need glibc).',
    factIds,
    rule: {
      conditions: {
        all: [
          scanned,
          { fact: n.breakingMuslRiskCount, operator: 'equal', value: 0 },
        ],
      },
    },
  },
  alpineAdvisorSupportedAlpineRelease: {
    type: 'json-rules-engine',
    name: 'Supported Alpine release',
    description:
      'No Dockerfile of the service builds on an Alpine release past its end of life (rule alpine-eol).',
    factIds,
    rule: {
      conditions: {
        all: [
          scanned,
          { fact: n.endOfLifeRelease, operator: 'equal', value: false },
        ],
      },
    },
    links: [
      {
        title: 'Alpine Linux releases and their end of life',
        url: 'https://alpinelinux.org/releases/',
      },
    ],
  },
  alpineAdvisorCompliant: {
    type: 'json-rules-engine',
    name: 'Meets the Alpine Advisor policy',
    description:
      'The service meets the compliance policy configured in the Alpine Advisor backend (`alpineAdvisor.compliance`: minimum grade, musl errors allowed or not).',
    factIds,
    rule: {
      conditions: {
        all: [scanned, { fact: n.compliant, operator: 'equal', value: true }],
      },
    },
  },
};
