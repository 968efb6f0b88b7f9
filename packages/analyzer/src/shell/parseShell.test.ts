import { parseCommonShell } from './parseCommonShell';
import { parseWithMvdan } from './mvdanAdapter';
import { parseShell } from './parseShell';
import type { ShellScript } from './types';

function summary(script: ShellScript) {
  return script.commands.map(command => ({
    name: command.name,
    args: command.args.map(arg => arg.value),
    assignments: command.assignments.map(
      a => `${a.name}=${a.value?.value ?? ''}`,
    ),
    redirects: command.redirects.map(r => `${r.operator}${r.target.value}`),
    inPipeline: command.inPipeline,
    inCondition: command.inCondition ?? false,
    span: [command.start, command.end],
    words: command.argv.map(word => [word.start, word.end, word.text]),
  }));
}

/** Bodies inside the fast path's subset: both paths must agree on them. */
const FLAT_BODIES = [
  'apk add --no-cache curl ca-certificates',
  'set -eux; apk add --no-cache --virtual .build-deps gcc musl-dev; pip install --no-cache-dir -r requirements.txt; apk del .build-deps',
  'apk update && apk upgrade && apk add bash git',
  'addgroup -S app && adduser -S -G app app',
  'CGO_ENABLED=0 GOOS=linux go build -ldflags="-s -w" -o /out/app ./cmd/app',
  'npm ci --omit=dev && npm cache clean --force',
  'curl -fsSL https://example.org/install.sh | sh -s -- -y',
  'echo "hosts: files dns" > /etc/nsswitch.conf',
  'ln -sf /usr/share/zoneinfo/$TZ /etc/localtime && echo "${TZ}" > /etc/timezone',
  'rm -rf /var/cache/apk/* /tmp/* 2>&1 >/dev/null || true',
  'wget -qO- "https://example.org/a.tar.gz" | tar -xz -C /opt   # fetch it',
  'export PATH=/opt/bin:$PATH; make -j4 install &\nwait',
  "sh -c 'apk add --no-cache git && git --version'",
  'a=1\nb="two words"\necho $a "$b" \\"x\\"',
  'echo é ü && apk add --no-cache tzdata',
  'make -j"$(nproc)" && install -m 0755 wrk /usr/local/bin/wrk',
  'apkArch="$(apk --print-arch)"; wget -O /tmp/x "https://example.org/$(uname -m)/x.tgz"',
  'echo $(date +%s) > /build-time && echo "$(cat /etc/os-release | head -n1)"',
  "runDeps=\"$(scanelf --needed --nobanner /usr/local | tr ',' '\\n' | sort -u)\" && apk add $runDeps",
  'set -eux; arch="$(apk --print-arch)"; case "$arch" in x86_64|aarch64) flags=\'\' ;; *) flags=\'MALLOC=libc\' ;; esac; make $flags',
  'if [ -n "$DEV" ]; then apk add --no-cache gdb; elif [ -n "$CI" ]; then echo ci; else true; fi && apk add curl',
  'for tool in a b c; do if [ -e "/usr/local/bin/$tool" ]; then rm "/usr/local/bin/$tool"; fi; done',
  'for f in $(ls /etc/*.conf); do cp "$f" /backup/; done > /tmp/log 2>&1',
  'while read -r line; do echo "$line"; done < /etc/hosts',
  '(cd /src && make) | tee /tmp/build.log',
  '{ echo a; echo b; } > /tmp/out && ! grep -q c /tmp/out',
  'until curl -fsS http://localhost:8080/health; do\n  sleep 1\ndone',
  'case "$(uname -m)" in\n  (x86_64) ARCH=amd64 ;;\n  aarch64)\n    ARCH=arm64\n    ;;\nesac\nwget "https://example.org/$ARCH/tool"',
  'if true\nthen\n  echo \\\n    continued\nfi',
  'for d in cache logs; do mkdir -p "/srv/$d" & done; wait',
  'if [ -f /a ]; then # a comment inside\n  cat /a | sort | uniq\nfi 2>/dev/null | tee /b',
  'set -eux; \\\n    case "$(apk --print-arch)" in \\\n        x86_64|aarch64) extra_flags=\'\' ;; \\\n        *) extra_flags=\'MALLOC=libc\' ;; \\\n    esac; \\\n    make -C /usr/src/redis -j "$(nproc)" $extra_flags all; \\\n    for tool in redis-benchmark redis-check-aof; do \\\n        if [ -e "/usr/local/bin/$tool" ]; then rm "/usr/local/bin/$tool"; fi; \\\n    done',
  'x=1; export PATH="/opt/bin:$PATH"; { cd /tmp || exit 1; } && ls',
  'case $1 in\n  start) exec app ;;\n  *) echo "usage" >&2; exit 64\nesac',
  'if curl -fsS "$URL" | grep -q ok; then echo up; elif ! apk info | grep -q x; then if a | b; then c; fi; else d | e; fi',
  'while ! nc -z db 5432 | cat; do sleep 1; done; until [ "$(cat /x | wc -l)" -gt 0 ]; do f | g; done',
];

