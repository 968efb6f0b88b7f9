import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import { CLEAN_DOCKERFILE, component } from '../__testUtils__/entities';
import { fileReport, finding, scanSuccess } from '../__testUtils__/fixtures';
import { createScanHarness, T0 } from '../__testUtils__/scanHarness';
import { DatabaseKnowledgeStore } from '../knowledge/DatabaseKnowledgeStore';
import { createCompliancePolicy } from '../service/report/compliance';
import { WaiverApplier } from '../waivers/WaiverApplier';
import { AdvisorNotifier } from './AdvisorNotifier';
import { NotificationStateStore } from './NotificationStateStore';
import { ResultSignals } from './ResultSignals';
import { ScanResultNotifier } from './ScanResultNotifier';
import { NOTIFICATION_TOPICS, readNotificationSettings } from './settings';
import { WaiverExpiryNotifier } from './WaiverExpiryNotifier';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ORDERS = 'component:default/orders';
const URL = 'https://scm.test/orders/';
const DAY = 24 * 60 * 60 * 1000;

/** Downloads a glibc build of Node.js into Alpine: an error-level musl finding. */
const GLIBC_NODE_DOCKERFILE = CLEAN_DOCKERFILE.replace(
  'RUN apk add --no-cache ca-certificates',
  'RUN apk add --no-cache ca-certificates \\\n && wget -qO- https://nodejs.org/dist/v22.17.0/node-v22.17.0-linux-x64.tar.xz | tar -xJ -C /opt',
);
/** A second, different error-level musl finding (same count as above when alone). */
const GLIBC_TOOL_DOCKERFILE = CLEAN_DOCKERFILE.replace(
  'RUN apk add --no-cache ca-certificates',
  'RUN apk add --no-cache ca-certificates \\\n && wget -q https://example.org/r/acme-1.0-x86_64-unknown-linux-gnu.tar.gz',
);

type Sent = NotificationSendOptions[];

async function setUp(
  databaseId: TestDatabaseId,
  config: JsonObject = {},
  options: { failSends?: boolean } = {},
) {
  const sent: Sent = [];
  const notifications = {
    send: jest.fn(async (notification: NotificationSendOptions) => {
      if (options.failSends) throw new Error('notifications backend down');
      sent.push(notification);
    }),
  };
  const published: Array<{ channel: string; message: unknown }> = [];
  const signals = {
    publish: jest.fn(async (signal: { channel: string; message: unknown }) => {
      published.push({ channel: signal.channel, message: signal.message });
    }),
  };
  const settings = readNotificationSettings(
    new ConfigReader({ alpineAdvisor: { notifications: config } }),
  );
  let notifier: AdvisorNotifier | undefined;
  const clock = { now: T0 };
  const harness = await createScanHarness({
    databases,
    databaseId,
    entities: [component('orders', { owner: 'team-payments' })],
    repositories: {
      [URL]: { files: { Dockerfile: CLEAN_DOCKERFILE }, revision: 'r1' },
    },
    listeners: (db: Knex) => {
      notifier = new AdvisorNotifier({
        notifications,
        store: new NotificationStateStore(db),
        settings,
        logger: mockServices.logger.mock(),
        now: () => clock.now,
      });
      return [
        new ResultSignals(signals),
        new ScanResultNotifier({
          notifier,
          policy: createCompliancePolicy({}),
          gradeDropStep: settings.gradeDropStep,
          now: () => clock.now,
        }),
      ];
    },
  });
  let revision = 1;
  /** A new commit with this Dockerfile, then a sweep: the scan stores a new result. */
  const commit = async (dockerfile: string) => {
    revision += 1;
    harness.reader.repositories[URL] = {
      files: { Dockerfile: dockerfile },
      revision: `r${revision}`,
    };
    await harness.sweep();
  };
  const setTime = (time: Date) => {
    clock.now = time;
    harness.clock.now = time;
  };
  const grade = async () =>
    (await harness.reports.getEntityReport(ORDERS))!.grade;
  return {
    harness,
    sent,
    notifications,
    published,
    notifier: () => notifier!,
    commit,
    setTime,
    grade,
  };
}

