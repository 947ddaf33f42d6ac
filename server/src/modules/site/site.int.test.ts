import { describe, expect, it } from 'vitest';
import { setupTestEnv } from '../../test/harness.js';

const env = await setupTestEnv({
  jobs: false,
  demo: true,
  helpline: { phone: '0372 407 335', hours: 'dal lunedì al venerdì, 9–12' },
  contactEmail: 'privacy@comune.example.it',
});

describe('site info over HTTP', () => {
  it('answers without a session with the help line, the contact address and the demo flag', async () => {
    const response = await env.app.inject({ method: 'GET', url: '/api/site' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      helpline: { phone: '0372 407 335', hours: 'dal lunedì al venerdì, 9–12', demo: false },
      contactEmail: 'privacy@comune.example.it',
      demoAccounts: true,
      spidCie: false,
    });
  });
});
