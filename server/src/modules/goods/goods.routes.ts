import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import {
  Batch,
  BatchesQuery,
  CreateDonorBody,
  CreateItemBody,
  CreatePointBody,
  DonationBody,
  Donor,
  Item,
  Point,
  ReverseBody,
  StockQuery,
  StockResponse,
  TransferBody,
  WriteOffBody,
} from '../../../../shared/src/goods/goods.schemas.js';
import { sendTable, type DownloadFormat } from '../../platform/http/download.js';
import {
  GoodsReports,
  GoodsReportsExportQuery,
  GoodsReportsQuery,
} from '../../../../shared/src/goods/reports.schemas.js';
import { donationReceiptPdf } from './goods.documents.js';
import { goodsReportTable, goodsReports } from './reports.service.js';
import * as goods from './goods.service.js';

export function registerGoodsRoutes(app: App): void {
  const tags = ['goods'];
  app.get('/api/goods/items', { schema: { tags, response: { 200: Type.Array(Item) } } }, async (req) =>
    goods.listItems(req.ctx),
  );
  app.post(
    '/api/goods/items',
    { schema: { tags, body: CreateItemBody, response: { 201: Item } } },
    async (req, reply) => reply.status(201).send(await goods.createItem(req.ctx, req.body)),
  );
  app.get('/api/goods/points', { schema: { tags, response: { 200: Type.Array(Point) } } }, async (req) =>
    goods.listPoints(req.ctx),
  );
  app.post(
    '/api/goods/points',
    { schema: { tags, body: CreatePointBody, response: { 201: Point } } },
    async (req, reply) => reply.status(201).send(await goods.createPoint(req.ctx, req.body)),
  );
  app.get(
    '/api/goods/points/:id',
    { schema: { tags, params: IdParams, response: { 200: Point } } },
    async (req) => goods.getPoint(req.ctx, req.params.id),
  );
  app.get('/api/goods/donors', { schema: { tags, response: { 200: Type.Array(Donor) } } }, async (req) =>
    goods.listDonors(req.ctx),
  );
  app.post(
    '/api/goods/donors',
    { schema: { tags, body: CreateDonorBody, response: { 201: Donor } } },
    async (req, reply) => reply.status(201).send(await goods.createDonor(req.ctx, req.body)),
  );
  app.get(
    '/api/goods/donors/:id',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: Type.Object({ donor: Donor, donations: Type.Array(Batch) }) },
      },
    },
    async (req) => goods.getDonor(req.ctx, req.params.id),
  );
  app.get(
    '/api/stock',
    { schema: { tags, querystring: StockQuery, response: { 200: StockResponse } } },
    async (req) => goods.getStock(req.ctx, req.query),
  );
  app.get(
    '/api/stock/batches',
    { schema: { tags, querystring: BatchesQuery, response: { 200: Type.Array(Batch) } } },
    async (req) => goods.listBatches(req.ctx, req.query),
  );
  app.get(
    '/api/stock/batches/:id',
    { schema: { tags, params: IdParams, response: { 200: Batch } } },
    async (req) => goods.getBatch(req.ctx, req.params.id),
  );
  app.get(
    '/api/stock/batches/:id/receipt',
    { schema: { tags, params: IdParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const receipt = await goods.donationReceipt(req.ctx, req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="ricevuta-donazione-${receipt.batch.receiptNumber}.pdf"`,
        )
        .send(await donationReceiptPdf(receipt));
    },
  );
  app.post(
    '/api/stock/donations',
    { schema: { tags, body: DonationBody, response: { 201: Batch } } },
    async (req, reply) => reply.status(201).send(await goods.recordDonation(req.ctx, req.body)),
  );
  app.post(
    '/api/stock/transfers',
    { schema: { tags, body: TransferBody, response: { 201: Batch } } },
    async (req, reply) => reply.status(201).send(await goods.transferStock(req.ctx, req.body)),
  );
  app.post(
    '/api/stock/write-offs',
    { schema: { tags, body: WriteOffBody, response: { 201: Batch } } },
    async (req, reply) => reply.status(201).send(await goods.writeOff(req.ctx, req.body)),
  );
  app.post(
    '/api/stock/batches/:id/reverse',
    { schema: { tags, params: IdParams, body: ReverseBody, response: { 201: Batch } } },
    async (req, reply) =>
      reply.status(201).send(await goods.reverseBatch(req.ctx, req.params.id, req.body.reason)),
  );
  app.get(
    '/api/goods/reports',
    { schema: { tags, querystring: GoodsReportsQuery, response: { 200: GoodsReports } } },
    async (req) => goodsReports(req.ctx, req.query),
  );
  // Each report for Excel: CSV (`;`, BOM) or XLSX, headers in the reader's language.
  for (const format of ['csv', 'xlsx'] as const satisfies readonly DownloadFormat[]) {
    app.get(
      `/api/goods/reports/export.${format}`,
      { schema: { tags, querystring: GoodsReportsExportQuery } },
      async (req, reply) => {
        const { report, lang, ...query } = req.query;
        const locale = lang ?? 'it';
        const { table, sheetName } = await goodsReportTable(req.ctx, report, query, locale);
        return sendTable(reply, { baseName: `beni-${report}`, format, locale, sheetName, table });
      },
    );
  }
}
