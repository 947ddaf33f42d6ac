import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import {
  Application,
  ApplicationsQuery,
  CreateApplicationBody,
  CreateProgrammeBody,
  CreateShopBody,
  DecideBody,
  FraudSignal,
  OpenProgramme,
  OwnApplication,
  OwnApplicationBody,
  PaymentBody,
  Programme,
  Redemption,
  RedeemBody,
  Shop,
  Voucher,
} from '../../../../shared/src/vouchers/vouchers.schemas.js';
import { sendTable, type DownloadFormat } from '../../platform/http/download.js';
import {
  VoucherReports,
  VoucherReportsExportQuery,
  VoucherReportsQuery,
} from '../../../../shared/src/goods/reports.schemas.js';
import { voucherReportTable, voucherReports } from './reports.service.js';
import * as vouchers from './vouchers.service.js';

export function registerVoucherRoutes(app: App): void {
  const tags = ['vouchers'];
  app.get('/api/programmes', { schema: { tags, response: { 200: Type.Array(Programme) } } }, async (req) =>
    vouchers.listProgrammes(req.ctx),
  );
  app.post(
    '/api/programmes',
    { schema: { tags, body: CreateProgrammeBody, response: { 201: Programme } } },
    async (req, reply) => reply.status(201).send(await vouchers.createProgramme(req.ctx, req.body)),
  );
  app.get(
    '/api/programmes/open',
    { schema: { tags, response: { 200: Type.Array(OpenProgramme) } } },
    async (req) => vouchers.listOpenProgrammes(req.ctx),
  );
  app.post(
    '/api/programmes/:id/applications/mine',
    { schema: { tags, params: IdParams, body: OwnApplicationBody, response: { 201: OwnApplication } } },
    async (req, reply) =>
      reply.status(201).send(await vouchers.createOwnApplication(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/applications/mine',
    { schema: { tags, response: { 200: Type.Array(OwnApplication) } } },
    async (req) => vouchers.listOwnApplications(req.ctx),
  );
  app.get(
    '/api/programmes/:id',
    { schema: { tags, params: IdParams, response: { 200: Programme } } },
    async (req) => vouchers.getProgramme(req.ctx, req.params.id),
  );
  app.get(
    '/api/programmes/:id/applications',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: ApplicationsQuery,
        response: { 200: Type.Array(Application) },
      },
    },
    async (req) => vouchers.listApplications(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/programmes/:id/applications',
    { schema: { tags, params: IdParams, body: CreateApplicationBody, response: { 201: Application } } },
    async (req, reply) =>
      reply.status(201).send(await vouchers.createApplication(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/programmes/:id/signals',
    { schema: { tags, params: IdParams, response: { 200: Type.Array(FraudSignal) } } },
    async (req) => vouchers.listSignals(req.ctx, req.params.id),
  );
  app.get(
    '/api/applications/:id',
    { schema: { tags, params: IdParams, response: { 200: Application } } },
    async (req) => vouchers.getApplication(req.ctx, req.params.id),
  );
  app.post(
    '/api/applications/:id/decision',
    { schema: { tags, params: IdParams, body: DecideBody, response: { 200: Application } } },
    async (req) => vouchers.decideApplication(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/applications/:id/voucher',
    { schema: { tags, params: IdParams, response: { 201: Voucher } } },
    async (req, reply) => reply.status(201).send(await vouchers.issueVoucher(req.ctx, req.params.id)),
  );
  app.post(
    '/api/applications/:id/payment',
    { schema: { tags, params: IdParams, body: PaymentBody, response: { 200: Application } } },
    async (req) => vouchers.recordPayment(req.ctx, req.params.id, req.body.paymentReference),
  );
  app.get(
    '/api/vouchers/:id',
    { schema: { tags, params: IdParams, response: { 200: Voucher } } },
    async (req) => vouchers.getVoucher(req.ctx, req.params.id),
  );
  // Contract: a shop user redeems { code, amountCents } → 200 with the remaining balance, 409 once fully redeemed.
  app.post(
    '/api/vouchers/redeem',
    { schema: { tags, body: RedeemBody, response: { 200: Redemption } } },
    async (req) => vouchers.redeemVoucher(req.ctx, req.body),
  );
  app.get('/api/shops', { schema: { tags, response: { 200: Type.Array(Shop) } } }, async (req) =>
    vouchers.listShops(req.ctx),
  );
  app.get('/api/shops/me', { schema: { tags, response: { 200: Shop } } }, async (req) =>
    vouchers.myShop(req.ctx),
  );
  app.post(
    '/api/shops',
    { schema: { tags, body: CreateShopBody, response: { 201: Shop } } },
    async (req, reply) => reply.status(201).send(await vouchers.createShop(req.ctx, req.body)),
  );
  app.get(
    '/api/vouchers/reports',
    { schema: { tags, querystring: VoucherReportsQuery, response: { 200: VoucherReports } } },
    async (req) => voucherReports(req.ctx, req.query),
  );
  for (const format of ['csv', 'xlsx'] as const satisfies readonly DownloadFormat[]) {
    app.get(
      `/api/vouchers/reports/export.${format}`,
      { schema: { tags, querystring: VoucherReportsExportQuery } },
      async (req, reply) => {
        const { report, lang, ...query } = req.query;
        const locale = lang ?? 'it';
        const { table, sheetName } = await voucherReportTable(req.ctx, report, query, locale);
        return sendTable(reply, { baseName: `buoni-${report}`, format, locale, sheetName, table });
      },
    );
  }
}
