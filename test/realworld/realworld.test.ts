import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from './lib/cli';
import { clonePath, cloneRepo } from './lib/clone';
import { CorpusFinding, lineHash, runCorpus } from './lib/corpus';
import {
  extractDockerfiles,
  findRepos,
  isDockerfilePath,
  listTree,
  repoName,
  resolveCommit,
} from './lib/git';
import { gitTree } from './lib/gitTree';
import {
  Verdict,
  computePrecision,
  drawSample,
  findVerdict,
  vanishedVerdicts,
} from './lib/precision';

const ANALYSIS_DATE = new Date('2026-12-05');

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Realworld Test',
      '-c',
      'user.email=realworld@example.invalid',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'init.defaultBranch=main',
      ...args,
    ],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  )
    .toString('utf8')
    .trim();
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

// Our own tiny Dockerfiles.
const ALPINE_APP = [
  'FROM alpine:3.22',
  'RUN apk add curl',
  'CMD ["/bin/sh"]',
  '',
].join('\n');
const ALPINE_APP_V2 = [
  '# moved down one line',
  'FROM alpine:3.22',
  'RUN apk add curl',
  'CMD ["/bin/sh"]',
  '',
].join('\n');
const DEBIAN_TOOL = [
  'FROM debian:bookworm-slim',
  'RUN echo hello | tee /greeting',
  '',
].join('\n');

