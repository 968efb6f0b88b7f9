import fc from 'fast-check';

/*
 * A grammar-ish generator of Dockerfiles: mostly plausible instructions, with
 * the syntax real files use and linters trip over (continuations, comments in
 * continuations, heredocs, exec form, flags, ARG-substituted images, odd
 * casing, directives, suppression comments), salted with noise: unbalanced
 * quotes, stray backslashes, unicode, control characters and lone surrogates.
 */

const IMAGES = [
  'alpine',
  'alpine:latest',
  'alpine:3.20',
  'alpine:3.12',
  'alpine:edge',
  'python:3.12-alpine3.20',
  'python:3.8-alpine3.11',
  'node:20-alpine',
  'golang:1.22',
  'golang:1.22-alpine',
  'rust:1.79',
  'debian:bookworm-slim',
  'ubuntu:jammy',
  'eclipse-temurin:21-jre-alpine',
  'mcr.microsoft.com/dotnet/aspnet:8.0-alpine',
  'gcr.io/distroless/static-debian12',
  'postgres:16-alpine',
  'scratch',
  'builder',
  '0',
  '${BASE_IMAGE}',
  '$BASE:${TAG:-3.20}',
  `alpine@sha256:${'a1'.repeat(32)}`,
  'registry.example.com:5000/team/app:1.0',
];

const PACKAGES = [
  'curl',
  'build-base',
  'gcc',
  'g++',
  'make',
  'musl-dev',
  'python3-dev',
  'libffi-dev',
  'bash',
  'tzdata',
  'gcompat',
  'libc6-compat',
  'ca-certificates',
  'py3-pip',
  'git',
  'openssl=3.1.4-r0',
  'nodejs~20',
  '$PACKAGES',
  '"${EXTRA}"',
];

const COMMANDS = [
  'apk update',
  'apk upgrade',
  'apk upgrade --no-cache',
  'apk del .build-deps',
  'apk --no-cache add --allow-untrusted ./pkg.apk',
  'rm -rf /var/cache/apk/*',
  'apk cache clean',
  'pip install numpy==1.19.5 pandas',
  'pip install --no-cache-dir -r requirements.txt',
  'python -m venv /venv',
  'npm ci --omit=dev',
  'npm cache clean --force',
  'yarn install --frozen-lockfile',
  'go build -o /out/app ./cmd/app',
  'CGO_ENABLED=0 GOOS=linux go build -ldflags="-s -w" -o /app .',
  'cargo build --release',
  'dotnet publish -c Release -r linux-x64 -o /app',
  'wget -q https://example.com/tool-linux-amd64.tar.gz',
  'curl -fsSL https://example.com/x86_64-linux-gnu.deb -o /tmp/x.deb',
  'curl -fsSL "$URL" | tar -xz -C /usr/local',
  'set -eux',
  'set -o pipefail',
  'if [ -f /etc/alpine-release ]; then echo alpine; else echo other; fi',
  'for p in a b c; do echo "$p"; done',
  'while read -r line; do echo "$line"; done < /etc/os-release',
  'case "$ARCH" in x86_64) echo x;; *) echo y;; esac',
  'echo "${VAR:-default}" > /etc/app.conf',
  "echo 'single quoted $NOT_EXPANDED'",
  'echo $(uname -m) `date`',
  'useradd -m app',
  'adduser -D -u 10001 app',
  'locale-gen en_US.UTF-8',
  'ln -sf /usr/share/zoneinfo/Europe/Paris /etc/localtime',
  'cd /tmp && make install',
  'sudo make install',
  'echo "unbalanced',
  "echo 'also unbalanced",
  'echo \\"escaped\\" \\$HOME',
  '(cd /src && ./configure)',
  '{ echo a; echo b; }',
  'x=$((1 + 2))',
  'exec "$@"',
];

const SEPARATORS = [
  ' && ',
  ' || ',
  '; ',
  ' | ',
  ' && \\\n    ',
  ' \\\n    && ',
  ' \\\n  # a comment inside the continuation\n  && ',
  ' \\\n\n  && ',
  ' & ',
];

const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/);

