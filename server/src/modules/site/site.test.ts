import { describe, expect, it } from 'vitest';
import { siteInfo } from './site.service.js';

const base = { production: false, sessionTtlHours: 12 };

describe('site info', () => {
  it('lists the demo logins and a flagged made-up help line in demo mode', () => {
    const info = siteInfo({ ...base, demo: true });
    expect(info.demoAccounts).toBe(true);
    expect(info.helpline).toMatchObject({ demo: true });
  });

  it('shows neither the demo logins nor a help line on an installation without demo data', () => {
    expect(siteInfo(base)).toEqual({
      helpline: null,
      contactEmail: null,
      demoAccounts: false,
      spidCie: false,
    });
  });

  it('never lists the demo logins in production', () => {
    expect(siteInfo({ ...base, production: true, demo: true }).demoAccounts).toBe(false);
  });

  it('shows the configured help line over the demo one', () => {
    const helpline = { phone: '0372 407 335', hours: 'lunedì–venerdì 9–12' };
    expect(siteInfo({ ...base, demo: true, helpline }).helpline).toEqual({ ...helpline, demo: false });
  });
});
