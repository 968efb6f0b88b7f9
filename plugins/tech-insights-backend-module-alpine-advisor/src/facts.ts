import type { FactSchema } from '@backstage-community/plugin-tech-insights-common';

/**
 * The id of the Alpine Advisor fact retriever: its facts are stored under it,
 * checks name it in `factIds`, and its schedule is configured at
 * `techInsights.factRetrievers.alpineAdvisorFactRetriever`.
 * @public
 */
export const ALPINE_ADVISOR_FACT_RETRIEVER_ID = 'alpineAdvisorFactRetriever';

/**
 * The names of the facts, prefixed so that they cannot collide with another
 * retriever's facts in a check (json-rules-engine sees one flat namespace).
 * @public
 */
export const alpineAdvisorFactNames = {
  scanned: 'alpineAdvisorScanned',
  score: 'alpineAdvisorScore',
  grade: 'alpineAdvisorGrade',
  errorCount: 'alpineAdvisorErrorCount',
  warningCount: 'alpineAdvisorWarningCount',
  infoCount: 'alpineAdvisorInfoCount',
  breakingMuslRiskCount: 'alpineAdvisorBreakingMuslRiskCount',
  endOfLifeRelease: 'alpineAdvisorEndOfLifeRelease',
  compliant: 'alpineAdvisorCompliant',
  status: 'alpineAdvisorStatus',
  stale: 'alpineAdvisorStale',
  dockerfileCount: 'alpineAdvisorDockerfileCount',
  lastSuccessAt: 'alpineAdvisorLastSuccessAt',
  knowledgeVersion: 'alpineAdvisorKnowledgeVersion',
} as const;

const n = alpineAdvisorFactNames;

/**
 * The schema of the facts the retriever returns for each entity the Alpine
 * Advisor backend knows. Values taken from the last good scan (score, grade,
 * counts, end of life) are `null` before an entity's first good scan.
 * @public
 */
export const alpineAdvisorFactSchema: FactSchema = {
  [n.scanned]: {
    type: 'boolean',
    description:
      'True when the entity has a good scan: its Dockerfiles were read and analysed at least once',
  },
  [n.score]: {
    type: 'integer',
    description:
      'Service score 0–100 of the last good scan (null before the first one)',
  },
  [n.grade]: {
    type: 'string',
    description:
      'Letter grade of the score, A (90–100) to F (null before the first good scan)',
  },
  [n.errorCount]: {
    type: 'integer',
    description: 'Error-severity findings in the entity’s Dockerfiles',
  },
  [n.warningCount]: {
    type: 'integer',
    description: 'Warning-severity findings in the entity’s Dockerfiles',
  },
  [n.infoCount]: {
    type: 'integer',
    description: 'Info-severity findings in the entity’s Dockerfiles',
  },
  [n.breakingMuslRiskCount]: {
    type: 'integer',
    description:
      'Error-severity musl libc findings: what is likely to break at runtime on Alpine',
  },
  [n.endOfLifeRelease]: {
    type: 'boolean',
    description:
      'True when a Dockerfile builds on an Alpine release past its end of life (rule alpine-eol); null before the first good scan',
  },
  [n.compliant]: {
    type: 'boolean',
    description:
      'Whether the entity meets the compliance policy configured in the Alpine Advisor backend (alpineAdvisor.compliance)',
  },
  [n.status]: {
    type: 'string',
    description:
      'Outcome of the latest scan attempt: ok, pending, disabled, or a failure (no-source, no-dockerfile, unreadable, refused, rate-limited, timeout, invalid-config, error)',
  },
  [n.stale]: {
    type: 'boolean',
    description:
      'True when the latest scan attempt failed and the values are from an older scan',
  },
  [n.dockerfileCount]: {
    type: 'integer',
    description: 'Dockerfiles analysed in the last good scan',
  },
  [n.lastSuccessAt]: {
    type: 'datetime',
    description: 'Time of the last good scan (null before the first one)',
  },
  [n.knowledgeVersion]: {
    type: 'string',
    description:
      'Version of the knowledge (Alpine release data, image tables) the Alpine Advisor backend decides with when the facts are collected; a knowledge refresh re-scores every entity whose verdicts it changes',
  },
};
