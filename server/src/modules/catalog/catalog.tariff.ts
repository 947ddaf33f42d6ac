import { invalid } from '../../platform/errors.js';
import type { IseeType, TariffBand, TariffRule } from '../../../../shared/src/catalog/tariff.schemas.js';

/*
 * The tariff engine: what a citizen pays per unit of a service, to the cent, from the tariff rule
 * of their comune (or Ambito) and their ISEE declarations. Pure: no database, no clock (today is
 * an argument). Invariants: integer cents in and out; a value exactly on a threshold falls in the
 * band whose end is inclusive there (validateTariffRule makes that band unique); the citizen never
 * pays more than the service's capped price.
 */

/** One ISEE declaration as the engine needs it. */
export interface IseeFacts {
  type: IseeType;
  valueCents: number;
  issuedOn: string;
  /** Last day of validity (YYYY-MM-DD). */
  expiresOn: string;
  verified: boolean;
}

export type IseeStatus = 'valid' | 'expired' | 'unverified' | 'wrong_type' | 'missing';

export type TariffBasis =
  /** The ISEE fell in a band. */
  | 'band'
  /** The ISEE is above every band, or the comune applies the full tariff to an invalid ISEE. */
  | 'full_tariff'
  /** No usable ISEE: the price for citizens without one. */
  | 'no_isee'
  /** No tariff rule for this service in the citizen's comune: the capped price. */
  | 'capped_price';

export interface TariffOutcome {
  unitCents: number;
  basis: TariffBasis;
  /** Index of the band applied, or null. */
  band: number | null;
  isee: { status: IseeStatus; type: IseeType | null; valueCents: number | null };
}

const ruleError = (message: string, field: string) => invalid('TARIFF_RULE_INVALID', message, { field });

/**
 * Checks that a rule's bands are ordered, contiguous and never overlap: at each shared threshold
 * exactly one of the two bands includes it.
 * @throws 422 TARIFF_RULE_INVALID naming the band at fault.
 */
export function validateTariffRule(rule: TariffRule): void {
  const bands = rule.bands;
  if (bands.length > 0 && (bands[0]!.fromCents !== 0 || !bands[0]!.fromInclusive)) {
    throw ruleError('La prima fascia deve partire da un ISEE di 0 € (incluso).', 'bands.0.fromCents');
  }
  bands.forEach((band, i) => {
    const at = `bands.${i}`;
    if (band.toCents !== null && band.toCents <= band.fromCents) {
      throw ruleError(
        `Fascia ${i + 1}: la soglia superiore deve essere maggiore di quella inferiore.`,
        `${at}.toCents`,
      );
    }
    if (band.toCents === null && i !== bands.length - 1) {
      throw ruleError(
        `Fascia ${i + 1}: solo l'ultima fascia può non avere soglia superiore.`,
        `${at}.toCents`,
      );
    }
    if (band.price.kind === 'linear' && band.toCents === null) {
      throw ruleError(`Fascia ${i + 1}: una tariffa lineare richiede una soglia superiore.`, `${at}.toCents`);
    }
    const next = bands[i + 1];
    if (next) {
      if (next.fromCents !== band.toCents) {
        throw ruleError(
          `Fascia ${i + 2}: deve iniziare dove finisce la fascia ${i + 1}.`,
          `bands.${i + 1}.fromCents`,
        );
      }
      if (next.fromInclusive === band.toInclusive) {
        throw ruleError(
          `La soglia tra le fasce ${i + 1} e ${i + 2} deve essere inclusa in una sola delle due.`,
          `bands.${i + 1}.fromInclusive`,
        );
      }
    }
  });
}

/** The band containing an ISEE value, honouring each threshold's inclusivity; -1 above every band. */
export function bandIndexFor(bands: readonly TariffBand[], valueCents: number): number {
  return bands.findIndex(
    (b) =>
      (valueCents > b.fromCents || (b.fromInclusive && valueCents === b.fromCents)) &&
      (b.toCents === null || valueCents < b.toCents || (b.toInclusive && valueCents === b.toCents)),
  );
}

