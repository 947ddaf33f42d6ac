import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 3000 and the embedded database', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/legami-config-test' });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('stops on a port that is not a number, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'tremila' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'tremila' })).toThrow(/PORT/);
  });

  it('stops on a DATABASE_URL that is not PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('never seeds demo accounts in production', () => {
    expect(
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', SEED_DEMO: 'true' }).seedDemo,
    ).toBe(false);
  });
});
