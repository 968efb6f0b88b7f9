import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TimeoutError, withTimeout } from '../scanner/withTimeout';
import { SlowOrigins } from './SlowOrigins';
import { UrlReaderSourceReader } from './UrlReaderSourceReader';

const HOUR_MS = 60 * 60 * 1000;

describe('SlowOrigins', () => {
  it('gives an origin the scan signal from its first timeout for an hour', () => {
    let now = 0;
    const origins = new SlowOrigins(() => now);
    const first = new AbortController();
    expect(origins.signalFor('https://a.test', first.signal)).toBeUndefined();
    first.abort();

    const later = new AbortController().signal;
    expect(origins.signalFor('https://a.test', later)).toBe(later);
    expect(origins.signalFor('https://b.test', later)).toBeUndefined();

    now = HOUR_MS - 1;
    expect(origins.signalFor('https://a.test', later)).toBe(later);
    now = HOUR_MS + 1;
    expect(origins.signalFor('https://a.test', later)).toBeUndefined();
  });

  it('leaves an origin unguarded while its scans finish in time', () => {
    const origins = new SlowOrigins(() => 0);
    for (let scan = 0; scan < 3; scan++) {
      const finished = new AbortController();
      expect(
        origins.signalFor('https://a.test', finished.signal),
      ).toBeUndefined();
    }
    expect(
      origins.signalFor('https://a.test', new AbortController().signal),
    ).toBeUndefined();
  });
});

/** An SCM that never answers: each request stays open until the client gives up. */
async function hangingServer() {
  const open = new Set<IncomingMessage>();
  const closed: string[] = [];
  const server: Server = createServer(request => {
    open.add(request);
    request.socket.once('close', () => {
      open.delete(request);
      closed.push(request.url ?? '');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    open: () => [...open].map(request => request.url),
    closed,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('reads of a scan that timed out', () => {
  const servers: Awaited<ReturnType<typeof hangingServer>>[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(server => server.stop()));
  });

  it('are left to finish the first time an origin times out, and aborted on time after that', async () => {
    const slow = await hangingServer();
    const other = await hangingServer();
    servers.push(slow, other);
    const config = new ConfigReader({
      backend: {
        reading: {
          allow: [slow, other].map(server => ({
            host: new URL(server.url).host,
          })),
        },
      },
    });
    const reader = new UrlReaderSourceReader(
      UrlReaders.default({ config, logger: mockServices.logger.mock() }),
    );
    const scan = (server: { url: string }, name: string) =>
      withTimeout(200, `Reading ${name}`, signal =>
        reader.read({
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name },
          },
          location: { type: 'url', target: `${server.url}/${name}/` },
          patterns: ['Dockerfile'],
          signal,
        }),
      );
    const openFor = (
      server: { open(): (string | undefined)[] },
      name: string,
    ) => server.open().filter(url => url?.startsWith(`/${name}/`));
    const settle = () => new Promise(resolve => setTimeout(resolve, 300));

    await expect(scan(slow, 'first')).rejects.toThrow(TimeoutError);
    await settle();
    expect(openFor(slow, 'first').length).toBeGreaterThan(0);

    await expect(scan(slow, 'second')).rejects.toThrow(TimeoutError);
    await settle();
    expect(openFor(slow, 'second')).toEqual([]);
    expect(slow.closed.some(url => url.startsWith('/second/'))).toBe(true);

    // Another origin has not timed out yet.
    await expect(scan(other, 'third')).rejects.toThrow(TimeoutError);
    await settle();
    expect(openFor(other, 'third').length).toBeGreaterThan(0);
  });
});
