import { afterEach, describe, expect, it, vi } from 'vitest';
import { CREMONA, setupTestEnv } from '../test/harness.js';

/*
 * "Today" is the date in Rome for people and volunteers too: at 00:30 in Rome on 2 December the
 * UTC date is still 1 December, and a birthday, a birth date "today" or a volunteer's 18th
 * birthday must already count.
 */

const env = await setupTestEnv();
const operator = await env.buildUser({ role: 'operatore' });

const AT_23_30_ROME = new Date('2026-12-01T22:30:00Z'); // Tuesday 1 December, 23:30 CET
const AT_00_30_ROME = new Date('2026-12-01T23:30:00Z'); // Wednesday 2 December, 00:30 CET

function at(instant: Date): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(instant);
}
afterEach(() => {
  vi.useRealTimers();
});

let sequence = 0;
// Logged in at the faked instant: a session opened at the real time would look expired to it.
const person = async (birthDate: string) => {
  sequence += 1;
  const session = await env.login(operator.email);
  return env.app.inject({
    method: 'POST',
    url: '/api/people',
    headers: session.headers,
    payload: {
      codiceFiscale: null,
      givenName: 'Anna',
      familyName: `Mezzanotte${'ABCDEFGH'[sequence]}`,
      birthDate,
      sex: 'F',
      comuneCode: CREMONA,
    },
  });
};

const offer = (birthDate: string) =>
  env.app.inject({
    method: 'POST',
    url: '/api/volunteers/offers',
    payload: {
      givenName: 'Luca',
      familyName: `Diciottenne${birthDate}`,
      phone: '333 765 4321',
      comuneCode: CREMONA,
      birthDate,
      availability: [{ day: 3, from: '09:00', to: '12:00' }],
      consentPrivacy: true,
    },
  });

describe('today in Rome for people', () => {
  it('at 23:30 in Rome, a birthday tomorrow has not come and a birth date tomorrow is refused', async () => {
    at(AT_23_30_ROME);
    const born = await person('1950-12-02');
    expect(born.statusCode).toBe(201);
    expect(born.json().age).toBe(75);
    expect((await person('2026-12-02')).statusCode).toBe(422);
  });

  it('at 00:30 in Rome, the birthday counts and a baby born today is accepted', async () => {
    at(AT_00_30_ROME);
    const born = await person('1950-12-02');
    expect(born.statusCode).toBe(201);
    expect(born.json().age).toBe(76);
    const baby = await person('2026-12-02');
    expect(baby.statusCode).toBe(201);
    expect(baby.json().age).toBe(0);
  });
});

describe('today in Rome for volunteers', () => {
  it('refuses an offer the evening before the 18th birthday and accepts it just after midnight', async () => {
    at(AT_23_30_ROME);
    const early = await offer('2008-12-02');
    expect(early.statusCode).toBe(422);
    at(AT_00_30_ROME);
    expect((await offer('2008-12-02')).statusCode).toBe(201);
  });
});
