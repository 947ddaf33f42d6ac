import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import {
  AccessPointList,
  AccessPointQuery,
  CatalogImportAccepted,
  CatalogImportQuery,
  CatalogImportReport,
  CatalogImportReportQuery,
  CategoryList,
  IseeDeclaration,
  IseeInput,
  IseeList,
  ManagedServicesQuery,
  OrientationNote,
  OrientationNoteInput,
  OrientationNoteList,
  ModerationBody,
  Order,
  OrderInput,
  OrderList,
  OrderListQuery,
  OrderTransitionBody,
  PayBody,
  ProviderOrganizationList,
  Service,
  ServiceInput,
  ServiceList,
  ServiceSearchPage,
  ServiceSearchQuery,
  Statement,
  StatementExportQuery,
  StatementQuery,
  TariffPreview,
  TariffPreviewInput,
  TariffRuleInput,
  TariffRuleList,
  TariffRuleView,
  UpdateServiceBody,
} from '../../../../shared/src/catalog/catalog.schemas.js';
import * as catalog from './catalog.service.js';
import * as orders from './catalog.orders.js';
import * as documents from './catalog.documents.js';
import type { OrderAction } from './catalog.orders.rules.js';
import { registerHsdsRoutes } from './catalog.hsds.routes.js';
import { RawFileBody, registerUploadRoutes } from '../../platform/http/uploads.js';
import * as imports from './catalog.imports.js';
import { IMPORT_FORMAT_DESCRIPTION } from './catalog.import.js';
import { importFileType } from './catalog.errors.js';

