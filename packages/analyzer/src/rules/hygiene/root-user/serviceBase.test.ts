import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

// An image with no CMD of its own runs its base image's command: a shell or
// REPL makes it a base for others (info), a server that stays root does not.
testRule(rule, {
  valid: [
    {
      name: 'the unprivileged nginx image',
      code: 'FROM nginxinc/nginx-unprivileged:1.29-alpine3.22\nCOPY dist /usr/share/nginx/html\n',
    },
    {
      name: 'a USER set for the server',
      code: 'FROM caddy:2-alpine\nCOPY dist /srv\nUSER 10001\n',
    },
  ],
  invalid: [
    {
      name: "nginx's master process runs as root",
      code: 'FROM nginx:stable-alpine-slim\nCOPY build /usr/share/nginx/html\n',
      errors: [
        { line: 1, severity: 'warning', messageContains: 'runs as root' },
      ],
    },
    {
      name: 'caddy, named with its registry',
      code: 'FROM docker.io/library/caddy:2-alpine\nCOPY dist /srv\n',
      errors: [{ line: 1, severity: 'warning' }],
    },
    {
      name: "php-fpm's master process, in the stage built FROM",
      code: 'FROM php:8.3-fpm-alpine3.22 AS app\nRUN docker-php-ext-install pdo_mysql\nFROM app\nCOPY . /var/www/html\n',
      errors: [{ line: 3, severity: 'warning' }],
    },
    {
      name: 'the php CLI image runs a REPL: a base for others',
      code: 'FROM php:8.3-cli-alpine3.22\nCOPY . /app\n',
      errors: [{ line: 1, severity: 'info' }],
    },
    {
      name: "redis drops to its user in the image's entrypoint: left as a base",
      code: 'FROM redis:7-alpine\nCOPY redis.conf /usr/local/etc/redis/\n',
      errors: [{ line: 1, severity: 'info' }],
    },
  ],
});
