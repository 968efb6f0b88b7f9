import type { Entity } from '@backstage/catalog-model';
import type {
  Campaign,
  CampaignList,
  CampaignProgress,
  DockerfileResult,
  EntityReport,
  KnowledgeStatus,
  OrgHistory,
  OrgReport,
  RuleDescription,
  ScopeSummary,
  ScoreHistoryPoint,
} from '../api/types';

export const serviceEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/team-payments',
    lifecycle: 'production',
  },
};

export const ordersDockerfileContent = [
  'FROM python:3.12-slim AS build',
  'RUN pip install --prefix=/install -r requirements.txt',
  'FROM alpine:3.20',
  'RUN apk add python3',
  'COPY --from=build /install /usr/local',
  'CMD ["python3", "-m", "orders"]',
].join('\n');

export const ordersDockerfile: DockerfileResult & { content: string } = {
  path: 'Dockerfile',
  score: 58,
  grade: 'D',
  usesAlpine: true,
  alpineRelease: '3.20',
  knowledgeVersion: '2026-12-05+bundled',
  content: ordersDockerfileContent,
  stages: [
    {
      index: 0,
      name: 'build',
      image: 'python:3.12-slim',
      distro: 'debian',
      libc: 'glibc',
      line: 1,
      isFinal: false,
      copiesFrom: [],
    },
    {
      index: 1,
      image: 'alpine:3.20',
      distro: 'alpine',
      libc: 'musl',
      alpineRelease: '3.20',
      line: 3,
      isFinal: true,
      copiesFrom: [
        {
          source: 'build',
          sourceLibc: 'glibc',
          paths: ['/install'],
          line: 5,
          crossesLibc: true,
        },
      ],
    },
  ],
  explanation: {
    summary: '100 − 30 (errors) − 12 (warnings) = 58',
    deductions: [
      {
        ruleId: 'musl-cross-libc-copy',
        severity: 'error',
        category: 'musl',
        count: 1,
        points: 30,
      },
      {
        ruleId: 'apk-no-cache',
        severity: 'warning',
        category: 'alpine',
        count: 1,
        points: 12,
      },
    ],
    cap: 'a breaking musl risk caps the grade at D',
  },
  findings: [
    {
      ruleId: 'apk-no-cache',
      category: 'alpine',
      severity: 'warning',
      line: 4,
      endLine: 4,
      column: 1,
      message: 'apk add keeps the package index in the layer',
      remediation: 'Use apk add --no-cache.',
      aliases: ['hadolint:DL3019'],
      fixDiff: [
        '--- a/Dockerfile',
        '+++ b/Dockerfile',
        '@@ -1,6 +1,6 @@',
        ' FROM python:3.12-slim AS build',
        ' RUN pip install --prefix=/install -r requirements.txt',
        ' FROM alpine:3.20',
        '-RUN apk add python3',
        '+RUN apk add --no-cache python3',
        ' COPY --from=build /install /usr/local',
        ' CMD ["python3", "-m", "orders"]',
        '',
      ].join('\n'),
      fix: {
        description: 'Add --no-cache to apk add',
        edits: [
          {
            line: 4,
            column: 12,
            endLine: 4,
            endColumn: 12,
            text: ' --no-cache',
          },
        ],
      },
    },
    {
      ruleId: 'musl-cross-libc-copy',
      category: 'musl',
      severity: 'error',
      line: 5,
      endLine: 5,
      column: 1,
      message:
        'Python packages built against glibc are copied into a musl stage',
      remediation:
        'Build the packages in an Alpine stage.\nOr run on a glibc base.',
      aliases: [],
    },
  ],
};

export const ordersReport: EntityReport = {
  entityRef: 'component:default/orders',
  kind: 'component',
  namespace: 'default',
  name: 'orders',
  owner: 'group:default/team-payments',
  system: 'system:default/shop',
  score: 58,
  grade: 'D',
  status: 'ok',
  stale: false,
  compliant: false,
  lastScannedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
  lastSuccessAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
  dockerfileCount: 1,
  findingCounts: { error: 1, warning: 1, info: 0 },
  muslErrorCount: 1,
  explanation: ordersDockerfile.explanation,
  dockerfiles: [ordersDockerfile],
  scan: {
    startedAt: new Date().toISOString(),
    durationMs: 120,
    trigger: 'schedule',
  },
};

export const ordersHistory: ScoreHistoryPoint[] = [
  { day: '2026-11-20', score: 50, grade: 'D' },
  { day: '2026-11-27', score: 58, grade: 'D' },
];

export const orgHistory: OrgHistory = {
  policy: {
    minimumGrade: 'B',
    allowMuslErrors: false,
    description: 'grade B or better and no error-severity musl finding',
  },
  points: [
    {
      day: '2026-11-20',
      scannedCount: 3,
      averageScore: 61.3,
      compliantCount: 1,
      compliantShare: 1 / 3,
      gradeCounts: { A: 1, B: 0, C: 0, D: 1, F: 1 },
    },
    {
      day: '2026-11-27',
      scannedCount: 3,
      averageScore: 74,
      compliantCount: 2,
      compliantShare: 2 / 3,
      gradeCounts: { A: 1, B: 1, C: 0, D: 1, F: 0 },
    },
  ],
};

