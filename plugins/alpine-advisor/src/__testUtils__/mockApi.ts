import type { AlpineAdvisorApi } from '../api/types';
import {
  ordersHistory,
  ordersReport,
  orgHistory,
  orgReport,
  rules,
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
    ...overrides,
  } as jest.Mocked<AlpineAdvisorApi>;
}