describe('real-world corpus workflow', () => {
  let root: string;
  let firstCommit: string;
  let secondCommit: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'realworld-test-'));
    const work = join(root, 'work');
    mkdirSync(work);
    git(work, 'init', '-q');
    write(work, 'Dockerfile', ALPINE_APP);
    write(work, 'services/api.Dockerfile', DEBIAN_TOOL);
    write(work, 'Containerfile', DEBIAN_TOOL);
    write(work, 'Dockerfile.template', 'FROM {{ .base }}\n');
    write(work, 'docker/Dockerfile.rendered', 'FROM {{ .base }}\nRUN true\n');
    write(work, 'pkg/dockerfile.go', 'package dockerfile\n');
    write(work, 'node_modules/dep/Dockerfile', ALPINE_APP);
    write(work, 'internal/testdata/Dockerfile', 'NOT A DOCKERFILE\n');
    symlinkSync('Dockerfile', join(work, 'Dockerfile.link'));
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'first');
    firstCommit = git(work, 'rev-parse', 'HEAD');
    write(work, 'Dockerfile', ALPINE_APP_V2);
    git(work, 'commit', '-q', '-am', 'second');
    secondCommit = git(work, 'rev-parse', 'HEAD');

    // The fetch layout: OWNER+NAME/repo, bare.
    const mirrors = join(root, 'corpus', 'mirrors');
    mkdirSync(join(mirrors, 'acme+shop'), { recursive: true });
    git(
      root,
      'clone',
      '-q',
      '--bare',
      work,
      join(mirrors, 'acme+shop', 'repo'),
    );
    // A plain clone with a work tree, in OWNER/NAME folders.
    const clones = join(root, 'corpus', 'clones', 'other');
    mkdirSync(clones, { recursive: true });
    git(root, 'clone', '-q', work, join(clones, 'tool'));
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  describe('file names, as the product discovers them', () => {
    it.each([
      ['Dockerfile', true],
      ['app/Dockerfile.prod', true],
      ['app/Dockerfile-alpine', true],
      ['api.Dockerfile', true],
      ['Containerfile', true],
      ['dockerfile', true],
      ['Dockerfile.template', false],
      ['Dockerfile.j2', false],
      // Told by its text (whyNotADockerfile), as the product does.
      ['pkg/dockerfile.go', true],
      ['docs/dockerfile-guide.md', false],
      ['Dockerfile.dockerignore', false],
      ['testdata/dockerfile.json.golden', false],
      ['node_modules/x/Dockerfile', false],
      ['vendor/x/Dockerfile', false],
      ['parser/testdata/Dockerfile', false],
      ['{{cookiecutter.slug}}/Dockerfile', false],
      ['Makefile', false],
    ])('%s → %s', (path, expected) => {
      expect(isDockerfilePath(path)).toBe(expected);
    });
  });

  describe('repository names', () => {
    it('reads the mirror layout, owner/name folders and origin URLs', () => {
      expect(repoName('acme+shop/repo')).toBe('acme/shop');
      expect(repoName('mirrors/acme+shop/repo')).toBe('acme/shop');
      expect(repoName('clones/other/tool')).toBe('other/tool');
      expect(repoName('tool.git')).toBe('tool.git');
      expect(repoName('x', 'https://github.com/acme/shop.git')).toBe(
        'acme/shop',
      );
      expect(repoName('x', 'git@github.com:acme/shop')).toBe('acme/shop');
    });
  });

  describe('git extraction', () => {
    it('finds bare mirrors and work trees without descending into them', () => {
      const found = findRepos(join(root, 'corpus'));
      expect(found.map(repo => [repo.name, repo.relativePath])).toEqual([
        ['acme/shop', 'mirrors/acme+shop/repo'],
        ['other/tool', 'clones/other/tool'],
      ]);
    });

    it('reads the Dockerfiles of a commit from a bare mirror', () => {
      const gitDir = join(root, 'corpus', 'mirrors', 'acme+shop', 'repo');
      const files = extractDockerfiles(gitDir, firstCommit);
      expect(files.map(file => file.path)).toEqual([
        'Containerfile',
        'Dockerfile',
        'docker/Dockerfile.rendered',
        'pkg/dockerfile.go',
        'services/api.Dockerfile',
      ]);
      expect(files[1].content.toString('utf8')).toBe(ALPINE_APP);
      const latest = extractDockerfiles(gitDir, secondCommit);
      expect(latest[1].content.toString('utf8')).toBe(ALPINE_APP_V2);
    });

    it('reads the wanted commit when the repository has it, else HEAD', () => {
      const gitDir = join(root, 'corpus', 'mirrors', 'acme+shop', 'repo');
      expect(resolveCommit(gitDir, firstCommit)).toMatchObject({
        commit: firstCommit,
        wantedMissing: false,
      });
      expect(resolveCommit(gitDir, 'f'.repeat(40))).toMatchObject({
        commit: secondCommit,
        wantedMissing: true,
      });
      expect(resolveCommit(gitDir).commit).toBe(secondCommit);
    });
  });

  describe('cloneRepo', () => {
    it('fetches a repository at its commit into the mirror layout, once', () => {
      // A local "server" standing in for github.com: OWNER/NAME.git under a base URL.
      const server = join(root, 'server');
      mkdirSync(join(server, 'acme'), { recursive: true });
      git(
        root,
        'clone',
        '-q',
        '--bare',
        join(root, 'work'),
        join(server, 'acme', 'shop.git'),
      );
      git(
        join(server, 'acme', 'shop.git'),
        'config',
        'uploadpack.allowAnySHA1InWant',
        'true',
      );
      const target = join(root, 'fetched');
      const entry = { repo: 'acme/shop', commit: firstCommit, date: '' };
      expect(cloneRepo(target, entry, `file://${server}/`)).toBe('fetched');
      const gitDir = clonePath(target, 'acme/shop');
      expect(gitDir).toBe(join(target, 'acme+shop', 'repo'));
      expect(resolveCommit(gitDir).commit).toBe(firstCommit);
      expect(findRepos(target).map(repo => repo.name)).toEqual(['acme/shop']);
      expect(cloneRepo(target, entry, `file://${server}/`)).toBe('already');
    });
  });

  describe('runCorpus', () => {
    it('analyses the listed repositories at their commits and skips the rest', async () => {
      const run = await runCorpus(
        join(root, 'corpus'),
        {
          analysisDate: '2026-12-05',
          repos: [{ repo: 'acme/shop', commit: firstCommit, date: '' }],
        },
        { now: ANALYSIS_DATE },
      );
      expect(run.repos).toEqual([
        expect.objectContaining({
          repo: 'acme/shop',
          commit: firstCommit,
          files: 3,
          listed: true,
        }),
      ]);
      expect(run.skipped).toEqual(['other/tool']);
      expect(run.notDockerfiles).toEqual([
        'acme/shop:docker/Dockerfile.rendered (template)',
        'acme/shop:pkg/dockerfile.go (not-dockerfile-syntax)',
      ]);
      expect(
        run.files.map(file => [file.path, file.alpine, file.crashed]),
      ).toEqual([
        ['Containerfile', false, false],
        ['Dockerfile', true, false],
        ['services/api.Dockerfile', false, false],
      ]);
      const noCache = run.files[1].findings.find(
        item => item.rule === 'apk-no-cache',
      );
      expect(noCache).toMatchObject({
        repo: 'acme/shop',
        commit: firstCommit,
        path: 'Dockerfile',
        line: 2,
        alpine: true,
        source: ['RUN apk add curl'],
        hash: lineHash('RUN apk add curl'),
      });
    });

    it('takes every repository with --all', async () => {
      const run = await runCorpus(
        join(root, 'corpus'),
        { analysisDate: '2026-12-05', repos: [] },
        { all: true, now: ANALYSIS_DATE },
      );
      expect(run.repos.map(repo => [repo.repo, repo.commit])).toEqual([
        ['acme/shop', secondCommit],
        ['other/tool', secondCommit],
      ]);
      expect(run.files).toHaveLength(6);
    });
  });
});