describe.each(databases.eachSupportedId())(
  'notifications on %p',
  databaseId => {
    it('notifies the owning group once of a new breaking musl risk and the grade it cost; an identical result notifies nobody', async () => {
      const { harness, sent, commit, grade } = await setUp(databaseId);
      await harness.sweep();
      expect(await grade()).toBe('A');
      // The first result seen only records the entity's state.
      expect(sent).toEqual([]);

      await commit(GLIBC_NODE_DOCKERFILE);
      const risky = await grade();
      expect(['C', 'D', 'F']).toContain(risky);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toEqual({
        recipients: {
          type: 'entity',
          entityRef: 'group:default/team-payments',
        },
        payload: {
          title: `New breaking musl risk in ${ORDERS}`,
          description: expect.stringContaining(
            'New error-level musl finding: glibc-download-in-alpine (Dockerfile:',
          ),
          link: '/catalog/default/component/orders/alpine-advisor',
          severity: 'high',
          topic: 'alpine-advisor:new-musl-risk',
          scope: `alpine-advisor:new-musl-risk:${ORDERS}`,
        },
      });
      // The grade drop it caused is said in the same notification.
      expect(sent[0].payload.description).toContain(
        `Grade A → ${risky}, below the compliance policy`,
      );

      // The same result again (another commit, another sweep): nothing new.
      await commit(`${GLIBC_NODE_DOCKERFILE}\n`);
      await harness.sweep();
      expect(sent).toHaveLength(1);
    });

    it("forgets a service's notification state once the sweep removed it from the catalog, and only then", async () => {
      const { harness, sent, commit, setTime } = await setUp(databaseId);
      await harness.sweep();
      await commit(GLIBC_NODE_DOCKERFILE);
      expect(sent).toHaveLength(1);
      setTime(new Date(T0.getTime() + 60 * 60_000));
      const stateOf = (entityRef: string) =>
        harness.db('notification_state').where('entity_ref', entityRef);
      // A row of a service removed long ago, left before pruning was scheduled.
      await harness.db('notification_state').insert({
        entity_ref: 'component:default/retired',
        topic: 'new-musl-risk',
        key: 'glibc-download-in-alpine',
        state: 'open',
        notified_at: T0,
        updated_at: T0,
      });

      // Still in the catalog: its state stays (and dedupes the next sweep).
      await harness.sweep();
      expect(await stateOf(ORDERS)).not.toHaveLength(0);
      expect(await stateOf('component:default/retired')).toHaveLength(0);

      // Gone from the catalog: the sweep's cleanup deletes it, and its state.
      const summary = await harness.sweepOver([]);
      expect(summary.removed).toBe(1);
      expect(await stateOf(ORDERS)).toHaveLength(0);
      expect(sent).toHaveLength(1);
    });

    it('compares musl findings by identity, not by count', async () => {
      const { harness, sent, commit } = await setUp(databaseId);
      await harness.sweep();
      await commit(GLIBC_NODE_DOCKERFILE);
      expect(sent).toHaveLength(1);
      // One error-level musl finding before and after, but another one.
      await commit(GLIBC_TOOL_DOCKERFILE);
      expect(sent).toHaveLength(2);
      expect(sent[1].payload.topic).toBe('alpine-advisor:new-musl-risk');
      expect(sent[1].payload.description).toContain('glibc-download-in-alpine');
      // The grade stayed as low: no grade drop is mentioned.
      expect(sent[1].payload.description).not.toContain('Grade');
      // Fixed, then the first risk back: it is new again.
      await commit(CLEAN_DOCKERFILE);
      expect(sent).toHaveLength(2);
      await commit(GLIBC_NODE_DOCKERFILE);
      expect(sent).toHaveLength(3);
    });

    it('notifies a grade drop by the configured step, once, and again only after a further drop', async () => {
      const { harness, sent, commit, grade } = await setUp(databaseId, {
        gradeDropStep: 1,
      });
      await harness.sweep();
      expect(await grade()).toBe('A');
      // Root user, no --no-cache, untagged: still no musl risk.
      const worse = [
        'FROM alpine:3.22',
        'RUN apk add curl',
        'CMD ["curl", "--version"]',
        '',
      ].join('\n');
      await commit(worse);
      const dropped = await grade();
      expect(['B', 'C', 'D', 'F']).toContain(dropped);
      expect(sent).toHaveLength(1);
      expect(sent[0].payload).toEqual(
        expect.objectContaining({
          topic: 'alpine-advisor:grade-drop',
          title: `${ORDERS} dropped to grade ${dropped}`,
          severity: 'high',
          scope: `alpine-advisor:grade-drop:${ORDERS}`,
        }),
      );
      await commit(`${worse}\n`);
      expect(sent).toHaveLength(1);
      // Back to A and down again: a new change.
      await commit(CLEAN_DOCKERFILE);
      await commit(worse);
      expect(sent).toHaveLength(2);
    });

    it('does not notify a one-grade drop within the policy under the default step of 2', async () => {
      const { harness, sent, commit, grade, notifier } = await setUp(
        databaseId,
      );
      expect(notifier).toBeDefined();
      await harness.sweep();
      await commit(
        CLEAN_DOCKERFILE.replace(
          'RUN apk add --no-cache ca-certificates',
          'RUN apk add ca-certificates',
        ),
      );
      expect(await grade()).toBe('B');
      expect(sent).toEqual([]);
    });

    it('notifies when the Alpine release comes within 90 days of its end of life, then when it reaches it', async () => {
      const { harness, sent, commit, setTime } = await setUp(databaseId);
      await harness.sweep();
      // Alpine 3.20 reaches its end of life on 2026-04-01, 31 days after T0.
      const on320 = CLEAN_DOCKERFILE.replace(
        /alpine3\.22/g,
        'alpine3.20',
      ).replace('FROM alpine:3.22', 'FROM alpine:3.20');
      await commit(on320);
      expect(sent.map(notification => notification.payload.topic)).toEqual([
        'alpine-advisor:alpine-eol',
      ]);
      expect(sent[0].payload.description).toBe(
        'Alpine 3.20 reaches its end of life within 90 days.',
      );
      expect(sent[0].payload.severity).toBe('normal');
      await commit(`${on320}\n`);
      expect(sent).toHaveLength(1);

      setTime(new Date(T0.getTime() + 40 * DAY));
      await commit(`${on320}\n\n`);
      expect(sent).toHaveLength(2);
      expect(sent[1].payload).toEqual(
        expect.objectContaining({
          topic: 'alpine-advisor:alpine-eol',
          title: `${ORDERS} runs an end-of-life Alpine release`,
          description: 'Alpine 3.20 is past its end of life.',
        }),
      );
      await commit(`${on320}\n\n\n`);
      expect(sent).toHaveLength(2);
    });

    it('sends nothing when switched off, and nothing of a topic switched off', async () => {
      const off = await setUp(databaseId, { enabled: false });
      expect(
        off.notifier().isTopicEnabled(NOTIFICATION_TOPICS.newMuslRisk),
      ).toBe(false);
      await off.harness.sweep();
      await off.commit(GLIBC_NODE_DOCKERFILE);
      expect(off.sent).toEqual([]);

      const noMusl = await setUp(databaseId, {
        topics: { 'new-musl-risk': false },
      });
      await noMusl.harness.sweep();
      await noMusl.commit(GLIBC_NODE_DOCKERFILE);
      // The grade drop is still told, alone.
      expect(noMusl.sent.map(n => n.payload.topic)).toEqual([
        'alpine-advisor:grade-drop',
      ]);
      // Switching the topic on later does not flood: the state was kept.
      const [{ n }] = await noMusl.harness
        .db('notification_state')
        .where({ topic: 'alpine-advisor:new-musl-risk' })
        .count({ n: '*' });
      expect(Number(n)).toBe(1);
    });

    it('sends a change again when the notifications backend failed to take it', async () => {
      const failing = await setUp(databaseId, {}, { failSends: true });
      await failing.harness.sweep();
      await failing.commit(GLIBC_NODE_DOCKERFILE);
      expect(failing.notifications.send).toHaveBeenCalledTimes(1);
      // The state went back: the same result seen again is sent again.
      await failing.commit(`${GLIBC_NODE_DOCKERFILE}\n`);
      expect(failing.notifications.send).toHaveBeenCalledTimes(2);
    });

    it('notifies once per expired waiver', async () => {
      const { harness, sent, notifier, setTime } = await setUp(databaseId);
      await harness.sweep();
      await harness.waivers.insert({
        id: 'w-1',
        entityRef: ORDERS,
        ruleId: 'apk-no-cache',
        reason: 'Vendor image, fixed next quarter',
        expiresAt: new Date(T0.getTime() + 2 * DAY),
        status: 'active',
        createdBy: 'user:default/olivia',
        createdAt: T0,
      });
      const applier = new WaiverApplier({
        waivers: harness.waivers,
        knowledgeStore: new DatabaseKnowledgeStore(harness.db),
        scanStore: harness.store,
        analysis: harness.analysis,
        logger: mockServices.logger.mock(),
        now: () => harness.clock.now,
        onExpired: expired =>
          new WaiverExpiryNotifier(notifier()).waiversExpired(expired),
      });
      expect(await applier.applyExpiries()).toEqual([]);
      expect(sent).toEqual([]);

      setTime(new Date(T0.getTime() + 3 * DAY));
      expect(await applier.applyExpiries()).toEqual([ORDERS]);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toEqual({
        recipients: {
          type: 'entity',
          entityRef: 'group:default/team-payments',
        },
        payload: {
          title: `A waiver on ${ORDERS} expired`,
          description:
            'The waiver of the apk-no-cache findings expired on 2026-03-03 ("Vendor image, fixed next quarter"); those findings count against the score again.',
          link: '/catalog/default/component/orders/alpine-advisor',
          severity: 'normal',
          topic: 'alpine-advisor:waiver-expired',
          scope: `alpine-advisor:waiver-expired:${ORDERS}:w-1`,
        },
      });
      expect(await applier.applyExpiries()).toEqual([]);
      // Told twice of the same expiry (e.g. two replicas): one notification.
      await new WaiverExpiryNotifier(notifier()).waiversExpired([
        (await harness.waivers.get('w-1'))!,
      ]);
      expect(sent).toHaveLength(1);
    });

    it('sends one notification when two replicas store the same change at once', async () => {
      const { harness, sent } = await setUp(databaseId);
      await harness.sweep();
      const replica = (send: Sent) =>
        new ScanResultNotifier({
          notifier: new AdvisorNotifier({
            notifications: {
              send: async notification => {
                send.push(notification);
              },
            },
            store: new NotificationStateStore(harness.db),
            settings: readNotificationSettings(new ConfigReader({})),
            logger: mockServices.logger.mock(),
          }),
          policy: createCompliancePolicy({}),
          gradeDropStep: 2,
        });
      const sentByOther: Sent = [];
      const [one, other] = [replica(sent), replica(sentByOther)];
      const risky = scanSuccess(
        ORDERS,
        [
          fileReport({
            score: 55,
            grade: 'C',
            findings: [
              finding({
                ruleId: 'glibc-download-in-alpine',
                category: 'musl',
                severity: 'error',
                fingerprint: '0123456789abcdef',
              }),
            ],
          }),
        ],
        { trigger: 'rescan' },
      );
      await Promise.all([
        one.resultsStored({ successes: [risky], entityRefs: [ORDERS] }),
        other.resultsStored({ successes: [risky], entityRefs: [ORDERS] }),
        one.resultsStored({ successes: [risky], entityRefs: [ORDERS] }),
        other.resultsStored({ successes: [risky], entityRefs: [ORDERS] }),
      ]);
      expect([...sent, ...sentByOther]).toHaveLength(1);
      expect([...sent, ...sentByOther][0].payload.description).toBe(
        'New error-level musl finding: glibc-download-in-alpine (Dockerfile:3). Grade A → C, below the compliance policy (grade B or better and no error-severity musl finding).',
      );
    });

    it('announces each stored result on the entity signals channel', async () => {
      const { harness, published, commit } = await setUp(databaseId);
      await harness.sweep();
      expect(published).toEqual([
        {
          channel: `alpine-advisor:entity:${ORDERS}`,
          message: { type: 'results-stored', entityRef: ORDERS },
        },
      ]);
      // An unchanged repository stores nothing new: no signal.
      await harness.sweep();
      expect(published).toHaveLength(1);
      await commit(GLIBC_NODE_DOCKERFILE);
      expect(published).toHaveLength(2);
    });
  },
);