export const rules: RuleDescription[] = [
  {
    id: 'apk-no-cache',
    title: 'apk add without --no-cache',
    category: 'alpine',
    severity: 'warning',
    rationale: 'The package index stays in the layer.',
    remediation: 'Use `apk add --no-cache`.',
    references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper'],
    aliases: ['hadolint:DL3019'],
    fixable: true,
    scope: 'alpine',
    // As the analyzer's catalog gives them: the rationale is the docs' first paragraph.
    docs: '# apk-no-cache\n\nThe package index stays in the layer.\n\n## Bad\n\n```dockerfile\nRUN apk add curl\n```\n\n## Good\n\n```dockerfile\nRUN apk add --no-cache curl\n```',
  },
  {
    id: 'musl-cross-libc-copy',
    title: 'Copy from a glibc stage into a musl stage',
    category: 'musl',
    severity: 'error',
    rationale: 'Binaries linked against glibc fail to start on musl.',
    remediation: 'Build in an Alpine stage.',
    references: [],
    aliases: [],
    fixable: false,
    scope: 'alpine',
    docs: '# musl-cross-libc-copy\n\nBinaries linked against glibc fail to start on musl.\n\n## Bad\n\n```dockerfile\nCOPY --from=build /install /usr/local\n```',
  },
];

export const orgReport: OrgReport = {
  items: [
    {
      ...ordersReport,
    },
    {
      entityRef: 'component:default/catalogue',
      kind: 'component',
      namespace: 'default',
      name: 'catalogue',
      title: 'Catalogue service',
      owner: 'group:default/team-shop',
      score: 96,
      grade: 'A',
      status: 'unreadable',
      error: 'HTTP 500 from the source host',
      stale: true,
      compliant: true,
      lastScannedAt: new Date().toISOString(),
      dockerfileCount: 1,
      findingCounts: { error: 0, warning: 0, info: 1 },
      muslErrorCount: 0,
    },
  ],
  page: 1,
  pageSize: 20,
  totalCount: 2,
  summary: {
    entityCount: 2,
    scoredCount: 2,
    averageScore: 77,
    gradeCounts: { A: 1, B: 0, C: 0, D: 1, F: 0 },
    compliantCount: 1,
    compliantShare: 0.5,
    policy: {
      minimumGrade: 'B',
      allowMuslErrors: false,
      description: 'grade B or better and no musl error',
    },
    staleCount: 1,
    failingCount: 1,
    topRules: [
      {
        ruleId: 'apk-no-cache',
        category: 'alpine',
        severity: 'warning',
        entityCount: 1,
        findingCount: 1,
      },
    ],
    muslBreakingRisks: {
      entityCount: 1,
      rules: [
        {
          ruleId: 'musl-cross-libc-copy',
          category: 'musl',
          severity: 'error',
          entityCount: 1,
          findingCount: 1,
        },
      ],
    },
  },
  rollups: {
    groupBy: 'owner',
    groups: [
      {
        key: 'group:default/team-payments',
        entityCount: 1,
        scoredCount: 1,
        averageScore: 58,
        gradeCounts: { A: 0, B: 0, C: 0, D: 1, F: 0 },
        compliantCount: 0,
        staleCount: 0,
      },
    ],
  },
};

/** What GET /knowledge answers for a backend that could not refresh (offline). */
export const knowledgeStatus: KnowledgeStatus = {
  version: '2026-12-05+bundled',
  asOf: '2026-12-05',
  origin: 'bundled',
  releasesAsOf: '2026-12-05',
  newestRelease: '3.24',
  releaseData: {
    origin: 'bundled',
    asOf: '2026-12-05',
    sourceUrl: 'https://alpinelinux.org/releases.json',
    lastAttemptAt: '2026-12-05T10:00:00.000Z',
    lastError: 'fetch failed (getaddrinfo ENOTFOUND alpinelinux.org)',
  },
  tables: [
    {
      name: 'Alpine releases',
      file: 'packages/analyzer/src/model/alpineReleases.ts',
      asOf: '2026-12-05',
      sources: ['https://alpinelinux.org/releases/'],
    },
  ],
  layers: [],
};

export const teamEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: ['team-payments-risk'] },
};

/** The Payments team with a child group: the org report's figures over its services. */
export const teamSummary: ScopeSummary = {
  entityRef: 'group:default/team-payments',
  kind: 'group',
  filter: {
    owner: ['group:default/team-payments', 'group:default/team-payments-risk'],
  },
  summary: orgReport.summary,
  worstServices: orgReport.items.map(item => ({
    ...item,
    owner: 'group:default/team-payments',
  })),
  trend: orgHistory.points,
};

export const eolCampaign: Campaign = {
  id: 'retire-eol',
  title: 'Retire end-of-life Alpine',
  condition: 'eol-alpine',
  scope: { owner: ['group:default/team-payments'] },
  startsOn: '2026-11-01',
  deadline: '2026-12-31',
  source: 'config',
};

export const campaignList: CampaignList = {
  items: [
    {
      campaign: eolCampaign,
      state: 'active',
      affectedCount: 2,
      totalCount: 5,
      daysLeft: 26,
    },
  ],
};

export const eolCampaignProgress: CampaignProgress = {
  ...campaignList.items[0],
  burnDown: [
    { day: '2026-11-01', scannedCount: 5, affectedCount: 4 },
    { day: '2026-11-15', scannedCount: 5, affectedCount: 3 },
    { day: '2026-12-05', scannedCount: 5, affectedCount: 2 },
  ],
  owners: [
    {
      owner: 'group:default/team-payments',
      affectedCount: 2,
      totalCount: 4,
    },
    { owner: null, affectedCount: 0, totalCount: 1 },
  ],
};