/** Text that breaks naive tokenizers: quotes, escapes, unicode, control characters. */
export const noiseText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom(
      '"',
      "'",
      '`',
      '\\',
      '$',
      '{',
      '}',
      '(',
      ')',
      '[',
      ']',
      '#',
      '<',
      '=',
      ' ',
      '\t',
      '\r',
      '\n',
    ),
    maxLength: 20,
  }),
  fc.string({
    unit: fc
      .integer({ min: 0xd800, max: 0xdfff })
      .map(code => String.fromCharCode(code)),
    maxLength: 3,
  }),
  fc.constantFrom(
    '\u00a0',
    '\u200b',
    '\u2028',
    '\u2029',
    '\ufeff',
    '\u0085',
    '\f',
    '\v',
  ),
);

const keyword = (name: string) =>
  fc.constantFrom(
    name,
    name.toLowerCase(),
    name[0] + name.slice(1).toLowerCase(),
  );

const image = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...IMAGES) },
  word,
);

const fromInstruction = fc
  .tuple(
    keyword('FROM'),
    fc.constantFrom(
      '',
      '--platform=$BUILDPLATFORM ',
      '--platform=linux/amd64 ',
    ),
    image,
    fc.option(word, { nil: undefined }),
  )
  .map(
    ([kw, platform, img, stage]) =>
      `${kw} ${platform}${img}${stage ? ` AS ${stage}` : ''}`,
  );

const apkAdd = fc
  .tuple(
    fc.constantFrom(
      '',
      '--no-cache ',
      '--update ',
      '-U ',
      '--virtual .build-deps ',
      '-t .deps --no-cache ',
    ),
    fc.array(fc.constantFrom(...PACKAGES), { minLength: 1, maxLength: 5 }),
  )
  .map(([flags, packages]) => `apk add ${flags}${packages.join(' ')}`);

const shellCommand = fc.oneof(
  { weight: 3, arbitrary: apkAdd },
  { weight: 4, arbitrary: fc.constantFrom(...COMMANDS) },
  { weight: 1, arbitrary: noiseText },
);

const shellBody = fc
  .tuple(
    fc.array(shellCommand, { minLength: 1, maxLength: 6 }),
    fc.array(fc.constantFrom(...SEPARATORS), { minLength: 6, maxLength: 6 }),
  )
  .map(([commands, separators]) =>
    commands.reduce((body, command, index) =>
      index === 0 ? command : body + separators[index] + command,
    ),
  );

