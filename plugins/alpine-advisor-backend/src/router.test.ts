import express from 'express';
import request from 'supertest';
import { createRouter } from './router';

describe('createRouter', () => {
  it('answers health checks', async () => {
    const app = express().use(await createRouter());
    const response = await request(app).get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
