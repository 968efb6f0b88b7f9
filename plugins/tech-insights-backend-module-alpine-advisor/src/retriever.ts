import {
  ALPINE_ADVISOR_PLUGIN_ID,
  AlpineAdvisorClient,
  type EntitySummary,
  type ReportFilter,
} from '@alpine-advisor/backstage-plugin-common';
import type {
  FactRetriever,
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import {
  ALPINE_ADVISOR_FACT_RETRIEVER_ID,
  alpineAdvisorFactNames as n,
  alpineAdvisorFactSchema,
} from './facts';

/** The rule whose findings make the end-of-life fact true. */
const END_OF_LIFE_RULE = 'alpine-eol';
/** The largest page `GET /report` serves. */
const PAGE_SIZE = 500;

/**
 * Collects the facts through the Alpine Advisor backend's HTTP API, as the
 * tech-insights plugin's own service: the org report in pages of 500 (score,
 * grade, counts, status of every entity), the same report filtered to the
 * `alpine-eol` rule (which entities build on an end-of-life release), and the
 * knowledge status. 2 + 2 × ⌈entities / 500⌉ requests per run, whatever the
 * number of Dockerfiles; nothing is read from the Alpine Advisor database.
 */
async function retrieveAlpineAdvisorFacts(
  ctx: FactRetrieverContext,
): Promise<TechInsightFact[]> {
  const client = new AlpineAdvisorClient({ discoveryApi: ctx.discovery });
  const { token } = await ctx.auth.getPluginRequestToken({
    onBehalfOf: await ctx.auth.getOwnServiceCredentials(),
    targetPluginId: ALPINE_ADVISOR_PLUGIN_ID,
  });
  const listAll = async (filter: ReportFilter): Promise<EntitySummary[]> => {
    const items: EntitySummary[] = [];
    for (let page = 1; ; page++) {
      const report = await client.getReport(
        { ...filter, sort: 'name', order: 'asc', page, pageSize: PAGE_SIZE },
        { token },
      );
      items.push(...report.items);
      if (report.items.length < PAGE_SIZE || items.length >= report.totalCount)
        return items;
    }
  };

  const [knowledge, entities, endOfLife] = await Promise.all([
    client.getKnowledge({ token }),
    listAll({}),
    listAll({ rule: [END_OF_LIFE_RULE] }),
  ]);
  const endOfLifeRefs = new Set(endOfLife.map(entity => entity.entityRef));
  ctx.logger.info(
    `Alpine Advisor facts for ${entities.length} entities (${endOfLifeRefs.size} on an end-of-life Alpine release), knowledge ${knowledge.version}`,
  );

  return entities.map(entity => {
    const scanned = entity.score !== null;
    return {
      entity: {
        kind: entity.kind,
        namespace: entity.namespace,
        name: entity.name,
      },
      facts: {
        [n.scanned]: scanned,
        [n.score]: entity.score,
        [n.grade]: entity.grade,
        [n.errorCount]: entity.findingCounts.error,
        [n.warningCount]: entity.findingCounts.warning,
        [n.infoCount]: entity.findingCounts.info,
        [n.breakingMuslRiskCount]: entity.muslErrorCount,
        [n.endOfLifeRelease]: scanned
          ? endOfLifeRefs.has(entity.entityRef)
          : null,
        [n.compliant]: entity.compliant,
        [n.status]: entity.status,
        [n.stale]: entity.stale,
        [n.dockerfileCount]: entity.dockerfileCount,
        [n.lastSuccessAt]: entity.lastSuccessAt ?? null,
        [n.knowledgeVersion]: knowledge.version,
      },
    };
  });
}

/**
 * The Alpine Advisor fact retriever: one fact row per entity the Alpine
 * Advisor backend knows, with its score, grade, finding counts, breaking
 * musl risks, end-of-life release flag, scan status and knowledge version
 * (see `alpineAdvisorFactSchema`).
 * @public
 */
export const alpineAdvisorFactRetriever: FactRetriever = {
  id: ALPINE_ADVISOR_FACT_RETRIEVER_ID,
  version: '0.1.0',
  title: 'Alpine Advisor',
  description:
    'Dockerfile scores, grades, finding counts, breaking musl libc risks and end-of-life Alpine releases, from the Alpine Advisor backend',
  schema: alpineAdvisorFactSchema,
  handler: retrieveAlpineAdvisorFacts,
};
