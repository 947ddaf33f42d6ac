import type { Settings } from '../../platform/context.js';
import type { SiteInfo } from '../../../../shared/src/site/site.schemas.js';

// The demo's help line: a made-up number (0372 is Cremona's area code), flagged so the page says so.
const DEMO_HELPLINE = { phone: '0372 000 000', hours: 'dal lunedì al sabato, dalle 9 alle 17' };

/**
 * What the public pages show about this installation: the help line, the contact address and
 * the ways in. The same for everyone; no personal data.
 */
export function siteInfo(settings: Settings): SiteInfo {
  const helpline = settings.helpline
    ? { ...settings.helpline, demo: false }
    : settings.demo
      ? { ...DEMO_HELPLINE, demo: true }
      : null;
  return {
    helpline,
    contactEmail: settings.contactEmail ?? null,
    demoAccounts: Boolean(settings.demo) && !settings.production,
    spidCie: Boolean(settings.oidc),
  };
}