describe('readNotificationSettings', () => {
  it('has defaults and refuses a bad step', () => {
    const settings = readNotificationSettings(new ConfigReader({}));
    expect(settings).toEqual({
      enabled: true,
      gradeDropStep: 2,
      disabledTopics: new Set(),
      entityLink: '/catalog/{namespace}/{kind}/{name}/alpine-advisor',
    });
    expect(() =>
      readNotificationSettings(
        new ConfigReader({
          alpineAdvisor: { notifications: { gradeDropStep: 0 } },
        }),
      ),
    ).toThrow(/gradeDropStep must be a whole number of grades from 1 to 4/);
  });
});

describe('AdvisorNotifier.sendTo', () => {
  it('sends to a group directly, with the topic in the scope, unless the topic is off', async () => {
    const sent: Sent = [];
    const notifier = (config: JsonObject) =>
      new AdvisorNotifier({
        notifications: {
          send: async notification => {
            sent.push(notification);
          },
        },
        store: {} as NotificationStateStore,
        settings: readNotificationSettings(
          new ConfigReader({ alpineAdvisor: { notifications: config } }),
        ),
        logger: mockServices.logger.mock(),
      });
    const notice = {
      title: 'Campaign retire-eol-alpine is due in 3 days',
      description: '2 of your services are still affected.',
      severity: 'normal' as const,
      link: '/alpine-advisor/campaigns',
      scopeKey: 'retire-eol-alpine',
    };
    expect(
      await notifier({}).sendTo(
        'group:default/team-payments',
        'alpine-advisor:campaign-deadline',
        notice,
      ),
    ).toBe(true);
    expect(sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: 'group:default/team-payments',
        },
        payload: {
          title: notice.title,
          description: notice.description,
          link: '/alpine-advisor/campaigns',
          severity: 'normal',
          topic: 'alpine-advisor:campaign-deadline',
          scope: 'alpine-advisor:campaign-deadline:retire-eol-alpine',
        },
      },
    ]);
    expect(
      await notifier({ topics: { 'campaign-deadline': false } }).sendTo(
        'group:default/team-payments',
        'alpine-advisor:campaign-deadline',
        notice,
      ),
    ).toBe(false);
    expect(sent).toHaveLength(1);
  });
});
