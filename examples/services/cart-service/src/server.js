const express = require('express');
const Redis = require('ioredis');
const pino = require('pino');
const { priceBasket } = require('@acme/pricing-rules');

const log = pino();
const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
const app = express();
app.use(express.json());

app.get('/healthz', (_req, res) => res.sendStatus(204));

app.get('/api/basket', async (req, res) => {
  const raw = await redis.get(`basket:${req.get('x-customer-id')}`);
  const items = raw ? JSON.parse(raw) : [];
  res.json({ items, total: priceBasket(items) });
});

app.listen(Number(process.env.PORT ?? 3000), () =>
  log.info('cart-service ready'),
);