/** a / b rounded to the nearest integer, halves away from zero (exact, in BigInt). */
function roundedDivision(a: bigint, b: bigint): bigint {
  const negative = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (2n * x + y) / (2n * y);
  return negative ? -q : q;
}

/** The price of one band at an ISEE value inside it. */
export function bandPrice(band: TariffBand, valueCents: number): number {
  const price = band.price;
  if (price.kind === 'free') return 0;
  if (price.kind === 'fixed') return price.cents;
  const span = BigInt(band.toCents! - band.fromCents);
  const offset = BigInt(valueCents - band.fromCents);
  return price.minCents + Number(roundedDivision(BigInt(price.maxCents - price.minCents) * offset, span));
}

function statusOf(isee: IseeFacts, today: string): IseeStatus {
  if (isee.expiresOn < today) return 'expired';
  if (!isee.verified) return 'unverified';
  return 'valid';
}

/**
 * The declaration the rule looks at: a valid one of an accepted kind (the most recently issued),
 * else the most recent of an accepted kind (to say why it is not usable), else none.
 */
export function chooseIsee(
  rule: Pick<TariffRule, 'iseeTypes'>,
  declarations: readonly IseeFacts[],
  today: string,
): { isee: IseeFacts | null; status: IseeStatus } {
  const accepted = declarations
    .filter((d) => rule.iseeTypes.includes(d.type))
    .sort((a, b) => (a.issuedOn < b.issuedOn ? 1 : a.issuedOn > b.issuedOn ? -1 : 0));
  const valid = accepted.find((d) => statusOf(d, today) === 'valid');
  if (valid) return { isee: valid, status: 'valid' };
  const latest = accepted[0];
  if (latest) return { isee: latest, status: statusOf(latest, today) };
  return { isee: null, status: declarations.length > 0 ? 'wrong_type' : 'missing' };
}

/**
 * The unit price of a tariff rule for a citizen with these ISEE declarations.
 * Expired or unverified ISEE: the comune's `invalidIsee` choice. An ISEE of a kind the rule does not
 * accept counts as no ISEE (the citizen has none of the required kind).
 */
export function computeTariff(
  rule: TariffRule,
  declarations: readonly IseeFacts[],
  today: string,
): TariffOutcome {
  const { isee, status } = chooseIsee(rule, declarations, today);
  const facts = { status, type: isee?.type ?? null, valueCents: isee?.valueCents ?? null };
  const noIsee = (): TariffOutcome => ({
    unitCents: rule.noIseeCents ?? rule.fullTariffCents,
    basis: rule.noIseeCents === null ? 'full_tariff' : 'no_isee',
    band: null,
    isee: facts,
  });
  if (!isee) return noIsee();
  if (status !== 'valid') {
    if (rule.invalidIsee === 'no_isee_price') return noIsee();
    if (rule.invalidIsee === 'full_tariff') {
      return { unitCents: rule.fullTariffCents, basis: 'full_tariff', band: null, isee: facts };
    }
  }
  const index = bandIndexFor(rule.bands, isee.valueCents);
  if (index < 0) return { unitCents: rule.fullTariffCents, basis: 'full_tariff', band: null, isee: facts };
  return {
    unitCents: bandPrice(rule.bands[index]!, isee.valueCents),
    basis: 'band',
    band: index,
    isee: facts,
  };
}

/**
 * What a citizen pays per unit: the tariff when their comune has one, never above the capped price;
 * the capped price otherwise.
 */
export function priceForCitizen(
  cappedPriceCents: number,
  rule: TariffRule | null,
  declarations: readonly IseeFacts[],
  today: string,
): TariffOutcome {
  if (!rule) {
    const { isee, status } = chooseIsee({ iseeTypes: ['ordinario'] }, declarations, today);
    return {
      unitCents: cappedPriceCents,
      basis: 'capped_price',
      band: null,
      isee: { status, type: isee?.type ?? null, valueCents: isee?.valueCents ?? null },
    };
  }
  const outcome = computeTariff(rule, declarations, today);
  return { ...outcome, unitCents: Math.min(outcome.unitCents, cappedPriceCents) };
}
