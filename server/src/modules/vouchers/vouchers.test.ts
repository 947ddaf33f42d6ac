import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../test/error-code.js';
import {
  amountFor,
  distanceKm,
  eligibilityProblems,
  isFarRedemption,
  normaliseVoucherCode,
  redeem,
  validateRule,
  voucherCode,
  voucherUsableOn,
  type ProgrammeRule,
} from './vouchers.rules.js';

// Shaped on the 2020 food-voucher rules of Lombard comuni: an amount by household size, ISEE ceiling.
const rule: ProgrammeRule = {
  residenceComuni: ['019036'],
  minHouseholdSize: 1,
  maxHouseholdSize: null,
  iseeMaxCents: 1_500_000,
  iseeRequired: false,
  amountBySizeCents: [15_000, 25_000, 35_000, 45_000],
  iseeBands: [
    { upToCents: 600_000, percent: 100 },
    { upToCents: 1_500_000, percent: 50 },
  ],
  maxAmountCents: null,
};
const applicant = { comuneCode: '019036', householdSize: 3, iseeCents: 500_000 };

describe('programme eligibility at its thresholds', () => {
  it('is eligible at exactly the ISEE ceiling and not one cent above', () => {
    expect(eligibilityProblems(rule, { ...applicant, iseeCents: 1_500_000 })).toEqual([]);
    expect(eligibilityProblems(rule, { ...applicant, iseeCents: 1_500_001 }).map((p) => p.code)).toEqual([
      'ISEE_TOO_HIGH',
    ]);
  });

  it('requires residence in the programme’s comuni', () => {
    expect(eligibilityProblems(rule, { ...applicant, comuneCode: '019035' }).map((p) => p.code)).toEqual([
      'RESIDENCE',
    ]);
    expect(
      eligibilityProblems({ ...rule, residenceComuni: null }, { ...applicant, comuneCode: '019035' }),
    ).toEqual([]);
  });

  it('checks household size at both ends, inclusive', () => {
    const sized = { ...rule, minHouseholdSize: 2, maxHouseholdSize: 5 };
    expect(eligibilityProblems(sized, { ...applicant, householdSize: 1 }).map((p) => p.code)).toEqual([
      'HOUSEHOLD_TOO_SMALL',
    ]);
    expect(eligibilityProblems(sized, { ...applicant, householdSize: 2 })).toEqual([]);
    expect(eligibilityProblems(sized, { ...applicant, householdSize: 5 })).toEqual([]);
    expect(eligibilityProblems(sized, { ...applicant, householdSize: 6 }).map((p) => p.code)).toEqual([
      'HOUSEHOLD_TOO_LARGE',
    ]);
  });

  it('lists every problem at once, and a missing ISEE only when the programme requires it', () => {
    expect(eligibilityProblems(rule, { ...applicant, iseeCents: null })).toEqual([]);
    expect(
      eligibilityProblems(
        { ...rule, iseeRequired: true },
        { comuneCode: '019035', householdSize: 2, iseeCents: null },
      ).map((p) => p.code),
    ).toEqual(['RESIDENCE', 'ISEE_MISSING']);
  });
});

describe('amount formula', () => {
  it('follows the table by household size, larger households taking the last row', () => {
    expect(amountFor(rule, { householdSize: 1, iseeCents: 0 })).toBe(15_000);
    expect(amountFor(rule, { householdSize: 4, iseeCents: 0 })).toBe(45_000);
    expect(amountFor(rule, { householdSize: 7, iseeCents: 0 })).toBe(45_000);
  });

  it('changes band exactly at the band’s upper bound', () => {
    expect(amountFor(rule, { householdSize: 2, iseeCents: 600_000 })).toBe(25_000);
    expect(amountFor(rule, { householdSize: 2, iseeCents: 600_001 })).toBe(12_500);
  });

  it('gives an unknown ISEE the least generous band, and floors to the cent', () => {
    expect(amountFor(rule, { householdSize: 3, iseeCents: null })).toBe(17_500);
    const odd = { ...rule, amountBySizeCents: [10_001], iseeBands: [{ upToCents: 1, percent: 33 }] };
    expect(amountFor(odd, { householdSize: 1, iseeCents: 0 })).toBe(3_300);
  });

  it('applies the cap per household', () => {
    expect(amountFor({ ...rule, maxAmountCents: 30_000 }, { householdSize: 4, iseeCents: 0 })).toBe(30_000);
  });

  it('refuses rules with bands out of order or negative amounts', () => {
    expect(errorCodeOf(() => validateRule(rule))).toBeUndefined();
    expect(
      errorCodeOf(() =>
        validateRule({
          ...rule,
          iseeBands: [
            { upToCents: 10, percent: 100 },
            { upToCents: 10, percent: 50 },
          ],
        }),
      ),
    ).toBe('PROGRAMME_RULE_INVALID');
    expect(errorCodeOf(() => validateRule({ ...rule, amountBySizeCents: [-1] }))).toBe(
      'PROGRAMME_RULE_INVALID',
    );
  });
});

