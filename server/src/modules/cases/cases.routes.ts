import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { RawFileBody, registerUploadRoutes } from '../../platform/http/uploads.js';
import { IdParams, Uuid } from '../../../../shared/src/common/common.schemas.js';
import {
  AnonymiseBody,
  Assessment,
  AssessmentBody,
  AssessmentComparison,
  Board,
  BoardQuery,
  BreakGlassBody,
  MinorAssessment,
  MinorAssessmentBody,
  MinorAssessments,
  BudgetBody,
  BudgetSources,
  CaseDetail,
  CasesPage,
  CasesQuery,
  CaseStatusBody,
  CompareQuery,
  CompleteStepBody,
  CreateCaseBody,
  DischargeBody,
  DischargeHomePlanBody,
  DocumentMeta,
  DocumentQuery,
  EntryBody,
  ExpenseBody,
  ExpenseReversalBody,
  ExportQuery,
  InterventionOptions,
  PlanBody,
  PlanTransitionBody,
  PlanUpdateBody,
  SocialTeams,
  Timeline,
} from '../../../../shared/src/cases/cases.schemas.js';
import * as cases from './cases.service.js';
import { anonymisePersonEverywhere, exportPerson, exportPersonPdf } from './cases.privacy.js';
import { todayInRome } from '../../platform/time.js';

const tags = ['cases'];
const PlanParams = Type.Object({ id: Uuid, planId: Uuid });
const StepParams = Type.Object({ id: Uuid, stepId: Uuid });
const DischargeParams = Type.Object({ id: Uuid, dischargeId: Uuid });
const DocumentParams = Type.Object({ id: Uuid, documentId: Uuid });
const ExpenseParams = Type.Object({ id: Uuid, planId: Uuid, expenseId: Uuid });
const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'];

