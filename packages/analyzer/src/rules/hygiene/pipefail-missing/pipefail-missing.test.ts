import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM alpine:3.22\nRUN set -o pipefail && wget -qO- https://example.org | tar -xz\n',
    'FROM alpine:3.22\nRUN set -euxo pipefail; wget -qO- https://example.org | tar -xz\n',
    'FROM alpine:3.22\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://example.org | tar -xz\n',
    'FROM alpine:3.22\nRUN apk add --no-cache curl || true\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n',
    '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir C:\\ | findstr Windows\n',
    {
      name: 'a pipe tested by if: its status picks the branch',
      code: 'FROM alpine:3.22\nRUN if apk info -e | grep -q "^bash$"; then echo has-bash; fi\n',
    },
    'FROM debian:12\nRUN while ! pg_isready -h db | grep -q accepting; do sleep 1; done\n',
    {
      name: 'echo feeding a checksum check: only the last command can fail',
      code: 'FROM alpine:3.22\nRUN wget -O app.tgz https://example.org/app.tgz \\\n && echo "$APP_SHA256 *app.tgz" | sha256sum -c -\n',
    },
    {
      name: 'grep of a checksum list piped to sha256sum -c: an empty list fails the check',
      code: 'FROM debian:12\nRUN grep " node-v22.0.0-linux-x64.tar.xz$" SHASUMS256.txt | sha256sum -c -\n',
    },
    {
      name: 'a local query of the build machine',
      code: 'FROM alpine:3.22\nRUN dpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \\\n    wget -O /usr/local/bin/gosu "https://example.org/gosu-$dpkgArch"\n',
    },
    {
      name: 'a checksum assigned and then compared',
      code: 'FROM alpine:3.22\nRUN actual=$(sha256sum /tmp/src.tgz | cut -d" " -f1) \\\n && [ "$actual" = "$EXPECTED" ] || exit 1\n',
    },
    {
      name: 'a pipe whose failure is handled with ||',
      code: 'FROM alpine:3.22\nRUN { find /usr/local -name src | xargs -r find | xargs rmdir -vp || true; }\n',
    },
    {
      name: 'patch rejects the empty input a failed producer leaves',
      code: 'FROM alpine:3.22\nRUN filterdiff -x "*/tests/*" /tmp/fix.patch | patch -p1\n',
    },
    {
      name: 'extracting a compressed archive fails by itself on an empty or truncated download',
      code: 'FROM alpine:3.22\nRUN curl -fsSL https://example.org/app.tgz | tar xz -C /opt\n',
    },
    'FROM alpine:3.22\nRUN wget -qO- https://example.org/app.txz | tar -C /opt -xJf -\n',
    'FROM alpine:3.22\nRUN wget -qO- https://example.org/app.tbz | busybox tar -xjf-\n',
    'FROM debian:12\nRUN curl -fsSL https://example.org/app.tgz | tar --extract --gzip --file=- --strip-components=1\n',
    'FROM alpine:3.22\nRUN curl -fsSL https://example.org/app.gz | gunzip > /usr/local/bin/app\n',
    'FROM alpine:3.22\nRUN curl -fsSL https://example.org/app.gz | gzip -dc > /usr/local/bin/app\n',
    {
      name: 'a version read through a pipe and pinned by apk add: apk refuses an empty or wrong version',
      code: "FROM alpine:3.22\nRUN if [ -z ${DB_VERSION+x} ]; then \\\n      DB_VERSION=$(awk '/^P:mariadb$/,/V:/' /tmp/APKINDEX | sed -n 2p | sed 's/^V://'); \\\n    fi && \\\n    apk add --no-cache mariadb==${DB_VERSION} mariadb-client==${DB_VERSION}\n",
    },
    {
      name: 'a cleanup: a failed find only leaves files behind',
      code: 'FROM alpine:3.22\nRUN find /usr/lib/python3.12 -name "__pycache__" | xargs rm -rf\n',
    },
    {
      name: 'a case that only echoes, piped to a checksum check',
      code: 'FROM alpine:3.22\nRUN case "$(apk --print-arch)" in \\\n      x86_64|amd64) echo "aaa  /usr/local/bin/tool" ;; \\\n      aarch64) echo "bbb  /usr/local/bin/tool" ;; \\\n    esac | sha256sum -c -\n',
    },
    {
      name: 'a block of echoes written through tee',
      code: 'FROM alpine:3.22\nRUN { echo "[global]"; echo "error_log = /proc/self/fd/2"; } | tee /etc/app.conf\n',
    },
    {
      name: 'a pipe inside $(…) passed as an argument: its status is never seen',
      code: 'FROM alpine:3.22\nRUN delgroup "$(getent group 82 | cut -d: -f1)" && addgroup -g 82 -S www-data\n',
    },
    'FROM alpine:3.22\nRUN set -eux; \\\n    if ! getent passwd app | cut -d: -f1 | grep -qx app; then adduser -D app; fi\n',
  ],
  invalid: [
    {
      name: 'a release looked up through a pipe, only checked for being set before',
      code: 'FROM alpine:3.22\nRUN if [ -z ${APP_RELEASE+x} ]; then \\\n      APP_RELEASE=$(curl -sX GET https://api.example.org/releases/latest | jq -r .tag_name); \\\n    fi && \\\n    curl -o /tmp/app.tgz -L "https://example.org/app-${APP_RELEASE}.tgz"\n',
      errors: [{ line: 3, messageContains: 'a failure of `curl`' }],
    },
    {
      name: 'a pipe assigned on its own: the assignment takes its status',
      code: 'FROM alpine:3.22\nRUN set -eux; \\\n    runDeps="$(scanelf --needed --nobanner /usr/local/bin/app | tr , \'\\n\' | sort -u)"; \\\n    apk add --no-cache $runDeps\n',
      errors: [{ line: 3, messageContains: 'a failure of `scanelf`' }],
    },
    {
      name: 'a value piped into a variable that apk add uses only inside a longer version',
      code: 'FROM alpine:3.22\nRUN REL=$(curl -fsSL https://example.org/release | jq -r .tag) && \\\n    apk add --no-cache tool=${REL}-r0\n',
      errors: [{ line: 2, messageContains: 'a failure of `curl`' }],
    },
    {
      name: 'a value piped into a variable that apk add installs by name, not as a version',
      code: 'FROM alpine:3.22\nRUN PKGS=$(curl -fsSL https://example.org/deps.txt | tr "\\n" " ") && \\\n    apk add --no-cache $PKGS\n',
      errors: [{ line: 2, messageContains: 'a failure of `curl`' }],
    },
    {
      name: 'a compound producer: the status of its last command feeds the pipe',
      code: 'FROM debian:12\nRUN (cd /src && make) | tee /tmp/build.log\n',
      errors: [{ line: 2, messageContains: 'a failure of `make`' }],
    },
    {
      name: 'a pipe in the branch of an if is not a condition',
      code: 'FROM alpine:3.22\nRUN if [ -n "$TOOL_URL" ]; then \\\n      wget -qO- "$TOOL_URL" | sh; \\\n    fi\n',
      errors: [{ line: 3, messageContains: '/bin/ash' }],
    },
    {
      name: 'an install script piped to sh: an empty script succeeds',
      code: 'FROM alpine:3.22\nRUN wget -qO- https://example.org/install.sh | sh\n',
      errors: [{ line: 2, messageContains: '/bin/ash' }],
    },
    {
      name: 'an uncompressed archive: GNU tar can end cleanly on a truncated stream',
      code: 'FROM debian:12\nRUN curl -fsSL https://example.org/app.tar | tar -x -C /opt\n',
      errors: [{ line: 2, messageContains: 'a failure of `curl`' }],
    },
    {
      name: 'BusyBox unxz exits 0 on empty input',
      code: 'FROM alpine:3.22\nRUN wget -qO- https://example.org/app.xz | unxz > /usr/local/bin/app\n',
      errors: [{ line: 2, messageContains: 'a failure of `wget`' }],
    },
    {
      name: 'tar reading its archive from a file and only the names to extract from the pipe',
      code: 'FROM alpine:3.22\nRUN curl -fsSL https://example.org/files.txt | tar -xzf /tmp/app.tgz -T -\n',
      errors: [{ line: 2, messageContains: 'a failure of `curl`' }],
    },
    {
      name: 'pipefail in another stage does not carry over',
      code: 'FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12\nRUN curl -fsSL https://example.org | sh\n',
      errors: [{ line: 4, messageContains: '/bin/bash' }],
    },
  ],
});
