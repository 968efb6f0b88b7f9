const Fastify = require('fastify');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = Fastify({ logger: true });

app.get('/healthz', async () => ({ ok: true }));

app.get('/api/environments', async () => {
  const { rows } = await pool.query(
    'SELECT name, owner, expires_at FROM environments ORDER BY name',
  );
  return rows;
});

app.listen({ host: '0.0.0.0', port: Number(process.env.PORT ?? 8080) });
