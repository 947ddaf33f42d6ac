import { Type, type Static } from 'typebox';
import { IstatCode, Uuid } from '../common/common.schemas.js';

/** The goods reports (issue 12 item 9): aggregates of the actor's territory, never a person. */
export const GOODS_REPORTS = ['stock', 'parcels', 'campaigns'] as const;
export const VOUCHER_REPORTS = ['comuni', 'shops'] as const;
export const REPORT_LANGS = ['it', 'en'] as const;

export const GoodsReportsQuery = Type.Object(
  { weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 104, default: 12 })) },
  { additionalProperties: false },
);
export type GoodsReportsQuery = Static<typeof GoodsReportsQuery>;

export const GoodsReportsExportQuery = Type.Object(
  {
    report: Type.Enum(GOODS_REPORTS),
    weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 104, default: 12 })),
    lang: Type.Optional(Type.Enum(REPORT_LANGS)),
  },
  { additionalProperties: false },
);

export const StockByPoint = Type.Object({
  pointId: Uuid,
  pointName: Type.String(),
  comuneCode: IstatCode,
  comuneName: Type.String(),
  lots: Type.Integer(),
  units: Type.Integer(),
  nearExpiryLots: Type.Integer(),
});
export type StockByPoint = Static<typeof StockByPoint>;

export const ParcelsWeek = Type.Object({
  /** ISO week, `2026-W49`. */
  week: Type.String(),
  /** Its Monday. */
  weekStart: Type.String(),
  parcels: Type.Integer(),
  delivered: Type.Integer(),
  pickedUp: Type.Integer(),
});
export type ParcelsWeek = Static<typeof ParcelsWeek>;

export const CampaignCoverage = Type.Object({
  campaignId: Uuid,
  campaignName: Type.String(),
  comuneCode: IstatCode,
  comuneName: Type.String(),
  eligible: Type.Integer(),
  reached: Type.Integer(),
});
export type CampaignCoverage = Static<typeof CampaignCoverage>;

export const GoodsReports = Type.Object({
  stockByPoint: Type.Array(StockByPoint),
  parcelsByWeek: Type.Array(ParcelsWeek),
  campaignCoverage: Type.Array(CampaignCoverage),
});
export type GoodsReports = Static<typeof GoodsReports>;

export const VoucherReportsQuery = Type.Object(
  { programme: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type VoucherReportsQuery = Static<typeof VoucherReportsQuery>;

export const VoucherReportsExportQuery = Type.Object(
  {
    report: Type.Enum(VOUCHER_REPORTS),
    programme: Type.Optional(Uuid),
    lang: Type.Optional(Type.Enum(REPORT_LANGS)),
  },
  { additionalProperties: false },
);

export const VouchersByComune = Type.Object({
  comuneCode: IstatCode,
  comuneName: Type.String(),
  issued: Type.Integer(),
  issuedCents: Type.Integer(),
  /** Vouchers with at least one redemption. */
  redeemed: Type.Integer(),
  redeemedCents: Type.Integer(),
});
export type VouchersByComune = Static<typeof VouchersByComune>;

export const VouchersByShop = Type.Object({
  shopId: Uuid,
  shopName: Type.String(),
  comuneName: Type.String(),
  redemptions: Type.Integer(),
  vouchers: Type.Integer(),
  redeemedCents: Type.Integer(),
});
export type VouchersByShop = Static<typeof VouchersByShop>;

export const VoucherReports = Type.Object({
  byComune: Type.Array(VouchersByComune),
  byShop: Type.Array(VouchersByShop),
});
export type VoucherReports = Static<typeof VoucherReports>;