// A Rust service built on Alpine: musl's malloc, unless Cargo.lock locks another allocator.
const RUST_SERVICE = [
  'FROM rust:1-alpine AS build',
  'WORKDIR /src',
  'COPY . .',
  'RUN cargo build --release',
  'FROM alpine:3.22',
  'COPY --from=build /src/target/release/app /app',
  'CMD ["/app"]',
  '',
].join('\n');
function cargoLock(...crates: string[]): string {
  return `version = 4\n\n${['app', ...crates]
    .map(name => `[[package]]\nname = "${name}"\nversion = "0.1.0"\n`)
    .join('\n')}`;
}

describe('build contexts read from git', () => {
  let root: string;
  let gitDir: string;
  let commit: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'realworld-context-'));
    const work = join(root, 'work');
    mkdirSync(work);
    git(work, 'init', '-q');
    // The same Dockerfile twice: one folder locks mimalloc, the other does not.
    write(work, 'allocator/Dockerfile', RUST_SERVICE);
    write(
      work,
      'allocator/Cargo.lock',
      cargoLock('libmimalloc-sys', 'mimalloc'),
    );
    write(work, 'allocator/.dockerignore', 'target\n');
    write(work, 'plain/Dockerfile', RUST_SERVICE);
    write(work, 'plain/Cargo.lock', cargoLock('serde'));
    write(work, 'shared/Cargo.lock', cargoLock('mimalloc'));
    write(work, 'README.md', '# shop\n');
    // A link to a file is that file; one to a folder or out of the repository is not.
    symlinkSync('shared/Cargo.lock', join(work, 'linked.lock'));
    symlinkSync('shared', join(work, 'folder-link'));
    symlinkSync('../outside', join(work, 'escape'));
    git(work, 'add', '-A');
    // A submodule: a gitlink, an empty folder in a checkout that did not initialise it.
    git(
      work,
      'update-index',
      '--add',
      '--cacheinfo',
      `160000,${'a'.repeat(40)},modules/lib`,
    );
    git(work, 'commit', '-q', '-m', 'rust');
    commit = git(work, 'rev-parse', 'HEAD');
    mkdirSync(join(root, 'corpus', 'acme+rusty'), { recursive: true });
    gitDir = join(root, 'corpus', 'acme+rusty', 'repo');
    git(root, 'clone', '-q', '--bare', work, gitDir);
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('lists, reads and sizes one commit from one ls-tree, reading only the blobs asked for', async () => {
    const listing = listTree(gitDir, commit);
    expect(
      listing.find(entry => entry.path === 'allocator/Cargo.lock'),
    ).toMatchObject({
      mode: '100644',
      type: 'blob',
      size: Buffer.byteLength(cargoLock('libmimalloc-sys', 'mimalloc')),
    });
    const tree = gitTree(gitDir, listing);
    const names = async (directory: string) =>
      (await tree.list(directory))
        .map(entry => `${entry.name}:${entry.kind}`)
        .sort();
    expect(await names('')).toEqual([
      'README.md:file',
      'allocator:directory',
      'escape:other',
      'folder-link:other',
      'linked.lock:file',
      'modules:directory',
      'plain:directory',
      'shared:directory',
    ]);
    expect(await names('allocator')).toEqual([
      '.dockerignore:file',
      'Cargo.lock:file',
      'Dockerfile:file',
    ]);
    expect(await names('modules/lib')).toEqual([]);
    await expect(tree.list('absent')).rejects.toThrow('ENOENT');
    await expect(tree.list('README.md')).rejects.toThrow('ENOENT');
    const text = async (path: string) =>
      Buffer.from(await tree.read(path)).toString('utf8');
    expect(await text('allocator/Cargo.lock')).toBe(
      cargoLock('libmimalloc-sys', 'mimalloc'),
    );
    expect(await text('linked.lock')).toBe(cargoLock('mimalloc'));
    await expect(tree.read('escape')).rejects.toThrow('ENOENT');
    await expect(tree.read('plain/absent.lock')).rejects.toThrow('ENOENT');
    expect(await tree.size?.('plain/Dockerfile')).toBe(
      Buffer.byteLength(RUST_SERVICE),
    );
    expect(await tree.size?.('linked.lock')).toBe(
      Buffer.byteLength(cargoLock('mimalloc')),
    );
    expect(await tree.size?.('absent')).toBeUndefined();
    // Five blobs: the three links (read once, while listing the root) and the two
    // lockfiles read; never README.md, the .dockerignore or the Dockerfiles.
    expect(tree.reads()).toBe(5);
    // Files already read are handed out again without reading them.
    const seeded = gitTree(gitDir, listing, [
      { path: 'plain/Dockerfile', content: Buffer.from('FROM seeded\n') },
    ]);
    expect(Buffer.from(await seeded.read('plain/Dockerfile')).toString()).toBe(
      'FROM seeded\n',
    );
    expect(seeded.reads()).toBe(0);
    tree.close();
    seeded.close();
    await expect(tree.read('plain/Cargo.lock')).rejects.toThrow('closed');
    // An object the repository lacks (a partial clone) is unreadable, not a crash.
    const partial = gitTree(gitDir, [
      { path: 'Cargo.lock', mode: '100644', type: 'blob', sha: 'b'.repeat(40) },
      ...listing,
    ]);
    await expect(partial.read('Cargo.lock')).rejects.toThrow('missing');
    expect(Buffer.from(await partial.read('linked.lock')).toString()).toBe(
      cargoLock('mimalloc'),
    );
    partial.close();
  });

  it("hands each Dockerfile its folder's lockfiles, as the CLI does; --no-context does not", async () => {
    const list = {
      analysisDate: '2026-12-05',
      repos: [{ repo: 'acme/rusty', commit, date: '' }],
    };
    const malloc = (run: Awaited<ReturnType<typeof runCorpus>>) =>
      run.files
        .filter(file =>
          file.findings.some(item => item.rule === 'musl-malloc-contention'),
        )
        .map(file => file.path);
    const withContext = await runCorpus(join(root, 'corpus'), list, {
      now: ANALYSIS_DATE,
    });
    expect(withContext.context).toBe(true);
    expect(withContext.files.map(file => file.path)).toEqual([
      'allocator/Dockerfile',
      'plain/Dockerfile',
    ]);
    // allocator/Cargo.lock locks mimalloc; plain/'s locks none, and shared/'s is no one's context.
    expect(malloc(withContext)).toEqual(['plain/Dockerfile']);
    // Only the Cargo.lock and .dockerignore files the analysis consults are read.
    expect(withContext.contextReads).toBe(3);

    const blind = await runCorpus(join(root, 'corpus'), list, {
      now: ANALYSIS_DATE,
      context: false,
    });
    expect(blind.context).toBe(false);
    expect(blind.contextReads).toBe(0);
    expect(malloc(blind)).toEqual(['allocator/Dockerfile', 'plain/Dockerfile']);
  });
});

