import { apkAdds, apkDeletedNames, installsPackage } from './apk';
import { modelOf } from '../../__testUtils__/testModel';

/** Names of the packages of each `apk add` in the last stage's RUNs; `?` marks a list we cannot read. */
function added(text: string): string[][] {
  const stage = modelOf(text).stages.at(-1)!;
  return stage.runs.flatMap(run =>
    apkAdds(run).map(add =>
      add.packages.map(pkg => (pkg.unresolved ? `?${pkg.name}` : pkg.name)),
    ),
  );
}

describe('apk package lists from variables', () => {
  it('expands shell assignments of the same RUN: X=…; X=… && and export', () => {
    expect(
      added(
        'FROM alpine:3.22\nRUN deps="git curl" && apk add --no-cache $deps\n',
      ),
    ).toEqual([['git', 'curl']]);
    expect(
      added(
        'FROM alpine:3.22\nRUN deps=git; apk add --no-cache ${deps} bash\n',
      ),
    ).toEqual([['git', 'bash']]);
    expect(
      added(
        'FROM alpine:3.22\nRUN export BUILD="gcc make" RUNTIME=libffi && apk add $BUILD "$RUNTIME"\n',
      ),
    ).toEqual([['gcc', 'make', 'libffi']]);
  });

  it('expands ENV and ARG defaults, nested references and version constraints', () => {
    expect(
      added(
        'FROM alpine:3.22\nARG EXTRA="jq"\nENV TOOLS="curl=8.14.1-r1 $EXTRA"\nRUN apk add --no-cache $TOOLS py3-${EXTRA}\n',
      ),
    ).toEqual([['curl', 'jq', 'py3-jq']]);
  });

  it('expands $PHPIZE_DEPS from the knowledge of the official php image', () => {
    expect(
      added(
        'FROM php:8.3-fpm-alpine3.22\nRUN apk add --no-cache --virtual .build-deps $PHPIZE_DEPS\n',
      ),
    ).toEqual([
      [
        'autoconf',
        'dpkg-dev',
        'dpkg',
        'file',
        'g++',
        'gcc',
        'libc-dev',
        'make',
        'pkgconf',
        're2c',
      ],
    ]);
  });

  it('knows the name when only the version is a variable', () => {
    const stage = modelOf(
      'FROM alpine:3.22\nARG NGINX_VERSION\nRUN apk add --no-cache nginx==${NGINX_VERSION}\n',
    ).stages[0];
    const [pkg] = apkAdds(stage.runs[0])[0].packages;
    expect([pkg.name, pkg.constraint, pkg.unresolved]).toEqual([
      'nginx',
      '==${NGINX_VERSION}',
      undefined,
    ]);
  });

  it('inherits $PHPIZE_DEPS through official images built FROM php', () => {
    expect(
      added(
        'FROM nextcloud:31-fpm-alpine\nRUN apk add --no-cache $PHPIZE_DEPS\n',
      )[0],
    ).toContain('re2c');
  });

  it('marks what is not statically known instead of guessing', () => {
    expect(
      added(
        'FROM alpine:3.22\nARG EXTRA\nRUN apk add $EXTRA $(cat /pkgs) && for p in a b; do apk add $p; done\n',
      ),
    ).toEqual([['?$EXTRA', '?$(cat /pkgs)'], ['?$p']]);
    const stage = modelOf('FROM alpine:3.22\nARG EXTRA\nRUN apk add $EXTRA\n')
      .stages[0];
    // A list we cannot read may hold anything: "installs" answers "maybe".
    expect(installsPackage(stage, name => name === 'bash')).toBe(true);
  });

  it('expands apk del the same way, so adds and deletes of one variable match', () => {
    const [run] = modelOf(
      'FROM alpine:3.22\nRUN B="gcc make" && apk add $B && make && apk del $B\n',
    ).stages[0].runs;
    expect([...apkDeletedNames(run)]).toEqual(['gcc', 'make']);
  });
});
