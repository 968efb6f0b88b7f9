/*
 * A stand-in SCM for `yarn bench:backend`, run as a child process so that it
 * does not share the backend's event loop. Serves the Dockerfiles of N
 * synthetic services two ways:
 *  - raw files (`/svc-N/<path>`) with strong ETags, answering If-None-Match
 *    with 304, like a raw-file endpoint of GitHub or GitLab (read by the
 *    FetchUrlReader);
 *  - the three GitHub REST routes the GithubUrlReader's `readTree` uses
 *    (`/api/v3/repos/org/svc-N/…`): the commit status of `main` (the
 *    repository's commit, what an unchanged re-sweep compares) and its
 *    tarball.
 *
 * Parent → child: { templates: string[], services: number }.
 * Child → parent: { port } once listening; { stats } (counts since the last
 * 'stats') when asked with 'stats'; { etags } (every raw-file path asked for
 * in the period the last 'stats' closed, with its current ETag) when asked
 * with 'etags'; { commits } (every repository with its commit) with 'commits'.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

const FILES = [
  'Dockerfile',
  'apps/worker/Dockerfile',
  'deploy/Dockerfile.migrations',
];
const CONFIG = 'ignore:\n  - apk-unpinned\n';

let templates = [];
let serviceCount = 0;
const stats = { 200: 0, 304: 0, 404: 0, connections: 0 };
/** Raw-file paths asked for since the last 'stats', and in the period before it. */
let requested = new Set();
let requestedLastPeriod = new Set();
const cache = new Map();
const repositories = new Map();
/** Files a real repository has besides its Dockerfiles, for the tree filter to skip. */
const OTHER_FILES = {
  'README.md': '# A service\n',
  'src/index.js': 'console.log("hello");\n',
  'node_modules/left-pad/Dockerfile': 'FROM scratch\n',
};

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

/** Service i as a GitHub repository: its commit and its tarball at that commit. */
async function repositoryOf(index) {
  let repository = repositories.get(index);
  if (repository === undefined) {
    const files = Object.entries(OTHER_FILES);
    for (const path of [...filesOf(index), '.alpine-advisor.yaml']) {
      const found = entry(index, path);
      if (found) {
        files.push([path, found.body]);
      }
    }
    const hash = createHash('sha1');
    for (const [path, body] of files) {
      hash.update(`${path}\0${body}\0`);
    }
    const sha = hash.digest('hex');
    repository = {
      sha,
      tarball: await tarball(`org-svc-${index}-${sha.slice(0, 7)}`, files),
    };
    repositories.set(index, repository);
  }
  return repository;
}

async function tarball(root, files) {
  const archive = pack();
  const chunks = [];
  archive.on('data', chunk => chunks.push(chunk));
  const done = new Promise(resolve => archive.on('end', resolve));
  for (const [path, body] of files) {
    archive.entry({ name: `${root}/${path}` }, body);
  }
  archive.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

const GITHUB_ROUTE =
  /^\/api\/v3\/repos\/org\/svc-(\d+)\/(?:commits\/main\/status|tarball\/([0-9a-f]{40}))(?:\?.*)?$/;

async function answerGithub(req, res, match) {
  const index = Number(match[1]);
  if (index >= serviceCount) {
    stats[404] += 1;
    res
      .writeHead(404, { 'Content-Type': 'application/json' })
      .end('{"message":"Not Found"}');
    return;
  }
  const repository = await repositoryOf(index);
  stats[200] += 1;
  if (match[2] === undefined) {
    const api = `http://${req.headers.host}/api/v3/repos/org/svc-${index}`;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({
        sha: repository.sha,
        repository: {
          archive_url: `${api}/{archive_format}{/ref}`,
          trees_url: `${api}/git/trees{/sha}`,
        },
      }),
    );
    return;
  }
  res
    .writeHead(200, { 'Content-Type': 'application/x-gzip' })
    .end(repository.tarball);
}

const server = createServer((req, res) => {
  const github = GITHUB_ROUTE.exec(req.url ?? '');
  if (github) {
    answerGithub(req, res, github).catch(error => {
      res.writeHead(500).end(String(error));
    });
    return;
  }
  const match = /^\/svc-(\d+)\/(.+)$/.exec(req.url ?? '');
  const index = match ? Number(match[1]) : -1;
  if (match) requested.add(`svc-${index}/${decodeURIComponent(match[2])}`);
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

/**
 * Every raw-file path the backend asked for in the last counted period (the
 * re-sweep, when 'stats' is asked right after it): Dockerfiles, config files
 * and build-context files, most of them absent. With the ETag each has now
 * (null: 404), so that a floor can replay exactly those requests.
 */
function lastPeriodEtags() {
  return [...requestedLastPeriod].sort().map(path => {
    const [, index, file] = /^svc-(\d+)\/(.+)$/.exec(path);
    return [path, entry(Number(index), file)?.etag ?? null];
  });
}

/** Every repository (`svc-N`) with its current commit. */
async function currentCommits() {
  const commits = [];
  for (let index = 0; index < serviceCount; index++) {
    commits.push([`svc-${index}`, (await repositoryOf(index)).sha]);
  }
  return commits;
}

process.on('message', message => {
  if (message === 'commits') {
    currentCommits().then(commits => process.send({ commits }));
    return;
  }
  if (message === 'etags') {
    process.send({ etags: lastPeriodEtags() });
    return;
  }
  if (message === 'peek') {
    process.send({ peek: { ...stats } });
    return;
  }
  if (message === 'stats') {
    process.send({ stats: { ...stats } });
    stats[200] = stats[304] = stats[404] = stats.connections = 0;
    requestedLastPeriod = requested;
    requested = new Set();
    return;
  }
  templates = message.templates;
  serviceCount = message.services;
  server.listen(0, '127.0.0.1', () => {
    process.send({ port: server.address().port });
  });
});