const tags = ['catalog'];
const ORDER_ACTIONS: OrderAction[] = ['confirm', 'decline', 'deliver', 'close', 'cancel'];
const IMPORT_TYPES = { 'text/csv': 'csv', 'application/zip': 'hsds' } as const;
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export function registerCatalogRoutes(app: App): void {
  registerHsdsRoutes(app);
  app.get('/api/catalog/categories', { schema: { tags, response: { 200: CategoryList } } }, async (req) =>
    catalog.listCategories(req.ctx),
  );
  app.get(
    '/api/services',
    { schema: { tags, querystring: ServiceSearchQuery, response: { 200: ServiceSearchPage } } },
    async (req) => catalog.searchServices(req.ctx, req.query),
  );
  app.post(
    '/api/services',
    { schema: { tags, body: ServiceInput, response: { 201: Service } } },
    async (req, reply) => reply.status(201).send(await catalog.createService(req.ctx, req.body)),
  );
  app.get(
    '/api/services/:id',
    { schema: { tags, params: IdParams, response: { 200: Service } } },
    async (req) => catalog.getService(req.ctx, req.params.id),
  );
  app.put(
    '/api/services/:id',
    { schema: { tags, params: IdParams, body: UpdateServiceBody, response: { 200: Service } } },
    async (req) => catalog.updateService(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/services/:id/moderation',
    { schema: { tags, params: IdParams, body: ModerationBody, response: { 200: Service } } },
    async (req) => catalog.moderateService(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/provider/organizations',
    { schema: { tags, response: { 200: ProviderOrganizationList } } },
    async (req) => catalog.listMyProviders(req.ctx),
  );
  app.get(
    '/api/catalog/managed-services',
    { schema: { tags, querystring: ManagedServicesQuery, response: { 200: ServiceList } } },
    async (req) => catalog.listManagedServices(req.ctx, req.query),
  );
  app.get('/api/tariff-rules', { schema: { tags, response: { 200: TariffRuleList } } }, async (req) =>
    catalog.listTariffRules(req.ctx),
  );
  app.post(
    '/api/tariff-rules',
    { schema: { tags, body: TariffRuleInput, response: { 201: TariffRuleView } } },
    async (req, reply) => reply.status(201).send(await catalog.setTariffRule(req.ctx, req.body)),
  );
  app.post(
    '/api/tariff-rules/preview',
    { schema: { tags, body: TariffPreviewInput, response: { 200: TariffPreview } } },
    async (req) => catalog.previewTariff(req.ctx, req.body),
  );
  app.get(
    '/api/people/:id/isee',
    { schema: { tags, params: IdParams, response: { 200: IseeList } } },
    async (req) => catalog.listPersonIsee(req.ctx, req.params.id),
  );
  app.post(
    '/api/people/:id/isee',
    { schema: { tags, params: IdParams, body: IseeInput, response: { 201: IseeDeclaration } } },
    async (req, reply) =>
      reply.status(201).send(await catalog.addPersonIsee(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/isee/:id/verify',
    { schema: { tags, params: IdParams, response: { 200: IseeDeclaration } } },
    async (req) => catalog.verifyIsee(req.ctx, req.params.id),
  );
  app.get(
    '/api/people/:id/orientation-notes',
    { schema: { tags, params: IdParams, response: { 200: OrientationNoteList } } },
    async (req) => catalog.listOrientationNotes(req.ctx, req.params.id),
  );
  app.post(
    '/api/people/:id/orientation-notes',
    { schema: { tags, params: IdParams, body: OrientationNoteInput, response: { 201: OrientationNote } } },
    async (req, reply) =>
      reply.status(201).send(await catalog.addOrientationNote(req.ctx, req.params.id, req.body)),
  );
  app.get('/api/me/isee', { schema: { tags, response: { 200: IseeList } } }, async (req) =>
    catalog.listMyIsee(req.ctx),
  );
  app.get(
    '/api/access-points',
    { schema: { tags, querystring: AccessPointQuery, response: { 200: AccessPointList } } },
    async (req) => catalog.listAccessPoints(req.ctx, req.query),
  );
  app.get('/api/me/access-points', { schema: { tags, response: { 200: AccessPointList } } }, async (req) =>
    catalog.listMyAccessPoints(req.ctx),
  );
  app.post(
    '/api/orders',
    {
      config: { sessionReadInTransaction: true },
      schema: {
        tags,
        body: OrderInput,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 201: Order },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const created = await orders.createOrder(req.ctx, req.body, typeof key === 'string' ? key : null);
      if (created.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(created.order);
    },
  );
  app.get(
    '/api/orders',
    { schema: { tags, querystring: OrderListQuery, response: { 200: OrderList } } },
    async (req) => orders.listOrders(req.ctx, req.query),
  );
  app.get('/api/orders/:id', { schema: { tags, params: IdParams, response: { 200: Order } } }, async (req) =>
    orders.getOrder(req.ctx, req.params.id),
  );
  for (const action of ORDER_ACTIONS) {
    app.post(
      `/api/orders/:id/${action}`,
      {
        schema: {
          tags,
          params: IdParams,
          body: Type.Optional(OrderTransitionBody),
          response: { 200: Order },
        },
      },
      async (req) => orders.transitionOrder(req.ctx, req.params.id, action, req.body ?? {}),
    );
  }
  app.post(
    '/api/orders/:id/payment',
    { schema: { tags, params: IdParams, body: Type.Optional(PayBody), response: { 200: Order } } },
    async (req) => orders.payOrder(req.ctx, req.params.id, req.body ?? {}),
  );
  app.get(
    '/api/provider/statement',
    { schema: { tags, querystring: StatementQuery, response: { 200: Statement } } },
    async (req) => orders.providerStatement(req.ctx, req.query.month),
  );
  app.get(
    '/api/provider/statement/export',
    { schema: { tags, querystring: StatementExportQuery } },
    async (req, reply) => {
      const statement = await orders.providerStatement(req.ctx, req.query.month);
      const name = `rendiconto-${req.query.month}`;
      if (req.query.format === 'xlsx') {
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await documents.statementXlsx(statement));
      }
      if (req.query.format === 'pdf') {
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(await documents.statementPdf(statement));
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(documents.statementCsv(statement));
    },
  );
  app.get(
    '/api/catalog/imports/:id',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: CatalogImportReportQuery,
        response: { 200: CatalogImportReport },
      },
    },
    async (req) => imports.getCatalogImport(req.ctx, req.params.id, req.query.rows),
  );
  registerUploadRoutes(
    app,
    { contentTypes: Object.keys(IMPORT_TYPES), bodyLimit: MAX_IMPORT_BYTES },
    (uploads) => {
      uploads.post(
        '/api/catalog/imports',
        {
          schema: {
            tags,
            summary:
              'Importa i servizi di un fornitore da CSV o da un pacchetto dati HSDS 3.0: il file è il corpo',
            description: `Content-Type: text/csv oppure application/zip; al massimo 5 MB. ${IMPORT_FORMAT_DESCRIPTION} La risposta 202 dà l’id dell’importazione: l’avanzamento e il resoconto riga per riga sono in GET /api/catalog/imports/{id}.`,
            consumes: Object.keys(IMPORT_TYPES),
            body: RawFileBody('Il file CSV o il pacchetto zip'),
            querystring: CatalogImportQuery,
            response: { 202: CatalogImportAccepted },
          },
        },
        async (req, reply) => {
          const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
          const kind = IMPORT_TYPES[type as keyof typeof IMPORT_TYPES];
          if (!kind || !Buffer.isBuffer(req.body)) throw importFileType();
          const accepted = await imports.startCatalogImport(req.ctx, {
            kind,
            bytes: req.body,
            providerId: req.query.providerId,
          });
          return reply.status(202).send(accepted);
        },
      );
    },
  );
}
