// Realistic RUN bodies (written for this benchmark, in the styles real
// Dockerfiles use: official-image scripts, app builds, heredoc-free shell form
// after continuation joining) used to compare shell parsers.
export const RUN_BODIES = [
  'apk add --no-cache curl ca-certificates',
  'set -eux; apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev; pip install --no-cache-dir -r requirements.txt; apk del .build-deps',
  'apk update && apk upgrade && apk add bash git openssh',
  'addgroup -S app && adduser -S -G app -h /home/app app',
  `set -eux; \\
    apkArch="$(apk --print-arch)"; \\
    case "$apkArch" in \\
      x86_64) arch='x64' ;; \\
      aarch64) arch='arm64' ;; \\
      *) echo >&2 "unsupported architecture: $apkArch"; exit 1 ;; \\
    esac; \\
    wget -O node.tar.xz "https://example.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$arch-musl.tar.xz"; \\
    tar -xJf node.tar.xz -C /usr/local --strip-components=1 --no-same-owner; \\
    rm node.tar.xz; \\
    for key in $GPG_KEYS; do gpg --batch --keyserver hkps://keys.example.org --recv-keys "$key"; done; \\
    node --version`.replace(/\\\n/g, '  '),
  'go mod download && CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app',
  'npm ci --omit=dev && npm cache clean --force',
  `if [ "$TARGETARCH" = "arm64" ]; then export GOARCH=arm64; fi && (cd /src && make build) | tee /tmp/build.log`,
  `sh -c 'echo "hosts: files dns" > /etc/nsswitch.conf' && ln -sf /usr/share/zoneinfo/$TZ /etc/localtime`,
  `set -ex \\
	&& apk add --no-cache --virtual .fetch-deps gnupg tar xz \\
	&& wget -O python.tar.xz "https://example.org/ftp/python/\${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz" \\
	&& mkdir -p /usr/src/python \\
	&& tar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz \\
	&& rm python.tar.xz \\
	&& apk add --no-cache --virtual .build-deps bluez-dev bzip2-dev dpkg-dev dpkg expat-dev findutils gcc gdbm-dev libc-dev libffi-dev make ncurses-dev openssl-dev pax-utils readline-dev sqlite-dev tcl-dev tk tk-dev util-linux-dev xz-dev zlib-dev \\
	&& apk del --no-network .fetch-deps \\
	&& cd /usr/src/python \\
	&& gnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)" \\
	&& ./configure --build="$gnuArch" --enable-loadable-sqlite-extensions --enable-optimizations --enable-shared --with-system-expat --without-ensurepip \\
	&& make -j "$(nproc)" EXTRA_CFLAGS="-DTHREAD_STACK_SIZE=0x100000" \\
	&& make install \\
	&& find /usr/local -depth \\( \\( -type d -a \\( -name test -o -name tests \\) \\) -o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' \\) \\) \\) -exec rm -rf '{}' + \\
	&& runDeps="$( scanelf --needed --nobanner --format '%n#p' --recursive /usr/local | tr ',' '\\n' | sort -u | awk 'system("[ -e /usr/local/lib/" $1 " ]") == 0 { next } { print "so:" $1 }' )" \\
	&& apk add --no-cache --virtual .python-rundeps $runDeps \\
	&& apk del --no-network .build-deps \\
	&& python3 --version`.replace(/\\\n/g, '  '),
  'curl -fsSL https://example.org/install.sh | sh -s -- -y',
  'echo "unterminated quote',
];
