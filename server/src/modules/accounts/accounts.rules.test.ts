import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './accounts.rules.js';

describe('passwordWeakness', () => {
  it('refuses a short password', () => {
    expect(passwordWeakness('Ab1!xyz', 'anna@comune.it')).toMatch(/12 caratteri/);
  });

  it('refuses a well-known password, even with digits after it', () => {
    expect(passwordWeakness('password1234', 'anna@comune.it')).toMatch(/più usate/);
    expect(passwordWeakness('Amministratore2026!', 'anna@comune.it')).toMatch(/più usate/);
  });

  it('refuses a password made of the email’s name', () => {
    expect(passwordWeakness('Rossella.Bianchi!9', 'rossella.bianchi@comune.it')).toMatch(/email/);
  });

  it('refuses one repeated character and a short single-kind password', () => {
    expect(passwordWeakness('aaaaaaaaaaaaaaaa', 'anna@comune.it')).toMatch(/troppo pochi/);
    expect(passwordWeakness('ciclamino-viola', 'anna@comune.it')).toMatch(/16 caratteri/);
  });

  it('accepts a long passphrase and a mixed password', () => {
    expect(passwordWeakness('ciclamino viola sul torrazzo', 'anna@comune.it')).toBeNull();
    expect(passwordWeakness('Tr0ppo-Difficile', 'anna@comune.it')).toBeNull();
  });
});
