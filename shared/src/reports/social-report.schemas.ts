import { Type, type Static } from 'typebox';
import { Uuid } from '../common/common.schemas.js';
import { OpenDataTerritory } from './reports.schemas.js';

/*
 * The annual report on social conditions of a territory (province, Ambito or comune) and year:
 * aggregates only, every count of people after disclosure control (null = suppressed).
 */

/** A published count: null where fewer than 5 people, or where it would reveal such a cell. */
const Shown = Type.Union([Type.Number(), Type.Null()]);
const Category = Type.Object({ key: Type.String(), label: Type.String() });

/** A cross-tabulation of areas × categories as published. */
export const ReportTable = Type.Object({
  id: Type.String(),
  title: Type.String(),
  /** What one unit is: persone, richieste, fascicoli. */
  unit: Type.String(),
  columns: Type.Array(Category),
  cells: Type.Array(Type.Array(Shown)),
  rowTotals: Type.Array(Shown),
  columnTotals: Type.Array(Shown),
  total: Shown,
});
export type ReportTable = Static<typeof ReportTable>;

/** A row of every table: a comune, or the small comuni of an Ambito published together. */
export const ReportArea = Type.Object({
  code: Type.String(),
  name: Type.String(),
  population: Type.Integer(),
  comuni: Type.Array(Type.String()),
});

/** One figure of several years, for the trends. */
export const TrendPoint = Type.Object({
  year: Type.Integer(),
  requests: Shown,
  peopleReached: Shown,
  volunteersActive: Shown,
  volunteerHours: Shown,
  casesOpened: Shown,
});

const Money = Type.Union([Type.Integer(), Type.Null()]);

export const ReportFigures = Type.Object({
  year: Type.Integer(),
  territory: Type.String(),
  territoryName: Type.String(),
  population: Type.Integer(),
  areas: Type.Array(ReportArea),
  /** requests-by-type|channel|urgency|outcome, people-by-age-band|sex|household, cases-opened|closed-by-area. */
  tables: Type.Array(ReportTable),
  responseTimes: Type.Object({
    completed: Shown,
    medianHours: Shown,
    p90Hours: Shown,
  }),
  volunteers: Type.Object({
    active: Shown,
    hours: Shown,
    tasksDone: Shown,
    registered: Shown,
    newOffers: Shown,
  }),
  catalog: Type.Object({
    bands: Type.Array(
      Type.Object({
        key: Type.String(),
        label: Type.String(),
        orders: Shown,
        totalCents: Money,
        subsidyCents: Money,
      }),
    ),
    orders: Shown,
    totalCents: Money,
    subsidyCents: Money,
  }),
  planOutcomes: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), goals: Shown })),
  discharges: Type.Object({ total: Shown, completed: Shown, withHomePlan: Shown }),
  funds: Type.Array(
    Type.Object({ key: Type.String(), label: Type.String(), allocatedCents: Money, spentCents: Money }),
  ),
  goods: Type.Object({ parcels: Shown, campaignHandOuts: Shown, units: Shown }),
  vouchers: Type.Object({ issued: Shown, households: Shown, issuedCents: Money, redeemedCents: Money }),
  support: Type.Array(
    Type.Object({ key: Type.String(), label: Type.String(), households: Shown, paidCents: Money }),
  ),
  trends: Type.Array(TrendPoint),
});
export type ReportFigures = Static<typeof ReportFigures>;

/** The narrative sections staff write, in the order of the report (seed 003's mandate). */
export const NARRATIVE_SECTIONS = [
  'introduzione',
  'fattori_di_rischio',
  'fenomeni_emergenti',
  'interventi',
  'buone_pratiche',
  'conclusioni',
] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];

const SectionText = Type.String({ maxLength: 20_000 });
export const Narrative = Type.Object(
  {
    introduzione: Type.Optional(SectionText),
    fattori_di_rischio: Type.Optional(SectionText),
    fenomeni_emergenti: Type.Optional(SectionText),
    interventi: Type.Optional(SectionText),
    buone_pratiche: Type.Optional(SectionText),
    conclusioni: Type.Optional(SectionText),
  },
  { additionalProperties: false },
);
export type Narrative = Static<typeof Narrative>;

export const ReportStatus = Type.Union([
  Type.Literal('generating'),
  Type.Literal('draft'),
  Type.Literal('published'),
  Type.Literal('failed'),
]);

/** A version of a report, without its figures. */
export const SocialReportSummary = Type.Object({
  id: Uuid,
  year: Type.Integer(),
  territory: Type.String(),
  territoryName: Type.String(),
  version: Type.Integer(),
  status: ReportStatus,
  /** While generating: the steps done of all. */
  progress: Type.Union([Type.Object({ done: Type.Integer(), of: Type.Integer() }), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  requestedAt: Type.String(),
  generatedAt: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type SocialReportSummary = Static<typeof SocialReportSummary>;

export const SocialReport = Type.Intersect([
  SocialReportSummary,
  Type.Object({ figures: Type.Union([ReportFigures, Type.Null()]), narrative: Narrative }),
]);
export type SocialReport = Static<typeof SocialReport>;

export const SocialReportList = Type.Object({ items: Type.Array(SocialReportSummary) });
export type SocialReportList = Static<typeof SocialReportList>;

/** The territory of a report: the province, an Ambito (ambito-cremonese) or a comune (comune-019036). */
export const ReportParams = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  territory: OpenDataTerritory,
});
export type ReportParams = Static<typeof ReportParams>;

export const ReportListQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  territory: Type.Optional(OpenDataTerritory),
});
export type ReportListQuery = Static<typeof ReportListQuery>;

export const NarrativeBody = Type.Object({ narrative: Narrative });
export type NarrativeBody = Static<typeof NarrativeBody>;