function finding(overrides: Partial<CorpusFinding>): CorpusFinding {
  const source = overrides.source ?? [`RUN step ${overrides.line ?? 1}`];
  return {
    repo: 'acme/shop',
    commit: 'c'.repeat(40),
    path: 'Dockerfile',
    rule: 'apk-no-cache',
    severity: 'warning',
    line: 1,
    endLine: 1,
    column: 1,
    message: 'm',
    source,
    hash: lineHash(source[0]),
    alpine: true,
    ...overrides,
  };
}

describe('sampling', () => {
  const population = Array.from({ length: 60 }, (_, index) =>
    finding({
      repo: `acme/repo${index % 7}`,
      path: `svc${index % 5}/Dockerfile`,
      line: index + 1,
      rule: index % 3 === 0 ? 'root-user' : 'apk-no-cache',
    }),
  );

  it('is the same for the same seed whatever the input order', () => {
    const a = drawSample(population, 7, 20).map(entry => entry.finding);
    const b = drawSample([...population].reverse(), 7, 20).map(
      entry => entry.finding,
    );
    expect(a).toHaveLength(20);
    expect(b).toEqual(a);
  });

  it('changes with the seed', () => {
    const a = drawSample(population, 7, 20).map(entry => entry.finding.line);
    const b = drawSample(population, 8, 20).map(entry => entry.finding.line);
    expect(b).not.toEqual(a);
  });

  it('keeps the rest of the sample when a sampled finding disappears', () => {
    const before = drawSample(population, 7, 20).map(entry => entry.finding);
    const gone = before[3];
    const after = drawSample(
      population.filter(item => item !== gone),
      7,
      20,
    ).map(entry => entry.finding);
    expect(after).toEqual(
      expect.arrayContaining(before.filter(f => f !== gone)),
    );
    expect(after).not.toContain(gone);
    expect(after).toHaveLength(20);
  });

  it('takes only warning and error findings on Alpine files', () => {
    const sample = drawSample(
      [
        finding({ line: 1, severity: 'info' }),
        finding({ line: 2, alpine: false }),
        finding({ line: 3, severity: 'error' }),
        finding({ line: 4 }),
      ],
      1,
      10,
    );
    expect(sample.map(entry => entry.finding.line).sort()).toEqual([3, 4]);
  });

  it('tells identical findings apart by occurrence', () => {
    const twin = { source: ['RUN same'], line: 5 };
    const sample = drawSample(
      [finding(twin), finding({ ...twin, line: 9 })],
      1,
      10,
    );
    expect(new Set(sample.map(entry => entry.rank)).size).toBe(2);
  });
});

