import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN adduser -S app\nUSER app\n',
    'FROM alpine:3.22 AS base\nUSER 10001\nFROM base\nCMD ["app"]\n',
    'FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /app /app\n',
    'FROM gcr.io/distroless/static-debian12:nonroot\n',
    'FROM alpine:3.22\nUSER root\nRUN apk add --no-cache curl\nUSER app\n',
    {
      name: 'su-exec installed for the entrypoint to drop privileges',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache su-exec redis\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\nCMD ["redis-server"]\n',
    },
    {
      name: 'gosu fetched and smoke-tested, as official images do',
      code: 'FROM alpine:3.22\nRUN wget -qO /usr/local/bin/gosu https://example.org/gosu-amd64 && chmod +x /usr/local/bin/gosu && gosu nobody true\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["mongod"]\n',
    },
    {
      name: 'an s6-overlay image switching to its PUID user',
      code: 'FROM ghcr.io/linuxserver/baseimage-alpine:3.22\nRUN apk add --no-cache transmission-daemon\n',
    },
    {
      name: 'a database server that refuses to run as root and switches user',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache mariadb\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["mysqld"]\n',
    },
    {
      name: 'FreeRADIUS, which Alpine configures to switch to its radius user',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache freeradius\nCMD ["radiusd", "-f", "-l", "stdout"]\n',
    },
    {
      name: 'a tool driving the host Docker daemon through its socket',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache docker-cli\nCOPY inspect-images /usr/local/bin/\nENTRYPOINT ["inspect-images"]\n',
    },
    {
      name: 'docker-gen pointed at the socket by DOCKER_HOST',
      code: 'FROM nginx:1.29-alpine\nENV DOCKER_HOST=unix:///tmp/docker.sock\nCOPY --from=gen /usr/local/bin/docker-gen /usr/local/bin/\nCMD ["forego", "start"]\n',
    },
    {
      name: 'a VPN endpoint that configures network interfaces',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache openvpn\nENTRYPOINT ["openvpn", "--config", "/etc/openvpn/server.conf"]\n',
    },
    {
      name: 'an L2TP/IPsec VPN server whose shell line starts with iptables (vimagick l2tpd)',
      code: 'FROM alpine:edge\nRUN apk add -U libreswan xl2tpd ppp && ipsec initnss && rm -rf /var/cache/apk/*\nCOPY ipsec.conf /etc/ipsec.conf\nCMD iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE \\\n    && ipsec _stackmanager start \\\n    && ipsec pluto \\\n    && xl2tpd -D\n',
    },
    {
      name: 'a router that runs iptables later in its sh -c line',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache iptables dnsmasq\nCMD ["sh", "-c", "sysctl -w net.ipv4.ip_forward=1 && iptables -t nat -A POSTROUTING -j MASQUERADE && exec dnsmasq -k"]\n',
    },
    {
      name: 'an SSH server, which switches to the logged-in user',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache openssh && ssh-keygen -A\nCMD ["/usr/sbin/sshd", "-D", "-e"]\n',
    },
    {
      name: "a Samba domain controller, by its package (authelia's samba suite)",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache bash krb5 openldap-clients openssl samba-dc supervisor\nCOPY init.sh /init.sh\nCMD ["/init.sh", "setup"]\n',
    },
    {
      name: 'a scratch final stage that names a numeric user',
      code: 'FROM scratch\nCOPY app /app\nUSER 65532:65532\n',
    },
    {
      name: 'root in a builder stage does not ship (deliberate difference from hadolint)',
      code: 'FROM alpine:3.22 AS build\nUSER root\nRUN apk add --no-cache build-base\nFROM alpine:3.22\nUSER 10001\n',
    },
    {
      name: 'a file that does not parse',
      code: 'FROM alpine:3.22\nRUN <<EOF\napk add curl\nUSER app\n',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nCMD ["app"]\n',
      errors: [
        { line: 1, severity: 'warning', messageContains: 'sets no USER' },
      ],
    },
    {
      name: 'an end-to-end test runner, by its folder',
      path: 'test/e2e-image/Dockerfile',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache bash curl\nENTRYPOINT ["/run-e2e.sh"]\n',
      errors: [
        {
          line: 1,
          severity: 'info',
          messageContains: 'an image for tests, CI or builds',
        },
      ],
    },
    {
      name: 'a CI builder with an explicit root USER, by its folder',
      path: 'builders/linux.x86_64/Dockerfile',
      code: 'FROM alpine:3.22\nUSER root\nENTRYPOINT ["/usr/local/bin/build"]\n',
      errors: [
        {
          line: 2,
          severity: 'info',
          messageContains: 'is root: the container runs as root, but its path',
        },
      ],
    },
    {
      name: 'a test image, by its own name',
      path: 'Dockerfile.test',
      code: 'FROM alpine:3.22\nCMD ["pytest"]\n',
      errors: [{ line: 1, severity: 'info' }],
    },
    {
      name: 'a docs site is served: its folder says nothing',
      path: 'docs/Dockerfile',
      code: 'FROM nginx:1.29-alpine\nCOPY site /usr/share/nginx/html\nCMD ["nginx", "-g", "daemon off;"]\n',
      errors: [{ line: 1, severity: 'warning' }],
    },
    {
      code: 'FROM alpine:3.22\nUSER app\nRUN x\nUSER root\n',
      errors: [{ line: 4, messageContains: 'is root' }],
    },
    {
      name: 'an explicit root USER on a scratch final stage',
      code: 'FROM golang:1.24-alpine AS build\nFROM scratch\nCOPY --from=build /out/app /app\nUSER root\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 4, messageContains: 'is root' }],
    },
    {
      name: 'uid 0 with a group on a scratch final stage',
      code: 'FROM scratch\nCOPY app /app\nUSER 0:0\n',
      errors: [{ line: 3, messageContains: 'is 0:0' }],
    },
    {
      code: 'FROM node:22-alpine AS build\nUSER node\nFROM alpine:3.22\n',
      errors: [
        { line: 3, severity: 'info', messageContains: 'no service of its own' },
      ],
    },
    {
      name: 'a toolchain image whose CMD is a REPL, behind an entrypoint wrapper',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache python3\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["python3"]\n',
      errors: [{ line: 1, severity: 'info' }],
    },
    {
      name: 'a command-line tool whose default command prints its help',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache tesseract-ocr\nENTRYPOINT ["tesseract"]\nCMD ["--help"]\n',
      errors: [{ line: 1, severity: 'info' }],
    },
    {
      name: 'a toolbox that opens a login shell',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache bash tcpdump curl\nCMD ["bash", "--login", "-i"]\n',
      errors: [{ line: 1, severity: 'info' }],
    },
    {
      name: 'a development image that compiles the source when it starts',
      code: 'FROM golang:1.24-alpine\nWORKDIR /src\nCOPY . .\nENTRYPOINT ["go", "run", "main.go"]\nCMD ["server"]\n',
      errors: [{ line: 1, severity: 'info' }],
    },
    {
      name: "a development image serving the source through Next.js's dev server",
      code: 'FROM node:22-alpine3.24\nWORKDIR /src\nCOPY . .\nRUN npm ci\nCMD ["npx", "next", "dev"]\n',
      errors: [{ line: 1, severity: 'info' }],
    },
    {
      name: 'npm run dev, shell form',
      code: 'FROM node:22-alpine3.24\nWORKDIR /src\nCOPY . .\nRUN npm ci\nCMD npm run dev\n',
      errors: [{ line: 1, severity: 'info' }],
    },
    {
      name: 'npm start is the application, not a dev server',
      code: 'FROM node:22-alpine3.24\nWORKDIR /src\nCOPY . .\nRUN npm ci\nCMD ["npm", "start"]\n',
      errors: [{ line: 1, severity: 'warning' }],
    },
    {
      name: 'vite preview serves a build: not a dev server',
      code: 'FROM node:22-alpine3.24\nWORKDIR /src\nCOPY . .\nRUN npm ci && npx vite build\nCMD ["npx", "vite", "preview"]\n',
      errors: [{ line: 1, severity: 'warning' }],
    },
    {
      name: 'a toolbox that idles until someone execs into it',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache aircrack-ng tmux\nENTRYPOINT ["sleep", "infinity"]\n',
      errors: [{ line: 1, severity: 'info' }],
    },
    {
      name: 'a JRE base image with only a wrapper entrypoint',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache openjdk21-jre\nENTRYPOINT ["/__cacert_entrypoint.sh"]\n',
      errors: [{ line: 1, severity: 'info' }],
    },
    {
      name: 'an application behind an entrypoint wrapper stays a warning',
      code: 'FROM node:22-alpine\nCOPY . /app\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "/app/server.js"]\n',
      errors: [
        { line: 1, severity: 'warning', messageContains: 'sets no USER' },
      ],
    },
    {
      name: 'nginx and php-fpm masters run as root even though their workers do not',
      code: 'FROM php:8.4-fpm-alpine\nCOPY . /var/www/html\nENTRYPOINT ["docker-php-entrypoint"]\nCMD ["php-fpm"]\n',
      errors: [{ line: 1, severity: 'warning' }],
    },
    {
      code: 'FROM nginx:1.29-alpine\nCOPY dist/ /usr/share/nginx/html/\nCMD ["nginx", "-g", "daemon off;"]\n',
      errors: [{ line: 1, severity: 'warning' }],
    },
    {
      name: 'openssh installed for git over ssh: the ssh client, no sshd',
      code: 'FROM node:22-alpine\nRUN apk add --no-cache git openssh\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      errors: [{ line: 1, severity: 'warning' }],
    },
    {
      name: 'supervisor alone runs the app as root',
      code: 'FROM python:3.13-alpine\nRUN apk add --no-cache supervisor\nCOPY . /app\nCMD ["supervisord", "-c", "/app/supervisord.conf"]\n',
      errors: [{ line: 1, severity: 'warning' }],
    },
    {
      name: 'a command-line tool as ENTRYPOINT stays a warning',
      code: 'FROM alpine:3.22\nCOPY tflint /usr/local/bin/\nENTRYPOINT ["tflint"]\n',
      errors: [{ line: 1, severity: 'warning' }],
    },
  ],
});
