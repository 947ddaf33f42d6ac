import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../test/error-code.js';
import type { TariffBand, TariffRule } from '../../../../shared/src/catalog/tariff.schemas.js';
import {
  bandIndexFor,
  computeTariff,
  priceForCitizen,
  validateTariffRule,
  type IseeFacts,
} from './catalog.tariff.js';
import { AMBITO_CREMASCO_SAD_2021, CASSANO_DADDA_SAD } from './catalog.demo.js';

const TODAY = '2026-12-01';
const euro = (e: number) => Math.round(e * 100);

function isee(valueCents: number, overrides: Partial<IseeFacts> = {}): IseeFacts {
  return {
    type: 'ordinario',
    valueCents,
    issuedOn: '2026-01-15',
    expiresOn: '2026-12-31',
    verified: true,
    ...overrides,
  };
}

// The two examples, as the demo seeds them.
const CREMASCO_SAD = AMBITO_CREMASCO_SAD_2021;
const CASSANO_SAD = CASSANO_DADDA_SAD;

const price = (rule: TariffRule, cents: number) => computeTariff(rule, [isee(cents)], TODAY).unitCents;

describe('the Ambito Cremasco home-care tariff (2021)', () => {
  it('is free from zero up to €3,000 included', () => {
    expect(price(CREMASCO_SAD, 0)).toBe(0);
    expect(price(CREMASCO_SAD, euro(1500))).toBe(0);
    expect(price(CREMASCO_SAD, euro(3000))).toBe(0);
  });

  it('charges the first band from one cent above €3,000 to €6,000 included', () => {
    expect(price(CREMASCO_SAD, euro(3000) + 1)).toBe(200);
    expect(price(CREMASCO_SAD, euro(3001))).toBe(200);
    expect(price(CREMASCO_SAD, euro(6000))).toBe(200);
  });

  it('charges the second band from one cent above €6,000 to €20,000 included', () => {
    expect(price(CREMASCO_SAD, euro(6000) + 1)).toBe(400);
    expect(price(CREMASCO_SAD, euro(12000))).toBe(400);
    expect(price(CREMASCO_SAD, euro(20000))).toBe(400);
  });

  it('charges the full tariff above €20,000 and without an ISEE', () => {
    expect(computeTariff(CREMASCO_SAD, [isee(euro(20000) + 1)], TODAY)).toMatchObject({
      unitCents: 1600,
      basis: 'full_tariff',
      band: null,
    });
    expect(computeTariff(CREMASCO_SAD, [], TODAY)).toMatchObject({
      unitCents: 1600,
      basis: 'full_tariff',
      isee: { status: 'missing' },
    });
  });

  it('names the band it applied', () => {
    expect(computeTariff(CREMASCO_SAD, [isee(euro(4500))], TODAY)).toEqual({
      unitCents: 200,
      basis: 'band',
      band: 1,
      isee: { status: 'valid', type: 'ordinario', valueCents: euro(4500) },
    });
  });
});

