import express from 'express';
import Router from 'express-promise-router';

/**
 * The plugin's HTTP API. Report routes arrive with the store; for now the
 * router answers health checks so the plugin can be installed and probed.
 */
export async function createRouter(): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  return router;
}
