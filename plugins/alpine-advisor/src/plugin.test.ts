import { alpineAdvisorPlugin } from './plugin';

describe('alpine-advisor', () => {
  it('should export plugin', () => {
    expect(alpineAdvisorPlugin).toBeDefined();
  });
});
