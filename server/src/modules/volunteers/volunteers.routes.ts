import { PUBLIC_FORM_RATE_LIMIT, type App } from '../../platform/http/types.js';
import { RawFileBody, registerUploadRoutes } from '../../platform/http/uploads.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import {
  CreateVolunteerBody,
  IMPORT_CONTENT_TYPES,
  ReviewVolunteerBody,
  UpdateVolunteerBody,
  Volunteer,
  VolunteerImportAccepted,
  VolunteerImportQuery,
  VolunteerImportReport,
  VolunteerImportReportQuery,
  VolunteerOfferBody,
  VolunteerOfferReceipt,
  VolunteersPage,
  VolunteersQuery,
} from '../../../../shared/src/volunteers/volunteers.schemas.js';
import { importFileKindOf, unsupportedImportType } from '../../platform/imports/sheet.js';
import { IMPORT_FORMAT_DESCRIPTION } from './volunteers.import.js';
import * as volunteers from './volunteers.service.js';

const tags = ['volunteers'];
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function registerVolunteerRoutes(app: App): void {
  app.post(
    '/api/volunteers/offers',
    {
      config: { rateLimit: PUBLIC_FORM_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Offerta di disponibilità di un cittadino (modulo pubblico, senza accesso)',
        body: VolunteerOfferBody,
        response: { 201: VolunteerOfferReceipt },
      },
    },
    async (req, reply) => reply.status(201).send(await volunteers.offerToVolunteer(req.ctx, req.body)),
  );
  app.get(
    '/api/volunteers',
    { schema: { tags, querystring: VolunteersQuery, response: { 200: VolunteersPage } } },
    async (req) => volunteers.searchVolunteers(req.ctx, req.query),
  );
  app.post(
    '/api/volunteers',
    { schema: { tags, body: CreateVolunteerBody, response: { 201: Volunteer } } },
    async (req, reply) => reply.status(201).send(await volunteers.createVolunteer(req.ctx, req.body)),
  );
  app.get(
    '/api/volunteers/:id',
    { schema: { tags, params: IdParams, response: { 200: Volunteer } } },
    async (req) => volunteers.getVolunteer(req.ctx, req.params.id),
  );
  app.put(
    '/api/volunteers/:id',
    { schema: { tags, params: IdParams, body: UpdateVolunteerBody, response: { 200: Volunteer } } },
    async (req) => volunteers.updateVolunteer(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/volunteers/:id/review',
    { schema: { tags, params: IdParams, body: ReviewVolunteerBody, response: { 200: Volunteer } } },
    async (req) => volunteers.reviewVolunteer(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/volunteers/imports/:id',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: VolunteerImportReportQuery,
        response: { 200: VolunteerImportReport },
      },
    },
    async (req) => volunteers.getImport(req.ctx, req.params.id, req.query.rows),
  );

  registerUploadRoutes(
    app,
    { contentTypes: [IMPORT_CONTENT_TYPES.csv, IMPORT_CONTENT_TYPES.xlsx], bodyLimit: MAX_UPLOAD_BYTES },
    (uploads) => {
      uploads.post(
        '/api/volunteers/imports',
        {
          schema: {
            tags,
            summary:
              'Importa un elenco di volontari da CSV o Excel (.xlsx): il file è il corpo della richiesta',
            description: `Content-Type: ${IMPORT_CONTENT_TYPES.csv} oppure ${IMPORT_CONTENT_TYPES.xlsx}; al massimo 5 MB. ${IMPORT_FORMAT_DESCRIPTION} La risposta 202 dà l’id dell’importazione: l’avanzamento e il resoconto riga per riga sono in GET /api/volunteers/imports/{id}.`,
            consumes: [IMPORT_CONTENT_TYPES.csv, IMPORT_CONTENT_TYPES.xlsx],
            body: RawFileBody('Il file CSV o XLSX'),
            querystring: VolunteerImportQuery,
            response: { 202: VolunteerImportAccepted },
          },
        },
        async (req, reply) => {
          const kind = importFileKindOf(req.headers['content-type']);
          if (!kind || !Buffer.isBuffer(req.body)) throw unsupportedImportType();
          const accepted = await volunteers.startImport(req.ctx, {
            kind,
            bytes: req.body,
            organizationId: req.query.organizationId,
          });
          return reply.status(202).send(accepted);
        },
      );
    },
  );
}