describe("the Cassano d'Adda home-care tariff", () => {
  it('is free up to €3,000 included', () => {
    expect(price(CASSANO_SAD, euro(3000))).toBe(0);
  });

  it('rises linearly from €2 to €5 an hour between €3,000 and €7,500', () => {
    expect(price(CASSANO_SAD, euro(3000) + 1)).toBe(200);
    // 200 + 300 × 1,000/4,500 = 266.67 → 267 cents.
    expect(price(CASSANO_SAD, euro(4000))).toBe(267);
    expect(price(CASSANO_SAD, euro(5250))).toBe(350);
    expect(price(CASSANO_SAD, euro(7500))).toBe(500);
  });

  it('rounds a half cent up', () => {
    // 300 × 7.50/4,500 = 0.5 cents exactly above €2.00.
    expect(price(CASSANO_SAD, euro(3007.5))).toBe(201);
    // 300 × 7.49/4,500 = 0.4993 cents.
    expect(price(CASSANO_SAD, euro(3007.49))).toBe(200);
  });

  it('rises linearly from €5 to €18 an hour between €7,500 and €20,000', () => {
    expect(price(CASSANO_SAD, euro(7500) + 1)).toBe(500);
    // 500 + 1,300 × 6,250/12,500 = 1,150.
    expect(price(CASSANO_SAD, euro(13750))).toBe(1150);
    // 500 + 1,300 × 1,000/12,500 = 604.
    expect(price(CASSANO_SAD, euro(8500))).toBe(604);
    expect(price(CASSANO_SAD, euro(20000))).toBe(1800);
  });

  it('charges €18 above €20,000 and €20 without an ISEE', () => {
    expect(price(CASSANO_SAD, euro(20000) + 1)).toBe(1800);
    expect(price(CASSANO_SAD, euro(95000))).toBe(1800);
    expect(computeTariff(CASSANO_SAD, [], TODAY)).toMatchObject({ unitCents: 2000, basis: 'no_isee' });
  });
});

describe('thresholds inclusive or exclusive as configured', () => {
  const exclusiveFree: TariffRule = {
    ...CREMASCO_SAD,
    bands: [
      { fromCents: 0, fromInclusive: true, toCents: euro(3000), toInclusive: false, price: { kind: 'free' } },
      {
        fromCents: euro(3000),
        fromInclusive: true,
        toCents: null,
        toInclusive: false,
        price: { kind: 'fixed', cents: 250 },
      },
    ],
  };

  it('puts the threshold itself in the upper band when the lower one excludes it', () => {
    expect(price(exclusiveFree, euro(3000) - 1)).toBe(0);
    expect(price(exclusiveFree, euro(3000))).toBe(250);
  });

  it('never leaves a value without a band when the last band is open-ended', () => {
    expect(price(exclusiveFree, 90_000_000)).toBe(250);
  });

  it('finds the band by each end’s inclusivity', () => {
    expect(bandIndexFor(CREMASCO_SAD.bands, euro(6000))).toBe(1);
    expect(bandIndexFor(CREMASCO_SAD.bands, euro(6000) + 1)).toBe(2);
    expect(bandIndexFor(CREMASCO_SAD.bands, euro(20000) + 1)).toBe(-1);
  });
});

describe('ISEE validity and kind', () => {
  it('applies the comune’s choice to an expired ISEE: full tariff in the Cremasco', () => {
    const expired = isee(euro(2000), { expiresOn: '2025-12-31' });
    expect(computeTariff(CREMASCO_SAD, [expired], TODAY)).toMatchObject({
      unitCents: 1600,
      basis: 'full_tariff',
      isee: { status: 'expired', valueCents: euro(2000) },
    });
  });

  it('treats an ISEE as valid on its last day and expired the day after', () => {
    const lastDay = isee(euro(2000), { expiresOn: TODAY });
    expect(computeTariff(CREMASCO_SAD, [lastDay], TODAY).unitCents).toBe(0);
    expect(computeTariff(CREMASCO_SAD, [lastDay], '2026-12-02').isee.status).toBe('expired');
  });

  it('applies the no-ISEE price to an unverified ISEE in Cassano', () => {
    const unverified = isee(euro(2000), { verified: false });
    expect(computeTariff(CASSANO_SAD, [unverified], TODAY)).toMatchObject({
      unitCents: 2000,
      basis: 'no_isee',
      isee: { status: 'unverified' },
    });
  });

  it('uses the value of an unverified ISEE when the comune accepts it', () => {
    const accepting: TariffRule = { ...CASSANO_SAD, invalidIsee: 'accept' };
    expect(computeTariff(accepting, [isee(euro(4000), { verified: false })], TODAY)).toMatchObject({
      unitCents: 267,
      isee: { status: 'unverified' },
    });
  });

  it('requires the ISEE sociosanitario for home care of non-self-sufficient people', () => {
    const sociosanitario: TariffRule = { ...CASSANO_SAD, iseeTypes: ['sociosanitario'] };
    expect(computeTariff(sociosanitario, [isee(euro(1000))], TODAY)).toMatchObject({
      unitCents: 2000,
      isee: { status: 'wrong_type' },
    });
    const both = [isee(euro(1000)), isee(euro(9000), { type: 'sociosanitario' })];
    expect(computeTariff(sociosanitario, both, TODAY)).toMatchObject({
      // 500 + 1,300 × 1,500/12,500 = 656.
      unitCents: 656,
      isee: { status: 'valid', type: 'sociosanitario', valueCents: euro(9000) },
    });
  });

  it('prefers a valid declaration over a more recent expired one', () => {
    const declarations = [
      isee(euro(1000), { issuedOn: '2026-11-01', expiresOn: '2026-11-30' }),
      isee(euro(4000), { issuedOn: '2026-02-01' }),
    ];
    expect(computeTariff(CASSANO_SAD, declarations, TODAY).unitCents).toBe(267);
  });
});

