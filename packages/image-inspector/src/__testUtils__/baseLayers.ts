import type { TestLayer } from './imageArchives';

/** What alpine:3.22 holds that decides its libc: musl's loader, release files, the apk database. */
export function alpineBase(
  packages: string[] = ['musl', 'busybox', 'alpine-baselayout'],
): TestLayer {
  return {
    createdBy: 'ADD alpine-minirootfs-3.22.0-x86_64.tar.gz / # buildkit',
    entries: [
      { path: 'lib/', directory: true },
      { path: 'lib/ld-musl-x86_64.so.1', content: 'musl loader stand-in' },
      { path: 'lib/libc.musl-x86_64.so.1', symlink: 'ld-musl-x86_64.so.1' },
      { path: 'usr/lib/', directory: true },
      { path: 'etc/alpine-release', content: '3.22.0\n' },
      {
        path: 'etc/os-release',
        content:
          'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.22.0\nPRETTY_NAME="Alpine Linux v3.22"\n',
      },
      {
        path: 'lib/apk/db/installed',
        content: packages.map(name => `P:${name}\nV:1.0-r0\n\n`).join(''),
      },
    ],
  };
}

/** debian:bookworm-slim's libc facts, merged-/usr like the real one (/lib and /lib64 are symlinks). */
export function debianBase(): TestLayer {
  return {
    createdBy: '# debian.sh --arch amd64 out/ bookworm @1733097600',
    entries: [
      { path: 'lib', symlink: 'usr/lib' },
      { path: 'lib64', symlink: 'usr/lib64' },
      { path: 'usr/lib/x86_64-linux-gnu/', directory: true },
      {
        path: 'usr/lib64/ld-linux-x86-64.so.2',
        symlink: '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
      },
      {
        path: 'usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
        content: 'glibc loader stand-in',
      },
      { path: 'usr/lib/x86_64-linux-gnu/libc.so.6', content: 'glibc stand-in' },
      { path: 'etc/ld.so.conf', content: 'include /etc/ld.so.conf.d/*.conf\n' },
      {
        path: 'etc/ld.so.conf.d/x86_64-linux-gnu.conf',
        content:
          '/usr/local/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu\n',
      },
      {
        path: 'etc/os-release',
        content:
          'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n',
      },
    ],
  };
}
