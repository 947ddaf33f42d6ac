import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { RawFileBody, registerUploadRoutes } from '../../platform/http/uploads.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import {
  Allocation,
  AllocationPreviewBody,
  AllocationSummary,
  Campaign,
  ConfirmAllocationBody,
  CreateCampaignBody,
  BankLine,
  Donation,
  MatchBankLineBody,
  RecordDonationBody,
  StatementImport,
  CreateLineBody,
  CreateSourceBody,
  FundImportReport,
  FundLine,
  FundSource,
  LineDetail,
  LinesQuery,
  MovementBody,
  MovementResult,
  ReallocateBody,
  ReversalBody,
  CreateProjectBody,
  ProjectSummary,
  ReportQuery,
  UpdateActionBody,
} from '../../../../shared/src/funds/funds.schemas.js';
import * as funds from './funds.service.js';
import * as allocations from './funds.allocations.js';
import * as projects from './funds.projects.js';
import * as donations from './funds.donations.js';
import * as imports from './funds.imports.js';
import { FUND_IMPORT_FORMAT_DESCRIPTION } from './funds.import.js';
import { importFileKindOf, unsupportedImportType } from '../../platform/imports/sheet.js';
import {
  IMPORT_CONTENT_TYPES,
  ImportAccepted,
  ImportReportQuery,
} from '../../../../shared/src/imports/imports.schemas.js';
import { receiptPdf, reportPdf, reportXlsx } from './funds.documents.js';

const tags = ['funds'];
const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const OpenLinesQuery = Type.Object(
  { open: Type.Optional(Type.Boolean({ description: 'solo le righe non ancora abbinate' })) },
  { additionalProperties: false },
);

