import type { AlpineAdvisorApi } from '../api/types';
import {
  campaignList,
  eolCampaignProgress,
  ordersHistory,
  ordersReport,
  orgHistory,
  orgReport,
  rules,
  knowledgeStatus,
  teamSummary,
} from './fixtures';

/** An API double whose methods are jest mocks answering with the fixtures. */
export function mockAlpineAdvisorApi(
  overrides: Partial<AlpineAdvisorApi> = {},
): jest.Mocked<AlpineAdvisorApi> {
  return {
    getEntityReport: jest.fn(async () => ordersReport),
    getEntityHistory: jest.fn(async () => ({
      entityRef: ordersReport.entityRef,
      points: ordersHistory,
    })),
    rescanEntity: jest.fn(async () => ({
      entityRef: ordersReport.entityRef,
      status: 'ok' as const,
      changed: true,
      report: ordersReport,
    })),
    getReport: jest.fn(async () => orgReport),
    getOrgHistory: jest.fn(async () => orgHistory),
    exportReport: jest.fn(
      async () =>
        new Response('entityRef,score\ncomponent:default/orders,58\n'),
    ),
    listRules: jest.fn(async () => rules),
    getRule: jest.fn(async (id: string) => rules.find(rule => rule.id === id)),
    getKnowledge: jest.fn(async () => knowledgeStatus),
    getScopeSummary: jest.fn(async () => teamSummary),
    listEntityWaivers: jest.fn(async () => ({
      items: [],
      summary: {
        activeCount: 0,
        pendingCount: 0,
        expiringSoonCount: 0,
        expiringSoonDays: 14,
        requireApproval: false,
        maxDays: 90,
      },
    })),
    listWaivers: jest.fn(async () => ({
      items: [],
      summary: {
        activeCount: 0,
        pendingCount: 0,
        expiringSoonCount: 0,
        expiringSoonDays: 14,
        requireApproval: false,
        maxDays: 90,
      },
    })),
    createWaiver: jest.fn(async (entity, waiver) => ({
      id: 'w-new',
      entityRef: String(entity),
      ruleId: waiver.ruleId,
      reason: waiver.reason,
      expiresAt: waiver.expiresAt,
      status: 'active' as const,
      createdBy: 'user:default/guest',
      createdAt: '2026-12-05T00:00:00.000Z',
      ...(waiver.fingerprint ? { fingerprint: waiver.fingerprint } : {}),
    })),
    approveWaiver: jest.fn(),
    revokeWaiver: jest.fn(),
    listCampaigns: jest.fn(async () => campaignList),
    getCampaign: jest.fn(async () => eolCampaignProgress),
    createCampaign: jest.fn(),
    deleteCampaign: jest.fn(),
    ...overrides,
  } as jest.Mocked<AlpineAdvisorApi>;
}
