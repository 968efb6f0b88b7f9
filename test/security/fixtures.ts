import type { TestService, TestUser } from './securityBackend';

export const CLEAN_DOCKERFILE = [
  'FROM alpine:3.22',
  'RUN apk add --no-cache ca-certificates',
  'USER 10001',
  'CMD ["app"]',
  '',
].join('\n');

/** One finding: apk-no-cache. */
export const APK_CACHE_DOCKERFILE = [
  'FROM alpine:3.22',
  'RUN apk add curl',
  'USER 10001',
  'CMD ["curl"]',
  '',
].join('\n');

/** Findings of rules no other fixture has (alpine-eol, apk-upgrade, root-user…). */
export const SECRET_DOCKERFILE = [
  'FROM alpine:3.12',
  'RUN apk upgrade && apk add --no-cache bash',
  'COPY . /app',
  'CMD /app/run',
  '',
].join('\n');

export const ALICE = 'user:default/alice';
export const ADMIN = 'user:default/admin';

export const USERS: TestUser[] = [
  {
    userEntityRef: ALICE,
    groups: ['group:default/team-payments'],
    restricted: true,
  },
  {
    userEntityRef: ADMIN,
    groups: ['group:default/platform'],
    restricted: false,
  },
];

/** Words that only the entity hidden from Alice carries: none may reach her. */
export const SECRET_WORDS = ['secret-ledger', 'team-x', 'x-ledger'];

export const SERVICES: TestService[] = [
  {
    name: 'payments-api',
    owner: 'team-payments',
    dockerfile: CLEAN_DOCKERFILE,
  },
  {
    name: 'payments-worker',
    owner: 'team-payments',
    system: 'payments',
    dockerfile: APK_CACHE_DOCKERFILE,
  },
  {
    name: 'secret-ledger',
    owner: 'team-x',
    system: 'x-ledger',
    dockerfile: SECRET_DOCKERFILE,
  },
];
