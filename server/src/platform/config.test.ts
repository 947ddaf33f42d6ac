import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('reads the help line only with both its number and its hours', () => {
    const dir = { DATA_DIR: '/tmp/legami-config-test' };
    expect(
      loadConfig({ ...dir, HELPLINE_PHONE: '0372 407 335', HELPLINE_HOURS: 'lunedì–venerdì 9–12' }).helpline,
    ).toEqual({ phone: '0372 407 335', hours: 'lunedì–venerdì 9–12' });
    expect(() => loadConfig({ ...dir, HELPLINE_PHONE: '0372 407 335' })).toThrow(/HELPLINE_HOURS/);
    expect(() => loadConfig({ ...dir, HELPLINE_PHONE: 'chiamaci', HELPLINE_HOURS: 'sempre' })).toThrow(
      /HELPLINE_PHONE/,
    );
    expect(() => loadConfig({ ...dir, CONTACT_EMAIL: 'privacy' })).toThrow(/CONTACT_EMAIL/);
  });

  it('leaves SPID/CIE off without OIDC_ISSUER and names what is missing with it', () => {
    const dir = { DATA_DIR: '/tmp/legami-config-test' };
    expect(loadConfig(dir).oidc).toBeUndefined();
    expect(() => loadConfig({ ...dir, OIDC_ISSUER: 'https://idp.example.it' })).toThrow(
      /OIDC_TRUST_ANCHOR, OIDC_CLIENT_ID, OIDC_PRIVATE_JWKS_FILE/,
    );
  });

  it('reads the SPID/CIE keys from the JWKS file, refusing public keys and plain http in production', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'legami-oidc-')), 'keys.json');
    const key = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd', kid: 'core' };
    writeFileSync(file, JSON.stringify({ keys: [{ ...key, kid: 'fed' }, key] }));
    const env = {
      DATA_DIR: '/tmp/legami-config-test',
      OIDC_ISSUER: 'https://idp.example.it/',
      OIDC_TRUST_ANCHOR: 'https://registry.example.it',
      OIDC_CLIENT_ID: 'https://legami.example.it',
      OIDC_PRIVATE_JWKS_FILE: file,
    };
    expect(loadConfig(env).oidc).toMatchObject({
      issuer: 'https://idp.example.it',
      redirectUri: 'https://legami.example.it/api/auth/spid/callback',
      federationKey: { kid: 'fed' },
      coreKey: { kid: 'core' },
      acr: 'https://www.spid.gov.it/SpidL2',
    });
    expect(() =>
      loadConfig({
        ...env,
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://x/y',
        OIDC_ISSUER: 'http://idp',
      }),
    ).toThrow(/OIDC_ISSUER must be an https address/);
    writeFileSync(file, JSON.stringify({ keys: [{ ...key, d: undefined }] }));
    expect(() => loadConfig(env)).toThrow(/OIDC_PRIVATE_JWKS_FILE/);
  });

  it('leaves geocoding and street tiles off unless configured', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/legami-config-test' });
    expect(config.geocoderUrl).toBeUndefined();
    expect(config.mapTilesUrl).toBeUndefined();
  });

  it('reads GEOCODER_URL and MAP_TILES_URL, refusing a tile address without {z}/{x}/{y}', () => {
    const config = loadConfig({
      DATA_DIR: '/tmp/legami-config-test',
      GEOCODER_URL: 'https://nominatim.example.org',
      MAP_TILES_URL: 'https://tiles.example.org/{z}/{x}/{y}.png',
      MAP_TILES_ATTRIBUTION: '© OpenStreetMap',
    });
    expect(config).toMatchObject({
      geocoderUrl: 'https://nominatim.example.org',
      mapTilesUrl: 'https://tiles.example.org/{z}/{x}/{y}.png',
      mapTilesAttribution: '© OpenStreetMap',
    });
    expect(() => loadConfig({ GEOCODER_URL: 'nominatim' })).toThrow(/GEOCODER_URL/);
    expect(() => loadConfig({ MAP_TILES_URL: 'https://tiles.example.org/map.png' })).toThrow(/MAP_TILES_URL/);
  });

  it('trusts no proxy unless TRUST_PROXY lists them', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/legami-config-test' }).trustProxy).toEqual([]);
    expect(
      loadConfig({ DATA_DIR: '/tmp/legami-config-test', TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,loopback' })
        .trustProxy,
    ).toEqual(['10.0.0.5', '192.168.0.0/16', 'loopback']);
  });

  it('stops on a TRUST_PROXY that is not a list of addresses, naming the variable', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY/);
  });
});