/** Bodies the fast path must leave to mvdan/sh. */
const REAL_PARSER_BODIES = [
  'echo `date`',
  'i=$((i + 1))',
  'f() { echo hi; }; f',
  '[[ -n "$X" ]] && echo yes',
  'cat <<EOF\nhello\nEOF',
  'if true; then fi',
  "echo $'tab\\t'",
  'a |& b',
  '((i++))',
];

describe('parseShell', () => {
  it.each(FLAT_BODIES)('fast path and mvdan/sh agree on %p', body => {
    const fast = parseCommonShell(body, 10);
    expect(fast).toBeDefined();
    expect(summary(fast!)).toEqual(summary(parseWithMvdan(body, 10)));
    expect(fast!.hasPipeline).toBe(parseWithMvdan(body, 10).hasPipeline);
  });

  it.each(REAL_PARSER_BODIES)('leaves %p to mvdan/sh', body => {
    expect(parseCommonShell(body, 0)).toBeUndefined();
  });

  it('marks the commands of if, elif, while and until conditions', () => {
    const script = parseShell(
      'if a | grep -q x; then b | c; elif d; then e; else f; fi; while g; do h; done; i',
      0,
    );
    expect(script.commands.map(c => [c.name, c.inCondition ?? false])).toEqual([
      ['a', true],
      ['grep', true],
      ['b', false],
      ['c', false],
      ['d', true],
      ['e', false],
      ['f', false],
      ['g', true],
      ['h', false],
      ['i', false],
    ]);
  });

  it('reads commands with arguments, quoting removed', () => {
    const script = parseShell(
      'set -eux; apk add --no-cache "py3-pip" \'curl\'',
      0,
    );
    expect(script.parser).toBe('flat');
    expect(summary(script).map(c => [c.name, ...c.args])).toEqual([
      ['set', '-eux'],
      ['apk', 'add', '--no-cache', 'py3-pip', 'curl'],
    ]);
  });

  it('finds the commands inside compound commands', () => {
    const body =
      'set -eux; arch="$(apk --print-arch)"; case "$arch" in x86_64) apk add --no-cache a ;; *) exit 1 ;; esac; ' +
      'if [ -n "$X" ]; then pip install -r r.txt; fi; for k in a b; do gpg --recv "$k"; done; (cd /src && make) | tee log';
    const script = parseShell(body, 0);
    expect(script.commands.map(c => c.name)).toEqual([
      'set',
      '',
      'apk',
      'apk',
      'exit',
      '[',
      'pip',
      'gpg',
      'cd',
      'make',
      'tee',
    ]);
    expect(script.hasPipeline).toBe(true);
    expect(script.commands.find(c => c.name === 'make')!.inPipeline).toBe(true);
    expect(script.commands.find(c => c.name === 'pip')!.inPipeline).toBe(false);
  });

  it('marks words with expansions as not literal', () => {
    const [command] = parseShell('apk add $PKGS "lib${V}" plain', 0).commands;
    expect(command.args.map(a => a.literal)).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  it('keeps Dockerfile offsets, also through multi-byte text and sh -c strings', () => {
    const body = `echo "é$(date)" \`true\` && sh -c 'apk add git'`;
    const script = parseShell(body, 100);
    const apk = script.commands.find(c => c.name === 'apk')!;
    expect(body.slice(apk.start - 100, apk.end - 100)).toBe('apk add git');
    const date = script.commands.find(c => c.name === 'date')!;
    expect(body.slice(date.start - 100, date.end - 100)).toBe('date');
  });

  it('degrades to the tokenizer on invalid shell, with the reason', () => {
    const script = parseShell('apk add "unterminated && echo', 0);
    expect(script.parser).toBe('tokenizer');
    expect(script.error).toMatch(/quote/);
    expect(script.commands[0].name).toBe('apk');
  });

  it('never throws on odd input', () => {
    for (const body of [
      '',
      ';;',
      '&& x',
      'fi',
      '((',
      '`',
      '$(',
      "'",
      '\\',
      '|',
      'a |',
      '{ a',
      'x'.repeat(70000),
    ]) {
      expect(() => parseShell(body, 0)).not.toThrow();
    }
  });

  it('treats `export` like a command in both paths', () => {
    expect(summary(parseShell('export CGO_ENABLED=0', 0))[0].args).toEqual([
      'CGO_ENABLED=0',
    ]);
    expect(
      summary(parseShell('export CGO_ENABLED=0; $(x)', 0))[0].args,
    ).toEqual(['CGO_ENABLED=0']);
  });
});