export function registerFundsRoutes(app: App): void {
  app.get(
    '/api/funds/sources',
    { schema: { tags, response: { 200: Type.Array(FundSource) } } },
    async (req) => funds.listSources(req.ctx),
  );
  app.post(
    '/api/funds/sources',
    { schema: { tags, body: CreateSourceBody, response: { 201: FundSource } } },
    async (req, reply) => reply.status(201).send(await funds.createSource(req.ctx, req.body)),
  );
  app.get(
    '/api/funds/lines',
    { schema: { tags, querystring: LinesQuery, response: { 200: Type.Array(FundLine) } } },
    async (req) => funds.listLines(req.ctx, req.query),
  );
  app.post(
    '/api/funds/lines',
    { schema: { tags, body: CreateLineBody, response: { 201: FundLine } } },
    async (req, reply) => reply.status(201).send(await funds.createLine(req.ctx, req.body)),
  );
  app.get(
    '/api/funds/lines/:id',
    { schema: { tags, params: IdParams, response: { 200: LineDetail } } },
    async (req) => funds.getLine(req.ctx, req.params.id),
  );
  app.post(
    '/api/funds/lines/:id/movements',
    {
      config: { sessionReadInTransaction: true },
      schema: { tags, params: IdParams, body: MovementBody, response: { 201: MovementResult } },
    },
    async (req, reply) =>
      reply.status(201).send(await funds.recordMovement(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/funds/movements/:id/reversal',
    { schema: { tags, params: IdParams, body: ReversalBody, response: { 201: MovementResult } } },
    async (req, reply) =>
      reply.status(201).send(await funds.reverseMovement(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/allocations',
    { schema: { tags, response: { 200: Type.Array(AllocationSummary) } } },
    async (req) => allocations.listAllocations(req.ctx),
  );
  app.post(
    '/api/allocations/preview',
    { schema: { tags, body: AllocationPreviewBody, response: { 200: Allocation } } },
    async (req) => allocations.previewAllocation(req.ctx, req.body),
  );
  app.post(
    '/api/allocations',
    { schema: { tags, body: ConfirmAllocationBody, response: { 201: Allocation } } },
    async (req, reply) => reply.status(201).send(await allocations.confirmAllocation(req.ctx, req.body)),
  );
  app.get(
    '/api/allocations/:id',
    { schema: { tags, params: IdParams, response: { 200: Allocation } } },
    async (req) => allocations.getAllocation(req.ctx, req.params.id),
  );
  app.post(
    '/api/allocations/:id/reallocation',
    { schema: { tags, params: IdParams, body: ReallocateBody, response: { 201: Allocation } } },
    async (req, reply) =>
      reply.status(201).send(await allocations.reallocate(req.ctx, req.params.id, req.body)),
  );

  app.get('/api/campaigns', { schema: { tags, response: { 200: Type.Array(Campaign) } } }, async (req) =>
    funds.listCampaigns(req.ctx),
  );
  app.post(
    '/api/campaigns',
    { schema: { tags, body: CreateCampaignBody, response: { 201: Campaign } } },
    async (req, reply) => reply.status(201).send(await funds.createCampaign(req.ctx, req.body)),
  );
  app.get(
    '/api/campaigns/:id',
    { schema: { tags, params: IdParams, response: { 200: Campaign } } },
    async (req) => funds.getCampaign(req.ctx, req.params.id),
  );

  app.get(
    '/api/campaigns/:id/donations',
    { schema: { tags, params: IdParams, response: { 200: Type.Array(Donation) } } },
    async (req) => donations.listDonations(req.ctx, req.params.id),
  );
  app.post(
    '/api/campaigns/:id/donations',
    { schema: { tags, params: IdParams, body: RecordDonationBody, response: { 201: Donation } } },
    async (req, reply) =>
      reply.status(201).send(await donations.recordDonation(req.ctx, req.params.id, req.body)),
  );
  // The receipt at a stable URL: numbered the first time it is asked for, the same PDF afterwards.
  app.get(
    '/api/donations/:id/receipt',
    { schema: { tags, params: IdParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const receipt = await donations.issueReceipt(req.ctx, req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="ricevuta-${receipt.number}.pdf"`)
        .send(await receiptPdf(receipt));
    },
  );
  app.get(
    '/api/campaigns/:id/bank-lines',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: OpenLinesQuery,
        response: { 200: Type.Array(BankLine) },
      },
    },
    async (req) => donations.listBankLines(req.ctx, req.params.id, req.query.open ?? false),
  );
  app.post(
    '/api/bank-lines/:id/match',
    { schema: { tags, params: IdParams, body: MatchBankLineBody, response: { 200: Donation } } },
    async (req) => donations.matchBankLine(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/funds/imports/:id',
    {
      schema: {
        tags,
        summary: 'Avanzamento e resoconto riga per riga di un’importazione di voci e spese',
        params: IdParams,
        querystring: ImportReportQuery,
        response: { 200: FundImportReport },
      },
    },
    async (req) => imports.getImport(req.ctx, req.params.id, req.query.rows),
  );
  registerUploadRoutes(
    app,
    { contentTypes: [IMPORT_CONTENT_TYPES.csv, IMPORT_CONTENT_TYPES.xlsx], bodyLimit: MAX_IMPORT_BYTES },
    (uploads) => {
      uploads.post(
        '/api/projects/:id/imports',
        {
          schema: {
            tags,
            summary: 'Importa voci di budget e spese del progetto da CSV o Excel (.xlsx): il file è il corpo',
            description: `Content-Type: ${IMPORT_CONTENT_TYPES.csv} oppure ${IMPORT_CONTENT_TYPES.xlsx}; al massimo 5 MB. ${FUND_IMPORT_FORMAT_DESCRIPTION} La risposta 202 dà l’id dell’importazione: l’avanzamento e il resoconto riga per riga sono in GET /api/funds/imports/{id}.`,
            consumes: [IMPORT_CONTENT_TYPES.csv, IMPORT_CONTENT_TYPES.xlsx],
            params: IdParams,
            body: RawFileBody('Il file CSV o XLSX'),
            response: { 202: ImportAccepted },
          },
        },
        async (req, reply) => {
          const kind = importFileKindOf(req.headers['content-type']);
          if (!kind || !Buffer.isBuffer(req.body)) throw unsupportedImportType();
          return reply
            .status(202)
            .send(await imports.startImport(req.ctx, req.params.id, { kind, bytes: req.body }));
        },
      );
    },
  );
  registerUploadRoutes(app, { contentTypes: ['text/csv'], bodyLimit: MAX_STATEMENT_BYTES }, (uploads) => {
    uploads.post(
      '/api/campaigns/:id/bank-statements',
      {
        schema: {
          tags,
          summary:
            'Importa l’estratto conto della campagna (CSV della banca) e lo riconcilia con le donazioni',
          description:
            'Content-Type: text/csv; al massimo 5 MB. Si leggono gli accrediti (colonne «Data contabile» o «Data operazione», «Importo» oppure «Accrediti», «Descrizione» o «Causale»); reimportare lo stesso estratto non duplica nulla. Le righe non abbinate restano all’operatore.',
          consumes: ['text/csv'],
          params: IdParams,
          body: RawFileBody('Il file CSV dell’estratto conto'),
          response: { 200: StatementImport },
        },
      },
      async (req) => donations.importStatement(req.ctx, req.params.id, req.body),
    );
  });

  app.get('/api/projects', { schema: { tags, response: { 200: Type.Array(ProjectSummary) } } }, async (req) =>
    projects.listProjects(req.ctx),
  );
  app.post(
    '/api/projects',
    { schema: { tags, body: CreateProjectBody, response: { 201: Type.Object({ id: Type.String() }) } } },
    async (req, reply) => reply.status(201).send(await projects.createProject(req.ctx, req.body)),
  );
  app.patch(
    '/api/project-actions/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateActionBody,
        response: { 200: Type.Object({ id: Type.String() }) },
      },
    },
    async (req) => projects.updateAction(req.ctx, req.params.id, req.body),
  );
  // The progress report at a stable URL: JSON by default, ?format=pdf or ?format=xlsx to download it.
  app.get(
    '/api/projects/:id/report',
    { schema: { tags, params: IdParams, querystring: ReportQuery } },
    async (req, reply) => {
      const report = await projects.progressReport(req.ctx, req.params.id, req.query);
      const name = `stato-avanzamento-${report.asOf}`;
      if (req.query.format === 'pdf')
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(await reportPdf(report));
      if (req.query.format === 'xlsx')
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await reportXlsx(report));
      return report;
    },
  );
}
