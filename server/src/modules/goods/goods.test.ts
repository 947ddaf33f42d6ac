import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../test/error-code.js';
import { ageOn } from '../people/index.js';
import {
  campaignEligible,
  checkParcelAllowed,
  chooseLotsFefo,
  fefoOrder,
  isNearExpiry,
  loanDueDate,
  loanNeedsReminder,
  loanState,
  marketPointsFor,
  periodKey,
  permille,
  spendPoints,
  templateForSize,
  validateVatNumber,
  type LotStock,
} from './goods.rules.js';

const today = '2026-12-01';
const lot = (
  lotId: string,
  quantity: number,
  expiryDate: string | null,
  receivedOn = '2026-11-01',
): LotStock => ({
  lotId,
  quantity,
  expiryDate,
  receivedOn,
});

describe('FEFO lot choice', () => {
  it('takes the lot that expires first, then the next, and no more than needed', () => {
    const lots = [lot('late', 10, '2027-03-01'), lot('soon', 4, '2026-12-10'), lot('mid', 5, '2027-01-15')];
    expect(chooseLotsFefo(lots, 7, today)).toEqual([
      { lotId: 'soon', quantity: 4 },
      { lotId: 'mid', quantity: 3 },
    ]);
  });

  it('puts lots without expiry last and breaks ties by the oldest received', () => {
    const ordered = fefoOrder([
      lot('none', 1, null),
      lot('b-new', 1, '2026-12-20', '2026-11-20'),
      lot('a-old', 1, '2026-12-20', '2026-11-02'),
    ]);
    expect(ordered.map((l) => l.lotId)).toEqual(['a-old', 'b-new', 'none']);
  });

  it('never hands out an expired lot; a lot expiring today is still good', () => {
    const lots = [
      lot('yesterday', 50, '2026-11-30'),
      lot('today', 2, '2026-12-01'),
      lot('later', 5, '2027-01-01'),
    ];
    expect(chooseLotsFefo(lots, 3, today)).toEqual([
      { lotId: 'today', quantity: 2 },
      { lotId: 'later', quantity: 1 },
    ]);
  });

  it('refuses a withdrawal the good lots do not cover, saying how much is available', () => {
    const lots = [
      lot('expired', 100, '2026-11-01'),
      lot('good', 3, '2027-01-01'),
      lot('empty', 0, '2026-12-05'),
    ];
    expect(errorCodeOf(() => chooseLotsFefo(lots, 4, today))).toBe('STOCK_INSUFFICIENT');
    expect(() => chooseLotsFefo(lots, 4, today)).toThrow(/ne sono disponibili 3/);
  });

  it('refuses a zero, negative or fractional quantity', () => {
    for (const q of [0, -1, 1.5])
      expect(errorCodeOf(() => chooseLotsFefo([lot('a', 9, null)], q, today))).toBe('QUANTITY_INVALID');
  });
});

describe('near expiry', () => {
  it('flags lots expiring within seven days, not those after, not those already expired', () => {
    expect(isNearExpiry('2026-12-08', today)).toBe(true);
    expect(isNearExpiry('2026-12-01', today)).toBe(true);
    expect(isNearExpiry('2026-12-09', today)).toBe(false);
    expect(isNearExpiry('2026-11-30', today)).toBe(false);
    expect(isNearExpiry(null, today)).toBe(false);
  });
});

describe('one parcel per household per period', () => {
  it('names ISO weeks across the new year and months', () => {
    expect(periodKey('2026-12-31', 'week')).toBe('2026-W53');
    expect(periodKey('2027-01-03', 'week')).toBe('2026-W53');
    expect(periodKey('2027-01-04', 'week')).toBe('2027-W01');
    expect(periodKey('2026-12-31', 'month')).toBe('2026-12');
  });

  it('allows the first parcel of a period and one in the next period', () => {
    expect(checkParcelAllowed([], '2026-12-01', 'week', undefined)).toEqual({ overridden: false });
    // Monday 30 Nov and Monday 7 Dec are different ISO weeks.
    expect(checkParcelAllowed(['2026-11-30'], '2026-12-07', 'week', undefined)).toEqual({
      overridden: false,
    });
  });

  it('refuses a second parcel in the same period with 409 and the date of the first', () => {
    expect(errorCodeOf(() => checkParcelAllowed(['2026-11-30'], '2026-12-06', 'week', undefined))).toBe(
      'PARCEL_ALREADY_IN_PERIOD',
    );
    expect(() => checkParcelAllowed(['2026-12-02'], '2026-12-28', 'month', null)).toThrow(/2026-12-02/);
  });

  it('allows it with an operator’s reason, not with a blank one', () => {
    expect(checkParcelAllowed(['2026-12-02'], '2026-12-03', 'month', 'Nuovo componente')).toEqual({
      overridden: true,
    });
    expect(errorCodeOf(() => checkParcelAllowed(['2026-12-02'], '2026-12-03', 'month', '  '))).toBe(
      'OVERRIDE_REASON_REQUIRED',
    );
  });
});

