#!/usr/bin/env node
/*
 * `yarn knowledge:check`: compares the bundled knowledge tables with their
 * live sources and prints what is stale. A maintenance script, not a test: it
 * uses the network and today's date. Exit codes: 0 nothing stale, 1 something
 * is stale, 2 a source could not be reached or read (then it says which and
 * that nothing was compared for it).
 *
 * Checked: the Alpine release table against alpinelinux.org/releases.json
 * (branches, end-of-life and first-release dates), cross-checked with
 * endoflife.date's API; the musl version of each supported branch against
 * the branch's APKINDEX on dl-cdn.alpinelinux.org; PyPI packages listed as
 * having no musllinux wheels against PyPI's JSON API; and the age of every
 * table's as-of date. Not checked automatically (listed as such): the image
 * catalog, the official images' Alpine variant policies, native npm addons,
 * JDK and .NET facts.
 */
require('sucrase/register/ts');
const zlib = require('node:zlib');
const { ALPINE_RELEASES } = require('../src/model/alpineReleases.ts');
const { KNOWLEDGE_TABLES } = require('../src/knowledge/tables.ts');
const {
  PIP_PACKAGES_WITHOUT_MUSL_WHEELS,
} = require('../src/knowledge/pipPackagesWithoutMuslWheels.ts');

// A mirror of the list can be named with ALPINE_RELEASES_URL.
const RELEASES_JSON =
  process.env.ALPINE_RELEASES_URL ?? 'https://alpinelinux.org/releases.json';
const ENDOFLIFE = 'https://endoflife.date/api/v1/products/alpine-linux';
const apkIndexUrl = branch =>
  `https://dl-cdn.alpinelinux.org/alpine/v${branch}/main/x86_64/APKINDEX.tar.gz`;
const pypiUrl = name => `https://pypi.org/pypi/${name}/json`;
const TABLE_MAX_AGE_DAYS = 180;
const TIMEOUT_MS = 20_000;

const stale = [];
const unreachable = [];
const notChecked = [];
const today = new Date();

function say(line = '') {
  // eslint-disable-next-line no-console
  console.log(line);
}

