/*
 * A stand-in SCM for `yarn bench:backend`, run as a child process so that it
 * does not share the backend's event loop. Serves the Dockerfiles of N
 * synthetic services over HTTP with strong ETags and answers If-None-Match
 * with 304, like a raw-file endpoint of GitHub or GitLab.
 *
 * Parent → child: { templates: string[], services: number }.
 * Child → parent: { port } once listening; { stats } when asked with 'stats';
 * { etags } (every served path with its current ETag) when asked with 'etags'.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

const FILES = [
  'Dockerfile',
  'apps/worker/Dockerfile',
  'deploy/Dockerfile.migrations',
];
const CONFIG = 'ignore:\n  - apk-unpinned\n';

let templates = [];
let serviceCount = 0;
const stats = { 200: 0, 304: 0, 404: 0, connections: 0 };
const cache = new Map();

/** The files of service i: 1–3 Dockerfiles; every tenth service has a config file. */
export function filesOf(index) {
  return FILES.slice(0, 1 + (index % 3));
}

function contentOf(index, path) {
  if (path === '.alpine-advisor.yaml') {
    return index % 10 === 0 ? CONFIG : undefined;
  }
  const position = filesOf(index).indexOf(path);
  if (position === -1) {
    return undefined;
  }
  // A unique file per service (no cache can short-cut the analysis).
  const template = templates[(index * 3 + position) % templates.length];
  return `${template.trimEnd()}\nLABEL org.opencontainers.image.title="svc-${index}"\n`;
}

function entry(index, path) {
  const key = `${index}/${path}`;
  let cached = cache.get(key);
  if (cached === undefined) {
    const body = contentOf(index, path);
    cached =
      body === undefined
        ? null
        : { body, etag: `"${createHash('sha1').update(body).digest('hex')}"` };
    cache.set(key, cached);
  }
  return cached;
}

const server = createServer((req, res) => {
  const match = /^\/svc-(\d+)\/(.+)$/.exec(req.url ?? '');
  const index = match ? Number(match[1]) : -1;
  const found =
    match && index < serviceCount
      ? entry(index, decodeURIComponent(match[2]))
      : null;
  if (!found) {
    stats[404] += 1;
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  if (req.headers['if-none-match'] === found.etag) {
    stats[304] += 1;
    res.writeHead(304, { ETag: found.etag }).end();
    return;
  }
  stats[200] += 1;
  res
    .writeHead(200, {
      'Content-Type': 'text/plain; charset=utf-8',
      ETag: found.etag,
    })
    .end(found.body);
});
server.keepAliveTimeout = 60_000;
server.on('connection', () => {
  stats.connections += 1;
});

/** Every path the backend asks for in a sweep, with the ETag it has now (null: 404). */
function currentEtags() {
  const etags = [];
  for (let index = 0; index < serviceCount; index++) {
    for (const path of [...filesOf(index), '.alpine-advisor.yaml']) {
      etags.push([`svc-${index}/${path}`, entry(index, path)?.etag ?? null]);
    }
  }
  return etags;
}

process.on('message', message => {
  if (message === 'etags') {
    process.send({ etags: currentEtags() });
    return;
  }
  if (message === 'stats') {
    process.send({ stats: { ...stats } });
    stats[200] = stats[304] = stats[404] = stats.connections = 0;
    return;
  }
  templates = message.templates;
  serviceCount = message.services;
  server.listen(0, '127.0.0.1', () => {
    process.send({ port: server.address().port });
  });
});