describe('loan due dates', () => {
  it('defaults by kind and honours an explicit length, across month and year ends', () => {
    expect(loanDueDate('2026-12-01', 'tablet')).toBe('2027-03-31');
    expect(loanDueDate('2026-12-01', 'wheelchair')).toBe('2027-03-01');
    expect(loanDueDate('2026-01-31', 'other', 29)).toBe('2026-03-01');
    expect(loanDueDate('2028-02-28', 'other', 1)).toBe('2028-02-29');
  });

  it('refuses a length outside 1–730 days', () => {
    expect(errorCodeOf(() => loanDueDate(today, 'tablet', 0))).toBe('LOAN_DAYS_INVALID');
    expect(errorCodeOf(() => loanDueDate(today, 'tablet', 731))).toBe('LOAN_DAYS_INVALID');
  });

  it('is out on the due date, overdue the day after, returned once back', () => {
    const loan = { dueDate: '2026-12-10', returnedOn: null };
    expect(loanState(loan, '2026-12-10')).toBe('out');
    expect(loanState(loan, '2026-12-11')).toBe('overdue');
    expect(loanState({ ...loan, returnedOn: '2026-12-20' }, '2026-12-21')).toBe('returned');
  });

  it('reminds from three days before the due date, and never once returned', () => {
    const loan = { dueDate: '2026-12-10', returnedOn: null };
    expect(loanNeedsReminder(loan, '2026-12-06')).toBe(false);
    expect(loanNeedsReminder(loan, '2026-12-07')).toBe(true);
    expect(loanNeedsReminder(loan, '2026-12-15')).toBe(true);
    expect(loanNeedsReminder({ ...loan, returnedOn: '2026-12-08' }, '2026-12-15')).toBe(false);
  });
});

describe('VAT number of a company donor', () => {
  it('accepts real partite IVA with or without the IT prefix and spaces', () => {
    expect(validateVatNumber('00297960197')).toBe('00297960197');
    expect(validateVatNumber('IT 01114601006')).toBe('01114601006');
  });

  it('refuses a wrong check digit and a wrong length, naming the field', () => {
    expect(errorCodeOf(() => validateVatNumber('00297960198'))).toBe('VAT_CHECK_DIGIT');
    expect(errorCodeOf(() => validateVatNumber('0029796019'))).toBe('VAT_FORMAT');
    expect(() => validateVatNumber('00297960198')).toThrow(/partita IVA/);
  });
});

describe('campaign eligibility', () => {
  const over65 = { minAge: 65, comuni: ['019036'] };
  it('counts a person who turns 65 today, not one who turns 65 tomorrow', () => {
    expect(ageOn('1961-12-01', today)).toBe(65);
    expect(campaignEligible(over65, { birthDate: '1961-12-01', comuneCode: '019036' }, today)).toBe(true);
    expect(campaignEligible(over65, { birthDate: '1961-12-02', comuneCode: '019036' }, today)).toBe(false);
  });

  it('keeps to the campaign’s comuni, and the second phase reaches everyone', () => {
    expect(campaignEligible(over65, { birthDate: '1930-01-01', comuneCode: '019035' }, today)).toBe(false);
    expect(
      campaignEligible(
        { minAge: null, comuni: null },
        { birthDate: '2010-05-05', comuneCode: '019035' },
        today,
      ),
    ).toBe(true);
  });
});

describe('parcel templates by household size', () => {
  const templates = [
    { name: 'small', minHouseholdSize: 1, maxHouseholdSize: 2 },
    { name: 'medium', minHouseholdSize: 3, maxHouseholdSize: 4 },
    { name: 'any', minHouseholdSize: 1, maxHouseholdSize: null },
  ];
  it('takes the narrowest template whose range holds the size, at both ends', () => {
    expect(templateForSize(templates, 2)?.name).toBe('small');
    expect(templateForSize(templates, 3)?.name).toBe('medium');
    expect(templateForSize(templates, 4)?.name).toBe('medium');
    expect(templateForSize(templates, 5)?.name).toBe('any');
    expect(templateForSize(templates.slice(0, 2), 5)).toBeNull();
  });
});

describe('campaign progress', () => {
  it('is in floored thousandths, and zero when nobody is eligible', () => {
    expect(permille(1, 3)).toBe(333);
    expect(permille(3, 3)).toBe(1000);
    expect(permille(0, 0)).toBe(0);
  });
});

describe('social market points', () => {
  it('gives points by household size, larger households the last entry', () => {
    expect([1, 2, 3, 4, 5, 9].map(marketPointsFor)).toEqual([40, 60, 75, 90, 100, 100]);
  });

  it('spends down to exactly zero and refuses one point more with 409 and the balance', () => {
    expect(spendPoints(40, 15)).toEqual({ remaining: 25 });
    expect(spendPoints(25, 25)).toEqual({ remaining: 0 });
    expect(errorCodeOf(() => spendPoints(0, 1))).toBe('MARKET_POINTS_INSUFFICIENT');
    expect(errorCodeOf(() => spendPoints(24, 25))).toBe('MARKET_POINTS_INSUFFICIENT');
    expect(errorCodeOf(() => spendPoints(24, 0))).toBe('POINTS_INVALID');
  });
});
