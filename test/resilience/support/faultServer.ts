import { createHash } from 'node:crypto';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';

/**
 * How the stand-in SCM answers for one service's files.
 *
 * - `ok`: the Dockerfiles, with ETags when the server has them on.
 * - `not-found`, `unauthorized`, `server-error`: 404, 401, 500.
 * - `rate-limited`: 429 with `Retry-After` (seconds).
 * - `hang`: accepts the request and never answers.
 * - `truncated`: announces a body twice as long as it sends, then hangs up.
 * - `latin1`: a Dockerfile in ISO-8859-1 with bytes that are not UTF-8.
 * - `huge`: a Dockerfile of several megabytes.
 * - `slow`: the normal answer after `delayMs`.
 */
export type Fault =
  | { kind: 'ok' }
  | { kind: 'not-found' }
  | { kind: 'unauthorized' }
  | { kind: 'server-error' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'hang' }
  | { kind: 'truncated' }
  | { kind: 'latin1' }
  | { kind: 'huge'; megabytes: number }
  | { kind: 'slow'; delayMs: number };

export interface FaultServerOptions {
  /** Answer If-None-Match with 304 (off: every sweep analyses every entity). */
  etags?: boolean;
  /** Listen here; 0 (default) picks a free port. */
  port?: number;
  /** Changes every file's content, so a new generation is analysed afresh. */
  generation?: number;
}

export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  host: string;
  setFault(service: string, fault: Fault): void;
  /** Every service answers normally again. */
  clearFaults(): void;
  setGeneration(generation: number): void;
  /** Requests per path (`/svc-3/Dockerfile`), since start or the last reset. */
  requestCounts(): Map<string, number>;
  resetCounts(): void;
  close(): Promise<void>;
}

/** One ordinary Alpine service: a finding or two, nothing exotic. */
export function serviceDockerfile(service: string, generation = 0): string {
  return [
    'FROM alpine:3.20',
    'RUN apk add curl',
    `LABEL org.opencontainers.image.title="${service}" generation="${generation}"`,
    'USER nobody',
    'CMD ["curl", "--version"]',
    '',
  ].join('\n');
}

function latin1Dockerfile(service: string): Buffer {
  return Buffer.concat([
    Buffer.from(serviceDockerfile(service)),
    // "# Jürgen's café" in ISO-8859-1, then bytes no UTF-8 decoder accepts.
    Buffer.from('# J\xfcrgen\x27s caf\xe9\n', 'latin1'),
    Buffer.from([0x23, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a]),
  ]);
}

function hugeDockerfile(service: string, megabytes: number): Buffer {
  const line = `RUN echo ${'x'.repeat(100)}\n`;
  const lines = Math.ceil((megabytes * 1024 * 1024) / line.length);
  return Buffer.from(serviceDockerfile(service) + line.repeat(lines));
}

/**
 * A stand-in SCM serving `/<service>/<path>` for annotation-listed
 * Dockerfiles (read by the fetch UrlReader), with a fault per service that
 * tests switch at run time. The repository config (`.alpine-advisor.yaml` or
 * `.yml`) is never there (404).
 */
export async function startFaultServer(
  options: FaultServerOptions = {},
): Promise<FaultServer> {
  const faults = new Map<string, Fault>();
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  let generation = options.generation ?? 0;

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    contentType = 'text/plain; charset=utf-8',
  ) => {
    if (res.destroyed) {
      return;
    }
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (options.etags && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag }).end();
      return;
    }
    res
      .writeHead(200, {
        'Content-Type': contentType,
        ...(options.etags ? { ETag: etag } : {}),
      })
      .end(body);
  };

  const answer = (
    req: IncomingMessage,
    res: ServerResponse,
    service: string,
    fault: Fault,
  ): void => {
    switch (fault.kind) {
      case 'not-found':
        res.writeHead(404).end('not found');
        return;
      case 'unauthorized':
        res.writeHead(401).end('bad credentials');
        return;
      case 'server-error':
        res.writeHead(500).end('internal error');
        return;
      case 'rate-limited':
        res
          .writeHead(429, { 'Retry-After': String(fault.retryAfterSeconds) })
          .end('slow down');
        return;
      case 'hang':
        return;
      case 'truncated': {
        const body = Buffer.from(serviceDockerfile(service, generation));
        res.writeHead(200, { 'Content-Length': body.length * 2 });
        res.write(body, () => res.destroy());
        return;
      }
      case 'latin1':
        send(req, res, latin1Dockerfile(service), 'text/plain');
        return;
      case 'huge':
        send(req, res, hugeDockerfile(service, fault.megabytes));
        return;
      case 'slow':
        setTimeout(
          () => answer(req, res, service, { kind: 'ok' }),
          fault.delayMs,
        );
        return;
      default:
        send(req, res, Buffer.from(serviceDockerfile(service, generation)));
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const match = /^\/([^/]+)\/(.+)$/.exec(path);
    // Each repository holds one Dockerfile: config files and the build
    // context's manifests and lockfiles, probed beside it, are absent.
    if (!match || !/(^|\/)Dockerfile$/.test(match[2])) {
      res.writeHead(404).end('not found');
      return;
    }
    const service = match[1];
    answer(req, res, service, faults.get(service) ?? { kind: 'ok' });
  };

  const server: Server = createServer(handle);
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve =>
    server.listen(options.port ?? 0, '127.0.0.1', resolve),
  );
  const address = server.address();
  if (!address || typeof address === 'string') {
    throw new Error('The fault server has no TCP address');
  }
  const host = `127.0.0.1:${address.port}`;
  return {
    baseUrl: `http://${host}`,
    host,
    setFault: (service, fault) => faults.set(service, fault),
    clearFaults: () => faults.clear(),
    setGeneration: value => {
      generation = value;
    },
    requestCounts: () => new Map(counts),
    resetCounts: () => counts.clear(),
    close: () =>
      new Promise<void>(resolve => {
        // Hanging requests would keep the server open forever.
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
