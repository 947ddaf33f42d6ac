import { Type, type Static } from 'typebox';

/** The four ISEE kinds of DPCM 159/2013. */
export const ISEE_TYPES = ['ordinario', 'sociosanitario', 'minorenni', 'corrente'] as const;
export const IseeType = Type.Enum(ISEE_TYPES);
export type IseeType = Static<typeof IseeType>;

// Null first in unions: the server's Ajv coerces types, and would turn null into 0 for an integer branch tried first.
const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000 });

/** What a citizen pays per unit inside one band. */
export const BandPrice = Type.Union([
  Type.Object({ kind: Type.Literal('free') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('fixed'), cents: Cents }, { additionalProperties: false }),
  // Linear between minCents at the band's lower threshold and maxCents at its upper threshold.
  Type.Object(
    { kind: Type.Literal('linear'), minCents: Cents, maxCents: Cents },
    { additionalProperties: false },
  ),
]);
export type BandPrice = Static<typeof BandPrice>;

/** One ISEE band: [from, to] with each end inclusive or exclusive as the comune's rule says. */
export const TariffBand = Type.Object(
  {
    fromCents: Cents,
    fromInclusive: Type.Boolean(),
    /** null: no upper threshold (the band runs to infinity). */
    toCents: Type.Union([Type.Null(), Cents]),
    toInclusive: Type.Boolean(),
    price: BandPrice,
  },
  { additionalProperties: false },
);
export type TariffBand = Static<typeof TariffBand>;

/** What to do when the citizen's ISEE is expired, not verified or of the wrong type. */
export const INVALID_ISEE_POLICIES = ['full_tariff', 'no_isee_price', 'accept'] as const;
export const InvalidIseePolicy = Type.Enum(INVALID_ISEE_POLICIES);

/** A comune's (or an Ambito's) tariff for a service or a category. */
export const TariffRule = Type.Object(
  {
    /** ISEE kinds the rule accepts, e.g. only `sociosanitario` for home care of non-self-sufficient people. */
    iseeTypes: Type.Array(IseeType, { minItems: 1, uniqueItems: true }),
    bands: Type.Array(TariffBand, { maxItems: 20 }),
    /** Above every band (or when no band matches). */
    fullTariffCents: Cents,
    /** Without any ISEE; null → the full tariff. */
    noIseeCents: Type.Union([Type.Null(), Cents]),
    /** Expired or unverified ISEE (or a kind the rule does not accept). */
    invalidIsee: InvalidIseePolicy,
  },
  { additionalProperties: false },
);
export type TariffRule = Static<typeof TariffRule>;
