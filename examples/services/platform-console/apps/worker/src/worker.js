const { Pool } = require('pg');
const log = require('pino')();

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

// Tears down preview environments whose time is up, once a minute.
async function reapExpiredEnvironments() {
  const { rowCount } = await pool.query(
    'DELETE FROM environments WHERE expires_at < now()',
  );
  if (rowCount > 0) log.info({ rowCount }, 'expired environments removed');
}

setInterval(
  () => reapExpiredEnvironments().catch(error => log.error(error)),
  60_000,
);