describe('partial redemption arithmetic in cents', () => {
  it('leaves the exact remainder after partial spends down to zero', () => {
    let balance = 15_000;
    for (const spend of [4_999, 1, 3_333, 6_667]) balance = redeem(balance, spend).remainingCents;
    expect(balance).toBe(0);
  });

  it('refuses a spend above the balance, naming it, and one on a fully spent voucher with 409', () => {
    expect(errorCodeOf(() => redeem(1_000, 1_001))).toBe('AMOUNT_EXCEEDS_BALANCE');
    expect(() => redeem(1_000, 1_001)).toThrow(/€ 10,00/);
    expect(errorCodeOf(() => redeem(0, 1))).toBe('VOUCHER_FULLY_REDEEMED');
    try {
      redeem(0, 1);
    } catch (error) {
      expect((error as { statusCode: number }).statusCode).toBe(409);
    }
  });

  it('refuses zero, negative and fractional cents', () => {
    for (const amount of [0, -100, 10.5])
      expect(errorCodeOf(() => redeem(1_000, amount))).toBe('AMOUNT_INVALID');
  });
});

describe('voucher codes', () => {
  const bytes = Uint8Array.from([0, 1, 2, 3, 200, 201, 202, 255]);
  it('are read back whatever the case, spaces, dashes or O/0 and I/1 confusion', () => {
    const code = voucherCode(bytes);
    expect(code).toMatch(/^BS-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
    expect(normaliseVoucherCode(code)).toBe(code);
    expect(normaliseVoucherCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseVoucherCode(code.replace(/0/g, 'O').replace(/1/g, 'I'))).toBe(code);
  });

  it('refuse a code with one character changed', () => {
    const code = voucherCode(bytes);
    const changed = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4);
    expect(normaliseVoucherCode(changed)).toBeNull();
    expect(normaliseVoucherCode('BS-123')).toBeNull();
  });

  it('keep a social market card apart from a voucher: each read back only under its own prefix', () => {
    const card = voucherCode(bytes, 'EM');
    expect(card).toMatch(/^EM-/);
    expect(normaliseVoucherCode(card.toLowerCase(), 'EM')).toBe(card);
    expect(normaliseVoucherCode(card)).toBeNull();
    expect(normaliseVoucherCode(voucherCode(bytes), 'EM')).toBeNull();
  });
});

describe('validity and fraud signals', () => {
  const voucher = { validFrom: '2026-12-01', validUntil: '2026-12-31', status: 'active' };
  it('is usable on its first and last day only', () => {
    expect(voucherUsableOn(voucher, '2026-11-30')).toEqual({ ok: false, code: 'VOUCHER_NOT_YET_VALID' });
    expect(voucherUsableOn(voucher, '2026-12-01')).toEqual({ ok: true });
    expect(voucherUsableOn(voucher, '2026-12-31')).toEqual({ ok: true });
    expect(voucherUsableOn(voucher, '2027-01-01')).toEqual({ ok: false, code: 'VOUCHER_EXPIRED' });
    expect(voucherUsableOn({ ...voucher, status: 'cancelled' }, '2026-12-10').ok).toBe(false);
  });

  it('measures Cremona–Crema at about 37 km and flags it as far, not Cremona–Pieve San Giacomo', () => {
    const cremona = { lat: 45.1333, lon: 10.0227 };
    const crema = { lat: 45.3622, lon: 9.6853 };
    const pieve = { lat: 45.1297, lon: 10.1825 };
    expect(Math.round(distanceKm(cremona, crema))).toBe(37);
    expect(isFarRedemption(cremona, crema)).toBe(true);
    expect(isFarRedemption(cremona, pieve)).toBe(false);
  });
});
