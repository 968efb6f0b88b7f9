import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { Client } from 'pg';
import { POSTGRES } from './resilienceDatabase';
import { waitFor } from './waitFor';

/** The machine's PostgreSQL cluster version (the newest under /etc/postgresql). */
function clusterVersion(): string {
  const versions = readdirSync('/etc/postgresql').sort(
    (a, b) => Number(a) - Number(b),
  );
  if (versions.length === 0) {
    throw new Error('No PostgreSQL cluster under /etc/postgresql');
  }
  return versions[versions.length - 1];
}

function pgCtlCluster(action: 'stop' | 'start') {
  execFileSync(
    'pg_ctlcluster',
    ['--skip-systemctl-redirect', clusterVersion(), 'main', action],
    { stdio: 'pipe' },
  );
}

async function accepting(): Promise<boolean> {
  const client = new Client({ connectionString: POSTGRES });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Takes the shared PostgreSQL down for `seconds` (a restart with a pause in
 * the middle, so that writes fall in it), then waits until it answers again.
 * Everyone on the machine uses this server: keep it to a few seconds.
 */
export async function restartPostgres(seconds: number): Promise<void> {
  pgCtlCluster('stop');
  try {
    await new Promise(resolve => setTimeout(resolve, seconds * 1000));
  } finally {
    pgCtlCluster('start');
  }
  await waitFor(
    'PostgreSQL to accept connections again',
    async () => ((await accepting()) ? true : undefined),
    30_000,
    250,
  );
}