export function registerCaseRoutes(app: App): void {
  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Fascicoli che seguo (responsabile, équipe, supervisione)',
        querystring: CasesQuery,
        response: { 200: CasesPage },
      },
    },
    async (req) => cases.listCases(req.ctx, req.query),
  );
  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Presa in carico: apre un fascicolo',
        body: CreateCaseBody,
        response: { 201: CaseDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await cases.createCase(req.ctx, req.body)),
  );
  app.get(
    '/api/cases/board',
    {
      schema: { tags, summary: "La bacheca dell'équipe", querystring: BoardQuery, response: { 200: Board } },
    },
    async (req) => cases.getBoard(req.ctx, req.query),
  );
  app.get(
    '/api/social-teams',
    { schema: { tags, summary: 'Équipe del territorio', response: { 200: SocialTeams } } },
    async (req) => cases.listSocialTeams(req.ctx),
  );
  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'Un fascicolo (lettura registrata)',
        params: IdParams,
        response: { 200: CaseDetail },
      },
    },
    async (req) => cases.getCase(req.ctx, req.params.id),
  );
  app.post(
    '/api/cases/:id/break-glass',
    {
      schema: {
        tags,
        summary: "Accesso di emergenza a un fascicolo di un'altra équipe, con il motivo",
        params: IdParams,
        body: BreakGlassBody,
        response: { 200: CaseDetail },
      },
    },
    async (req) => cases.breakGlass(req.ctx, req.params.id, req.body.reason),
  );
  app.post(
    '/api/cases/:id/status',
    { schema: { tags, params: IdParams, body: CaseStatusBody, response: { 200: CaseDetail } } },
    async (req) => cases.changeCaseStatus(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/cases/:id/timeline',
    { schema: { tags, params: IdParams, response: { 200: Timeline } } },
    async (req) => cases.getTimeline(req.ctx, req.params.id),
  );
  app.post(
    '/api/cases/:id/entries',
    {
      schema: {
        tags,
        summary: 'Nota, contatto o rettifica (mai una modifica)',
        params: IdParams,
        body: EntryBody,
        response: { 201: Timeline },
      },
    },
    async (req, reply) => reply.status(201).send(await cases.addEntry(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/cases/:id/assessments',
    { schema: { tags, params: IdParams, body: AssessmentBody, response: { 201: Assessment } } },
    async (req, reply) =>
      reply.status(201).send(await cases.recordAssessment(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/cases/:id/minor-assessments',
    {
      schema: {
        tags,
        summary: 'Valutazioni del minore per il flusso SINBA (INPS)',
        params: IdParams,
        response: { 200: MinorAssessments },
      },
    },
    async (req) => cases.listMinorAssessments(req.ctx, req.params.id),
  );
  app.post(
    '/api/cases/:id/minor-assessments',
    { schema: { tags, params: IdParams, body: MinorAssessmentBody, response: { 201: MinorAssessment } } },
    async (req, reply) =>
      reply.status(201).send(await cases.recordMinorAssessment(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/cases/:id/assessments/compare',
    {
      schema: { tags, params: IdParams, querystring: CompareQuery, response: { 200: AssessmentComparison } },
    },
    async (req) => cases.compareCaseAssessments(req.ctx, req.params.id, req.query.from, req.query.to),
  );
  app.get(
    '/api/cases/:id/intervention-options',
    {
      schema: {
        tags,
        summary:
          'A cosa può collegarsi un intervento: richieste, interventi, ordini della persona, servizi comunali',
        params: IdParams,
        response: { 200: InterventionOptions },
      },
    },
    async (req) => cases.listInterventionOptions(req.ctx, req.params.id),
  );
  app.get(
    '/api/cases/:id/budget-sources',
    {
      schema: {
        tags,
        summary: 'Le linee dei fondi da cui può attingere il budget di progetto (Fare Legami, quota PNRR)',
        params: IdParams,
        response: { 200: BudgetSources },
      },
    },
    async (req) => cases.listBudgetSources(req.ctx, req.params.id),
  );
  app.post(
    '/api/cases/:id/plans',
    { schema: { tags, params: IdParams, body: PlanBody, response: { 201: CaseDetail } } },
    async (req, reply) => reply.status(201).send(await cases.createPlan(req.ctx, req.params.id, req.body)),
  );
  app.put(
    '/api/cases/:id/plans/:planId',
    { schema: { tags, params: PlanParams, body: PlanUpdateBody, response: { 200: CaseDetail } } },
    async (req) => cases.updatePlan(req.ctx, req.params.id, req.params.planId, req.body),
  );
  app.post(
    '/api/cases/:id/plans/:planId/transition',
    { schema: { tags, params: PlanParams, body: PlanTransitionBody, response: { 200: CaseDetail } } },
    async (req) => cases.transitionPlan(req.ctx, req.params.id, req.params.planId, req.body),
  );
  app.post(
    '/api/cases/:id/plans/:planId/budget',
    { schema: { tags, params: PlanParams, body: BudgetBody, response: { 201: CaseDetail } } },
    async (req, reply) =>
      reply.status(201).send(await cases.createBudget(req.ctx, req.params.id, req.params.planId, req.body)),
  );
  app.post(
    '/api/cases/:id/plans/:planId/budget/expenses',
    {
      schema: {
        tags,
        summary: 'Spesa sul budget di progetto (il tetto non si supera)',
        params: PlanParams,
        body: ExpenseBody,
        response: { 201: CaseDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await cases.addExpense(req.ctx, req.params.id, req.params.planId, req.body)),
  );
  app.post(
    '/api/cases/:id/plans/:planId/budget/expenses/:expenseId/reversal',
    {
      schema: {
        tags,
        summary: 'Storna una spesa con una scrittura di rettifica (mai una cancellazione)',
        params: ExpenseParams,
        body: ExpenseReversalBody,
        response: { 201: CaseDetail },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await cases.reverseExpense(
            req.ctx,
            req.params.id,
            req.params.planId,
            req.params.expenseId,
            req.body,
          ),
        ),
  );
  app.post(
    '/api/cases/:id/discharges',
    {
      schema: {
        tags,
        summary: 'Dimissione protetta da una segnalazione ospedaliera',
        params: IdParams,
        body: DischargeBody,
        response: { 201: CaseDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await cases.createDischarge(req.ctx, req.params.id, req.body)),
  );
  app.put(
    '/api/cases/:id/discharges/:dischargeId/home-plan',
    {
      schema: {
        tags,
        summary: 'Il progetto domiciliare in cui termina la dimissione protetta',
        params: DischargeParams,
        body: DischargeHomePlanBody,
        response: { 200: CaseDetail },
      },
    },
    async (req) => cases.setDischargeHomePlan(req.ctx, req.params.id, req.params.dischargeId, req.body),
  );
  app.post(
    '/api/cases/:id/discharge-steps/:stepId/complete',
    { schema: { tags, params: StepParams, body: CompleteStepBody, response: { 200: CaseDetail } } },
    async (req) => cases.completeDischargeStep(req.ctx, req.params.id, req.params.stepId, req.body),
  );
  app.get(
    '/api/cases/:id/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Il file di un documento, solo attraverso le regole del fascicolo',
        params: DocumentParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
      },
    },
    async (req, reply) => {
      const doc = await cases.getDocument(req.ctx, req.params.id, req.params.documentId);
      return reply
        .header('content-type', doc.mediaType)
        .header('content-disposition', `attachment; filename="${doc.title.replace(/[^\w.-]+/g, '_')}"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(doc.content);
    },
  );

  registerUploadRoutes(
    app,
    { contentTypes: DOCUMENT_TYPES, bodyLimit: cases.MAX_DOCUMENT_BYTES + 1024 * 1024 },
    (uploads) => {
      uploads.post(
        '/api/cases/:id/documents',
        {
          schema: {
            tags,
            summary:
              'Carica un PDF o un’immagine (PNG, JPEG) nel fascicolo: il file è il corpo della richiesta',
            description: 'Il tipo si riconosce dal contenuto, non dal nome; al massimo 5 MB.',
            consumes: DOCUMENT_TYPES,
            params: IdParams,
            querystring: DocumentQuery,
            body: RawFileBody('Il PDF o l’immagine'),
            response: { 201: DocumentMeta },
          },
        },
        async (req, reply) => {
          const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          return reply
            .status(201)
            .send(await cases.uploadDocument(req.ctx, req.params.id, req.query.title, body));
        },
      );
    },
  );

  app.get(
    '/api/people/:id/export',
    {
      schema: {
        tags: ['privacy'],
        summary: 'GDPR art. 15: i dati della persona in Legami (JSON, o PDF con ?format=pdf)',
        params: IdParams,
        querystring: ExportQuery,
        response: { 200: Type.Unsafe({ type: 'object', additionalProperties: true }) },
      },
    },
    async (req, reply) => {
      const stamp = todayInRome();
      if (req.query.format === 'pdf') {
        const pdf = await exportPersonPdf(req.ctx, req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="legami-dati-${stamp}.pdf"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
      }
      const data = await exportPerson(req.ctx, req.params.id);
      return reply
        .header('content-disposition', `attachment; filename="legami-dati-${stamp}.json"`)
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );
  app.post(
    '/api/people/:id/anonymise',
    {
      schema: {
        tags: ['privacy'],
        summary: 'GDPR art. 17: anonimizza la persona (restano registro degli accessi e statistiche)',
        params: IdParams,
        body: AnonymiseBody,
        response: {
          200: Type.Object({ personId: Uuid, cases: Type.Integer(), helpRequests: Type.Integer() }),
        },
      },
    },
    async (req) => anonymisePersonEverywhere(req.ctx, req.params.id, req.body.reason),
  );
}