async function get(url, as = 'json') {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: { 'user-agent': 'alpine-advisor knowledge:check' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  if (as === 'json') return response.json();
  return Buffer.from(await response.arrayBuffer());
}

function reason(error) {
  const cause =
    error && error.cause && (error.cause.code || error.cause.message);
  return cause ? `${error.message} (${cause})` : String(error && error.message);
}

async function checkReleases() {
  say(`Alpine releases (bundled up to ${ALPINE_RELEASES.at(-1).version})`);
  let live;
  try {
    const json = await get(RELEASES_JSON);
    live = new Map();
    for (const branch of json.release_branches ?? []) {
      const version = /^v(\d+\.\d+)$/.exec(branch.rel_branch ?? '')?.[1];
      if (!version) continue;
      const first = (branch.releases ?? []).find(
        r => r.version === `${version}.0`,
      );
      live.set(version, {
        endOfLife: String(branch.eol_date ?? '').slice(0, 10),
        released: first ? String(first.date ?? '').slice(0, 10) : undefined,
      });
    }
  } catch (error) {
    unreachable.push(`${RELEASES_JSON}: ${reason(error)}`);
    say(
      `  ✖ could not read ${RELEASES_JSON}: ${reason(
        error,
      )} — release table not compared`,
    );
    return;
  }
  const bundled = new Map(ALPINE_RELEASES.map(row => [row.version, row]));
  for (const [version, row] of live) {
    const mine = bundled.get(version);
    if (!mine) {
      stale.push(`Alpine ${version} is missing (end of life ${row.endOfLife})`);
      say(
        `  ✖ ${version} missing: released ${row.released ?? '?'}, end of life ${
          row.endOfLife
        }`,
      );
      continue;
    }
    if (row.endOfLife && row.endOfLife !== mine.endOfLife) {
      stale.push(
        `Alpine ${version} end of life ${mine.endOfLife} → ${row.endOfLife}`,
      );
      say(
        `  ✖ ${version} end of life: bundled ${mine.endOfLife}, live ${row.endOfLife}`,
      );
    }
    if (row.released && row.released !== mine.released) {
      stale.push(
        `Alpine ${version} released ${mine.released} → ${row.released}`,
      );
      say(
        `  ✖ ${version} released: bundled ${mine.released}, live ${row.released}`,
      );
    }
  }
  if (!stale.some(line => line.startsWith('Alpine ')))
    say('  ✔ matches releases.json');
  try {
    const json = await get(ENDOFLIFE);
    const rows = json?.result?.releases ?? [];
    const differing = rows.filter(row => {
      const mine = bundled.get(row.name);
      return mine && row.eolFrom && row.eolFrom !== mine.endOfLife;
    });
    for (const row of differing) {
      say(
        `  ! endoflife.date says ${row.name} ends ${row.eolFrom} (bundled ${
          bundled.get(row.name).endOfLife
        }); alpinelinux.org is authoritative`,
      );
    }
    if (differing.length === 0)
      say('  ✔ endoflife.date agrees on end-of-life dates');
  } catch (error) {
    say(
      `  ! endoflife.date not reachable (${reason(
        error,
      )}); cross-check skipped`,
    );
  }
}

async function checkMusl() {
  say('musl versions of supported branches (APKINDEX)');
  const supported = ALPINE_RELEASES.filter(
    row => Date.parse(row.endOfLife) > today.getTime(),
  );
  for (const row of supported) {
    let index;
    try {
      index = zlib
        .gunzipSync(await get(apkIndexUrl(row.version), 'bytes'))
        .toString('latin1');
    } catch (error) {
      unreachable.push(`${apkIndexUrl(row.version)}: ${reason(error)}`);
      say(
        `  ✖ ${row.version}: could not read its APKINDEX (${reason(
          error,
        )}) — not compared`,
      );
      continue;
    }
    const version = /\nP:musl\nV:(\d+\.\d+\.\d+)/.exec(`\n${index}`)?.[1];
    if (!version) say(`  ! ${row.version}: no musl package found in the index`);
    else if (version !== row.musl) {
      stale.push(`Alpine ${row.version} musl ${row.musl} → ${version}`);
      say(
        `  ✖ ${row.version}: bundled musl ${row.musl}, branch ships ${version}`,
      );
    } else say(`  ✔ ${row.version}: musl ${version}`);
  }
}

async function checkWheels() {
  say('PyPI packages listed without musllinux wheels');
  for (const gap of PIP_PACKAGES_WITHOUT_MUSL_WHEELS.filter(
    g => g.musllinuxSince === null,
  )) {
    let json;
    try {
      json = await get(pypiUrl(gap.name));
    } catch (error) {
      unreachable.push(`${pypiUrl(gap.name)}: ${reason(error)}`);
      say(
        `  ✖ ${gap.name}: PyPI not reachable (${reason(error)}) — not compared`,
      );
      continue;
    }
    const latest = json?.info?.version;
    const files = (json?.urls ?? []).map(file => file.filename);
    if (files.some(name => /musllinux/.test(name))) {
      stale.push(`${gap.name} ${latest} has musllinux wheels now`);
      say(
        `  ✖ ${gap.name} ${latest} publishes musllinux wheels: set musllinuxSince`,
      );
    } else say(`  ✔ ${gap.name} ${latest}: still no musllinux wheel`);
  }
}

function checkAges() {
  say('Table as-of dates');
  for (const table of KNOWLEDGE_TABLES) {
    const days = Math.floor(
      (today.getTime() - Date.parse(`${table.asOf}T00:00:00Z`)) / 86_400_000,
    );
    if (days > TABLE_MAX_AGE_DAYS) {
      stale.push(
        `${table.name}: last checked ${table.asOf} (${days} days ago)`,
      );
      say(
        `  ✖ ${table.name}: as of ${table.asOf}, ${days} days ago (${table.file})`,
      );
    } else say(`  ✔ ${table.name}: as of ${table.asOf}, ${days} days ago`);
  }
  notChecked.push(
    'image catalog (distro and libc of base images)',
    'official image Alpine variant policies (node, python)',
    'native npm addons without musl prebuilds',
    'JDK and .NET facts, glibc download and path conventions',
  );
}

async function main() {
  say(`knowledge:check on ${today.toISOString().slice(0, 10)}\n`);
  await checkReleases();
  say();
  await checkMusl();
  say();
  await checkWheels();
  say();
  checkAges();
  say(
    `\nNot checked automatically (re-check by hand, then move the table's asOf): ${notChecked.join(
      '; ',
    )}.`,
  );
  say();
  if (stale.length > 0) {
    say(`Stale (${stale.length}):`);
    for (const line of stale) say(`  - ${line}`);
  }
  if (unreachable.length > 0) {
    say(
      `\nCould not reach or read ${unreachable.length} source(s); nothing was compared for them (is the network reachable from here?):`,
    );
    for (const line of unreachable) say(`  - ${line}`);
    process.exitCode = 2;
    return;
  }
  if (stale.length === 0) say('Nothing stale.');
  process.exitCode = stale.length > 0 ? 1 : 0;
}

main().catch(error => {
  say(`knowledge:check failed: ${reason(error)}`);
  process.exitCode = 2;
});