describe('the price for a citizen', () => {
  it('never exceeds the capped price', () => {
    expect(priceForCitizen(1500, CASSANO_SAD, [], TODAY).unitCents).toBe(1500);
    expect(priceForCitizen(1500, CASSANO_SAD, [isee(euro(4000))], TODAY).unitCents).toBe(267);
  });

  it('is the capped price where the comune has no tariff', () => {
    expect(priceForCitizen(1500, null, [isee(euro(4000))], TODAY)).toMatchObject({
      unitCents: 1500,
      basis: 'capped_price',
    });
  });
});

describe('validateTariffRule', () => {
  const band = (
    from: number,
    to: number | null,
    fromInclusive: boolean,
    toInclusive: boolean,
  ): TariffBand => ({
    fromCents: from,
    toCents: to,
    fromInclusive,
    toInclusive,
    price: { kind: 'fixed', cents: 100 },
  });
  const rule = (bands: TariffBand[]): TariffRule => ({ ...CREMASCO_SAD, bands });

  it('accepts both real examples', () => {
    expect(errorCodeOf(() => validateTariffRule(CREMASCO_SAD))).toBeUndefined();
    expect(errorCodeOf(() => validateTariffRule(CASSANO_SAD))).toBeUndefined();
  });

  it('refuses a threshold included in both bands or in neither', () => {
    expect(
      errorCodeOf(() => validateTariffRule(rule([band(0, 100, true, true), band(100, 200, true, true)]))),
    ).toBe('TARIFF_RULE_INVALID');
    expect(
      errorCodeOf(() => validateTariffRule(rule([band(0, 100, true, false), band(100, 200, false, true)]))),
    ).toBe('TARIFF_RULE_INVALID');
  });

  it('refuses a gap, a first band not starting at zero, and a reversed band', () => {
    expect(
      errorCodeOf(() => validateTariffRule(rule([band(0, 100, true, true), band(150, 200, false, true)]))),
    ).toBe('TARIFF_RULE_INVALID');
    expect(errorCodeOf(() => validateTariffRule(rule([band(50, 100, true, true)])))).toBe(
      'TARIFF_RULE_INVALID',
    );
    expect(errorCodeOf(() => validateTariffRule(rule([band(0, 0, true, true)])))).toBe('TARIFF_RULE_INVALID');
  });

  it('refuses an open-ended band before the last and a linear band without an upper threshold', () => {
    expect(
      errorCodeOf(() => validateTariffRule(rule([band(0, null, true, false), band(100, 200, false, true)]))),
    ).toBe('TARIFF_RULE_INVALID');
    const openLinear: TariffBand = {
      ...band(0, null, true, false),
      price: { kind: 'linear', minCents: 1, maxCents: 2 },
    };
    expect(errorCodeOf(() => validateTariffRule(rule([openLinear])))).toBe('TARIFF_RULE_INVALID');
  });
});
