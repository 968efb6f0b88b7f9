import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { alpineAdvisorPlugin } from './plugin';

describe('alpineAdvisorPlugin', () => {
  it('serves an unauthenticated health endpoint', async () => {
    const { server } = await startTestBackend({
      features: [alpineAdvisorPlugin],
    });
    const response = await request(server).get('/api/alpine-advisor/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
