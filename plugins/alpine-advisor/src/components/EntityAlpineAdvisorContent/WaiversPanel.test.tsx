import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EntityReport, WaiverList } from '../../api/types';
import {
  ordersDockerfile,
  ordersReport,
  serviceEntity,
} from '../../__testUtils__/fixtures';
import { mockAlpineAdvisorApi } from '../../__testUtils__/mockApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityAlpineAdvisorContent } from './EntityAlpineAdvisorContent';

const FINGERPRINT = '0123456789abcdef';

const waivedReport: EntityReport = {
  ...ordersReport,
  waivedCount: 1,
  dockerfiles: [
    {
      ...ordersDockerfile,
      findings: ordersDockerfile.findings.map(finding =>
        finding.ruleId === 'apk-no-cache'
          ? {
              ...finding,
              fingerprint: FINGERPRINT,
              waived: {
                waiverId: 'w1',
                expiresAt: '2027-01-31T00:00:00.000Z',
              },
            }
          : finding,
      ),
    },
  ],
};

const waivers: WaiverList = {
  items: [
    {
      id: 'w1',
      entityRef: ordersReport.entityRef,
      ruleId: 'apk-no-cache',
      fingerprint: FINGERPRINT,
      reason: 'index needed by the entrypoint',
      expiresAt: '2027-01-31T00:00:00.000Z',
      status: 'active',
      createdBy: 'user:default/olivia',
      createdAt: '2026-12-01T00:00:00.000Z',
    },
  ],
  summary: {
    activeCount: 1,
    pendingCount: 0,
    expiringSoonCount: 1,
    expiringSoonDays: 14,
    requireApproval: false,
    maxDays: 90,
  },
};

describe('waivers in the entity tab', () => {
  it('marks waived findings and lists the waivers with their counts', async () => {
    await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: mockAlpineAdvisorApi({
        getEntityReport: jest.fn(async () => waivedReport),
        listEntityWaivers: jest.fn(async () => waivers),
      }),
    });
    const finding = await screen.findByRole('article', {
      name: 'apk add without --no-cache',
    });
    expect(
      within(finding).getByText(/Waived until 2027-01-31/),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Waivers' });
    expect(
      within(table).getByText('index needed by the entrypoint'),
    ).toBeInTheDocument();
    expect(within(table).getByText('one finding')).toBeInTheDocument();
    expect(
      screen.getByText(
        /1 active · 0 awaiting approval · 1 expiring within 14 days/,
      ),
    ).toBeInTheDocument();
  });

  it('lets an owner waive one finding, then reloads the report', async () => {
    const api = mockAlpineAdvisorApi({
      getEntityReport: jest.fn(async () => ({
        ...ordersReport,
        dockerfiles: [
          {
            ...ordersDockerfile,
            findings: ordersDockerfile.findings.map(finding => ({
              ...finding,
              fingerprint: FINGERPRINT,
            })),
          },
        ],
      })),
    });
    await renderWithApis(<EntityAlpineAdvisorContent />, { api });
    const form = await screen.findByRole('form', { name: 'Record a waiver' });
    await userEvent.selectOptions(
      within(form).getByLabelText(/Rule/),
      'apk-no-cache',
    );
    await userEvent.selectOptions(
      within(form).getByLabelText(/Findings/),
      FINGERPRINT,
    );
    fireEvent.change(within(form).getByLabelText(/Reason/), {
      target: { value: 'pinned mirror' },
    });
    const reportCalls = api.getEntityReport.mock.calls.length;
    await userEvent.click(within(form).getByRole('button', { name: 'Waive' }));
    await waitFor(() => expect(api.createWaiver).toHaveBeenCalled());
    const [entity, waiver] = api.createWaiver.mock.calls[0];
    expect(entity).toBe(ordersReport.entityRef);
    expect(waiver).toMatchObject({
      ruleId: 'apk-no-cache',
      fingerprint: FINGERPRINT,
      reason: 'pinned mirror',
    });
    expect(
      await screen.findByText(/Waiver recorded; the score no longer counts/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.getEntityReport.mock.calls.length).toBeGreaterThan(
        reportCalls,
      ),
    );
  });

  it('offers no form to a user without alpine-advisor.waiver.create', async () => {
    // Another entity: permission decisions are cached per resource across renders.
    await renderWithApis(<EntityAlpineAdvisorContent />, {
      api: mockAlpineAdvisorApi(),
      entity: {
        ...serviceEntity,
        metadata: { name: 'no-waivers', namespace: 'default' },
      },
      canRescan: false,
    });
    expect(await screen.findByText('No waivers.')).toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: 'Record a waiver' }),
    ).not.toBeInTheDocument();
  });
});