const heredoc = fc
  .tuple(
    fc.constantFrom('EOF', 'EOT', '"EOF"', "'EOF'", '-EOF'),
    fc.constantFrom('', 'bash ', 'cat > /etc/app.conf '),
    fc.array(shellCommand, { maxLength: 5 }),
    fc.boolean(),
  )
  .map(([marker, prefix, lines, terminated]) => {
    const name = marker.replace(/["'-]/g, '');
    const end = marker.startsWith('-') ? `\t${name}` : name;
    return `${prefix}<<${marker}\n${lines.join('\n')}${
      terminated ? `\n${end}` : ''
    }`;
  });

const execForm = fc
  .array(
    fc.oneof(
      word,
      fc.constantFrom('apk', 'add', '--no-cache', 'curl', '/bin/sh', '-c'),
    ),
    {
      minLength: 1,
      maxLength: 5,
    },
  )
  .chain(parts =>
    fc.constantFrom(
      JSON.stringify(parts),
      JSON.stringify(parts).slice(0, -1),
      `[${parts.map(part => `'${part}'`).join(', ')}]`,
    ),
  );

const runInstruction = fc
  .tuple(
    keyword('RUN'),
    fc.constantFrom(
      '',
      '--mount=type=cache,target=/var/cache/apk ',
      '--mount=type=cache,target=/root/.cache/pip --network=none ',
      '--mount=type=secret,id=npmrc,target=/root/.npmrc ',
      '--security=insecure ',
    ),
    fc.oneof(
      { weight: 5, arbitrary: shellBody },
      { weight: 2, arbitrary: heredoc },
      execForm,
    ),
  )
  .map(([kw, flags, body]) => `${kw} ${flags}${body}`);

const copyInstruction = fc
  .tuple(
    fc.constantFrom('COPY', 'copy', 'ADD'),
    fc.subarray(
      [
        '--from=builder',
        '--from=0',
        '--from=golang:1.22',
        '--chown=app:app',
        '--chmod=755',
        '--link',
        '--parents',
      ],
      {
        maxLength: 3,
      },
    ),
    fc.constantFrom(
      '. .',
      'package*.json ./',
      'requirements.txt /app/',
      '/go/bin/app /usr/local/bin/app',
      '/app/node_modules ./node_modules',
      '/usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages',
      '/opt/java/openjdk /opt/java/openjdk',
      'https://example.com/file.tar.gz /tmp/',
      '["src", "dest"]',
      '<<EOF /etc/motd\nhello\nEOF',
    ),
  )
  .map(([kw, flags, args]) => [kw, ...flags, args].join(' '));

const otherInstruction = fc.oneof(
  fc.constantFrom(
    'ARG BASE_IMAGE=alpine:3.20',
    'ARG TAG',
    'ARG TARGETPLATFORM',
    'ENV TZ=Europe/Paris',
    'ENV TZ Europe/Paris',
    'ENV CGO_ENABLED=0',
    'ENV LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8',
    'ENV PATH="/venv/bin:$PATH"',
    'ENV A=1 \\\n    B="two words" \\\n    C=\'three\'',
    'USER app',
    'USER 10001:10001',
    'USER root',
    'WORKDIR /app',
    'WORKDIR relative/dir',
    'EXPOSE 8080/tcp 53/udp',
    'LABEL org.opencontainers.image.source="https://example.com" maintainer=me',
    'CMD ["node", "server.js"]',
    'CMD node server.js',
    'ENTRYPOINT ["/sbin/tini", "--"]',
    'ENTRYPOINT /entrypoint.sh',
    'HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost/ || exit 1',
    'HEALTHCHECK CMD curl -f http://localhost/',
    'HEALTHCHECK NONE',
    'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]',
    'SHELL ["/bin/bash", "-c"',
    'ONBUILD RUN apk add curl',
    'ONBUILD COPY . /app',
    'STOPSIGNAL SIGTERM',
    'VOLUME ["/data"]',
    'MAINTAINER someone@example.com',
    'FROM',
    'RUN',
    'COPY',
    'ENV',
    'ARG',
    'RUN \\',
    'NOTANINSTRUCTION foo bar',
  ),
  fc
    .tuple(keyword('ENV'), word, noiseText)
    .map(([kw, name, value]) => `${kw} ${name}=${value}`),
  fc
    .tuple(keyword('LABEL'), word, noiseText)
    .map(([kw, name, value]) => `${kw} ${name}="${value}"`),
);

const commentLine = fc.oneof(
  fc.constantFrom(
    '# a comment',
    '#',
    '   # indented comment',
    '# alpine-advisor ignore=apk-no-cache,apk-upgrade because reasons',
    '# alpine-advisor global ignore=apk-unpinned',
    '# alpine-advisor ignore=',
    '# hadolint ignore=DL3018,DL3019',
    '# hadolint global ignore=DL3006',
    '# trivy:ignore:DS-0025',
    '# trivy:ignore:AVD-DS-0002[exp:2020-01-01]',
  ),
  noiseText.map(text => `# ${text}`),
);

const line = fc.oneof(
  { weight: 3, arbitrary: fromInstruction },
  { weight: 6, arbitrary: runInstruction },
  { weight: 3, arbitrary: copyInstruction },
  { weight: 4, arbitrary: otherInstruction },
  { weight: 2, arbitrary: commentLine },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t', '\\') },
  { weight: 1, arbitrary: noiseText },
);

const directives = fc.subarray(
  [
    '# syntax=docker/dockerfile:1',
    '# escape=`',
    '# escape=\\',
    '# check=skip=JSONArgsRecommended',
  ],
  { maxLength: 2 },
);

/** A whole Dockerfile as text. */
export const dockerfileText = fc
  .tuple(
    directives,
    fc.array(line, { maxLength: 40 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([header, lines, newline, trailingNewline, bom]) => {
    const body = [...header, ...lines].join('\n').replace(/\n/g, newline);
    return `${bom ? '\ufeff' : ''}${body}${trailingNewline ? newline : ''}`;
  });

/** Arbitrary bytes, and UTF-8 text with invalid sequences spliced in. */
export const dockerfileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc
    .tuple(
      dockerfileText,
      fc.uint8Array({ minLength: 1, maxLength: 8 }),
      fc.nat(),
    )
    .map(([text, garbage, at]) => {
      const encoded = new TextEncoder().encode(text);
      const position = at % (encoded.length + 1);
      const bytes = new Uint8Array(encoded.length + garbage.length);
      bytes.set(encoded.subarray(0, position), 0);
      bytes.set(garbage, position);
      bytes.set(encoded.subarray(position), position + garbage.length);
      return bytes;
    }),
  dockerfileText.map(text => new TextEncoder().encode(text)),
);