describe('verdict matching', () => {
  const verdict = (overrides: Partial<Verdict>): Verdict => ({
    repo: 'acme/shop',
    commit: 'c'.repeat(40),
    path: 'Dockerfile',
    line: 2,
    rule: 'apk-no-cache',
    verdict: true,
    why: 'cache left',
    ...overrides,
  });

  it('matches on repo, path, rule and line when the verdict has no hash', () => {
    const f = finding({ line: 2 });
    expect(findVerdict(f, [verdict({})])).toBeDefined();
    expect(findVerdict(f, [verdict({ line: 3 })])).toBeUndefined();
    expect(findVerdict(f, [verdict({ rule: 'root-user' })])).toBeUndefined();
    expect(findVerdict(f, [verdict({ path: 'x/Dockerfile' })])).toBeUndefined();
    expect(findVerdict(f, [verdict({ repo: 'acme/other' })])).toBeUndefined();
  });

  it('at the same commit, needs the same line and the same text', () => {
    const f = finding({ line: 7, source: ['RUN apk add curl'] });
    const hash = lineHash('RUN apk add curl');
    expect(findVerdict(f, [verdict({ line: 7, hash })])).toBeDefined();
    // The same text on another line of the file is another finding.
    expect(findVerdict(f, [verdict({ line: 2, hash })])).toBeUndefined();
    const changed = verdict({ line: 7, hash: lineHash('RUN apk add wget') });
    expect(findVerdict(f, [changed])).toBeUndefined();
  });

  it('at another commit, follows a line that moved when the text is the same', () => {
    const f = finding({ line: 7, source: ['RUN apk add curl'] });
    const moved = verdict({
      commit: 'd'.repeat(40),
      line: 2,
      hash: lineHash('  RUN apk add curl '),
    });
    expect(findVerdict(f, [moved])).toBe(moved);
    const changed = verdict({
      commit: 'd'.repeat(40),
      line: 7,
      hash: lineHash('RUN apk add wget'),
    });
    expect(findVerdict(f, [changed])).toBeUndefined();
  });

  it('prefers the nearest of several moved lines with the same content', () => {
    const f = finding({ line: 10, source: ['RUN apk add curl'] });
    const hash = lineHash('RUN apk add curl');
    const commit = 'd'.repeat(40);
    const far = verdict({ commit, line: 2, hash, why: 'far' });
    const near = verdict({ commit, line: 11, hash, why: 'near' });
    expect(findVerdict(f, [far, near])).toBe(near);
  });
});

