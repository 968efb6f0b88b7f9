import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nCMD ["app", "--serve"]\n',
    'FROM alpine:3.22 AS build\nCMD make\nFROM alpine:3.22\nENTRYPOINT ["/app"]\n',
    {
      name: 'an empty JSON array clears the inherited command',
      code: 'FROM docker:29-dind\nENTRYPOINT ["dockerd-entrypoint.sh"]\nCMD []\n',
    },
    'FROM alpine:3.22\nENTRYPOINT [ ]\nCMD ["sh"]\n',
    {
      name: "Alpine's sh (busybox ash) execs the command: node gets SIGTERM itself",
      code: 'FROM node:22-alpine\nCMD node server.js --port $PORT\n',
    },
    {
      name: 'Alpine: the last command of a plain && / ; sequence is exec-ed too',
      code: 'FROM alpine:3.22\nWORKDIR /srv\nCMD cd /srv/app && export MODE=prod; ./server >> /var/log/app.log 2>&1\n',
    },
    {
      name: 'Alpine: a sequence over continuation lines',
      code: "FROM alpine:3.22\nCMD set -xe \\\n    && mkdir -p /run/nginx/ \\\n    && nginx -g 'daemon off;'\n",
    },
    {
      name: 'Alpine without a known release (a floating tag)',
      code: 'FROM python:3-alpine\nCMD gunicorn app:app\n',
    },
    {
      name: 'behind a wrapper ENTRYPOINT (docker-entrypoint.sh, bare tini) the shell line runs as the command',
      code: 'FROM node:22-alpine\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD node server.js\n',
    },
    {
      name: 'bare tini runs its arguments: the shell, which execs the program',
      code: 'FROM alpine:3.22\nENTRYPOINT ["/sbin/tini", "--"]\nCMD /usr/local/bin/server\n',
    },
    {
      name: 'an explicit exec replaces any shell',
      code: 'FROM debian:12-slim\nCMD cd /app && exec node server.js\n',
    },
  ],
  invalid: [
    {
      name: "Debian's sh (dash) forks: the shell stays PID 1",
      code: 'FROM node:22-bookworm-slim\nCMD node server.js\n',
      errors: [{ line: 2, messageContains: 'CMD in shell form' }],
    },
    {
      name: 'Alpine, but the program is piped: the shell waits for both',
      code: 'FROM alpine:3.22\nCMD ./server | tee /var/log/server.log\n',
      errors: [{ line: 2, messageContains: 'does not pass SIGTERM' }],
    },
    {
      name: 'Alpine, but || keeps the shell to run the fallback',
      code: 'FROM alpine:3.22\nCMD ./server || sleep 10\n',
      errors: [{ line: 2, messageContains: 'does not pass SIGTERM' }],
    },
    {
      name: 'Alpine, but a trap keeps the shell',
      code: "FROM alpine:3.22\nCMD trap 'echo bye' TERM; ./server\n",
      errors: [{ line: 2, messageContains: 'does not pass SIGTERM' }],
    },
    {
      name: 'Alpine, but the first program runs in the background',
      code: 'FROM alpine:3.22\nCMD ./worker & ./server\n',
      errors: [{ line: 2, messageContains: 'does not pass SIGTERM' }],
    },
    {
      name: 'Alpine with bash as SHELL',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache bash\nSHELL ["/bin/bash", "-c"]\nCMD ./server\n',
      errors: [{ line: 4, messageContains: 'does not pass SIGTERM' }],
    },
    {
      name: 'Alpine 3.5 over continuation lines: still forks',
      code: 'FROM alpine:3.5\nCMD ss-server -s "$SERVER_ADDR" \\\n    -u \\\n    --fast-open $OPTIONS\n',
      errors: [{ line: 2, messageContains: 'does not pass SIGTERM' }],
    },
    {
      name: 'Alpine 3.7: busybox 1.27 forks',
      code: 'FROM alpine:3.7\nCMD ./server\n',
      errors: [{ line: 2, messageContains: 'does not pass SIGTERM' }],
    },
    {
      name: 'an exec that is not in tail position does not count',
      code: 'FROM debian:12-slim\nCMD exec node server.js || echo failed\n',
      errors: [{ line: 2, messageContains: 'does not pass SIGTERM' }],
    },
    {
      name: 'Alpine ENTRYPOINT: signals reach it, but it drops CMD and docker run arguments',
      code: 'FROM alpine:3.22\nENTRYPOINT /entrypoint.sh\n',
      errors: [
        {
          line: 2,
          severity: 'info',
          messageContains: 'ignores CMD and `docker run` arguments',
        },
      ],
    },
    {
      name: 'single quotes are not JSON: the shell runs `[node,`',
      code: "FROM node:22-alpine\nCMD ['node', 'server.js']\n",
      errors: [{ line: 2, severity: 'error', messageContains: 'is not JSON' }],
    },
    {
      name: 'Alpine, but an exec-form ENTRYPOINT program gets the shell line as its arguments',
      code: 'FROM alpine:3.22\nENTRYPOINT ["/usr/local/bin/server"]\nCMD --port 8080\n',
      errors: [{ line: 3, messageContains: '`server` gets `/bin/sh`, `-c`' }],
    },
    {
      name: 'the same behind tini',
      code: 'FROM alpine:3.22\nENTRYPOINT ["/sbin/tini", "-p", "SIGTERM", "--", "/app"]\nCMD --verbose\n',
      errors: [{ line: 3, messageContains: '`app` gets' }],
    },
    {
      code: 'FROM debian:12-slim\nENTRYPOINT /entrypoint.sh\n',
      errors: [{ line: 2, severity: 'warning', messageContains: 'ENTRYPOINT' }],
    },
  ],
});