describe('vanished verdicts', () => {
  it('tells fixed false alarms from lost true findings, on the repositories of the run', () => {
    const still = finding({ line: 3, source: ['RUN kept'] });
    const verdictFor = (
      line: number,
      text: string,
      value: boolean,
      repo = 'acme/shop',
    ): Verdict => ({
      repo,
      commit: 'c'.repeat(40),
      path: 'Dockerfile',
      line,
      rule: 'apk-no-cache',
      hash: lineHash(text),
      verdict: value,
      why: '',
    });
    const kept = verdictFor(3, 'RUN kept', true);
    const fixedAlarm = verdictFor(5, 'RUN fixed', false);
    const lostFinding = verdictFor(7, 'RUN lost', true);
    const elsewhere = verdictFor(9, 'RUN other', true, 'acme/absent');
    const result = vanishedVerdicts(
      [still],
      [kept, fixedAlarm, lostFinding, elsewhere],
      new Set(['acme/shop']),
    );
    expect(result).toEqual({ fixed: [fixedAlarm], lost: [lostFinding] });
  });
});

describe('precision', () => {
  const findings = [
    finding({ line: 1, rule: 'a-rule' }),
    finding({ line: 2, rule: 'a-rule' }),
    finding({ line: 3, rule: 'a-rule' }),
    finding({ line: 4, rule: 'b-rule' }),
    finding({ line: 5, rule: 'b-rule', severity: 'info' }),
  ];
  const judged = (line: number, rule: string, value: boolean): Verdict => ({
    repo: 'acme/shop',
    commit: 'c'.repeat(40),
    path: 'Dockerfile',
    line,
    rule,
    verdict: value,
    why: value ? 'real' : 'not real',
  });

  it('computes overall and per-rule precision over the sample', () => {
    const result = computePrecision(
      findings,
      [
        judged(1, 'a-rule', true),
        judged(2, 'a-rule', true),
        judged(3, 'a-rule', false),
        judged(4, 'b-rule', true),
      ],
      { size: 10 },
    );
    expect(result.sample).toHaveLength(4);
    expect(result.overall).toEqual({
      reviewed: 4,
      correct: 3,
      precision: 0.75,
    });
    expect(result.byRule.get('a-rule')).toEqual({
      sampled: 3,
      reviewed: 3,
      correct: 2,
      precision: 2 / 3,
    });
    expect(result.byRule.get('b-rule')?.precision).toBe(1);
    expect(result.unreviewed).toEqual([]);
    expect(result.failures).toEqual([
      'overall precision 75.0 % is under 97.0 %',
      'a-rule: precision 66.7 % is under 90.0 %',
    ]);
  });

  it('passes when every sampled finding is reviewed and true', () => {
    const result = computePrecision(
      findings,
      [1, 2, 3]
        .map(line => judged(line, 'a-rule', true))
        .concat(judged(4, 'b-rule', true)),
      { size: 10 },
    );
    expect(result.overall.precision).toBe(1);
    expect(result.failures).toEqual([]);
  });

  it('fails and lists the findings that have no verdict', () => {
    const result = computePrecision(findings, [judged(1, 'a-rule', true)], {
      size: 10,
    });
    expect(result.unreviewed.map(entry => entry.finding.line).sort()).toEqual([
      2, 3, 4,
    ]);
    expect(result.failures[0]).toBe('3 sampled findings have no verdict yet');
  });

  it('says n/a rather than 0 % when nothing is reviewed', () => {
    const result = computePrecision(findings, [], { size: 10 });
    expect(Number.isNaN(result.overall.precision)).toBe(true);
    expect(result.failures).toContain('overall precision n/a is under 97.0 %');
  });
});

describe('arguments', () => {
  it('reads flags with values, with = and booleans', () => {
    const args = parseArgs(
      ['DIR', '--rule', 'root-user', '--seed=4', '--all', 'extra'],
      ['all'],
    );
    expect(args.positional).toEqual(['DIR', 'extra']);
    expect(
      parseArgs(['DIR', '--no-context'], ['no-context']).flags.get(
        'no-context',
      ),
    ).toBe(true);
    expect(Object.fromEntries(args.flags)).toEqual({
      rule: 'root-user',
      seed: '4',
      all: true,
    });
    expect(() => parseArgs(['--rule'], [])).toThrow('--rule needs a value');
  });
});
