import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { assertInScope, requireActor, withPublicScope, withScope } from '../../platform/access/access.js';
import { withPartnerScope, type Partner } from '../../platform/access/partner.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import type { SinaRecord } from '../../../../shared/src/cases/sina.js';
import type { SinbaRecord } from '../../../../shared/src/cases/sinba.js';
import type {
  ExportResult,
  FlussiQuery,
  PeriodQuery,
  RecordProblem,
  RecordsQuery,
  SiussCode,
  SiussEnte,
  SiussRecord,
  UpdateCodeBody,
  UpdateEnteBody,
  WaasEsitiBody,
  WaasFlusso,
} from '../../../../shared/src/siuss/siuss.schemas.js';
import { subsidisedOrders } from '../catalog/index.js';
import { budgetExpenseBenefits, minorAssessmentsOf } from '../cases/index.js';
import { ageOn, findPersonRecords } from '../people/index.js';
import { findComune } from '../territory/index.js';
import { supportBenefits } from '../vouchers/index.js';
import * as repo from './siuss.repository.js';
import { mayEditCodes } from './siuss.policy.js';
import {
  buildPayload,
  flowId,
  FORMAT_OF,
  type FlowTipo,
  payloadHash,
  planRecord,
  problemFor,
  stateForEsito,
  type Problem,
  type BenefitFacts,
  type CodeMapping,
  type EnteFacts,
} from './siuss.rules.js';
import { buildFlowXml, buildSinbaFlowXml, validateFlows } from './siuss.xml.js';
import {
  codeIncomplete,
  codeNotFound,
  codesNeedWholeInstallation,
  comuneNotFound,
  enteNotFound,
  periodInvalid,
  waasUnauthenticated,
} from './siuss.errors.js';

// ---- presenters --------------------------------------------------------------------------------

function presentCode(row: repo.CodeRow): SiussCode {
  return {
    benefitKind: row.benefit_kind,
    label: row.label,
    codicePrestazione: row.codice_prestazione,
    denominazione: row.denominazione,
    presenzaProvaMezzi: row.presenza_prova_mezzi,
    carattere: row.carattere,
    areaUtenza: row.area_utenza,
    note: row.note,
    updatedAt: row.updated_at,
  };
}

function presentEnte(row: repo.EnteRow): SiussEnte {
  return {
    comuneCode: row.comune_code,
    comuneName: row.comune_name,
    cfOperatore: row.cf_operatore,
    denominazione: row.denominazione,
    hasKey: row.has_key,
    keyCreatedAt: row.key_created_at,
  };
}

function presentRecord(row: repo.RecordRow): SiussRecord {
  return {
    id: row.id,
    idFlusso: row.id_flusso,
    comuneCode: row.comune_code,
    operation: row.operation,
    benefitKind: row.benefit_kind,
    sourceKind: row.source_kind,
    sourceId: row.source_id,
    benefitOn: row.benefit_on,
    state: row.state,
    channel: row.channel,
    tsFlusso: row.ts_flusso,
    sentAt: row.sent_at,
    esito:
      row.esito_code && row.esito_at
        ? {
            code: row.esito_code,
            description: row.esito_description,
            idAcquisizioneSiuss: row.id_acquisizione_siuss,
            at: row.esito_at,
          }
        : null,
    cancelsRecordId: row.cancels_record_id,
    correctsRecordId: row.corrects_record_id,
  };
}

// ---- the code mapping and the comuni's configuration -----------------------------------------

/** The mapping of Legami's kinds of benefit to INPS codes. @throws 401/403 */
export async function listCodes(ctx: Context): Promise<SiussCode[]> {
  return withScope(ctx, 'siuss.export', async (tx) => (await repo.listCodes(tx)).map(presentCode));
}

/**
 * Sets (or clears) the INPS code of a kind of benefit; later syncs correct what was sent under the
 * old code with C + I. @throws 403 for an administrator of part of the territory, 404 unknown kind
 */
export async function updateCode(ctx: Context, kind: string, body: UpdateCodeBody): Promise<SiussCode> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'siuss.manage', async (tx, scope) => {
    if (!mayEditCodes(scope)) throw codesNeedWholeInstallation();
    if ((body.codicePrestazione === null) !== (body.denominazione === null)) throw codeIncomplete();
    const row = await repo.updateCode(tx, kind, body, actor.userId);
    if (!row) throw codeNotFound();
    await writeAudit(tx, ctx, {
      action: 'siuss.code_update',
      entityType: 'siuss_code',
      entityId: kind,
      details: { codicePrestazione: body.codicePrestazione },
    });
    return presentCode(row);
  });
}

/** The comuni of the territory configured for SIUSS. @throws 401/403 */
export async function listEntes(ctx: Context): Promise<SiussEnte[]> {
  return withScope(ctx, 'siuss.manage', async (tx) => (await repo.listEntes(tx)).map(presentEnte));
}

/** Sets a comune's operator codice fiscale and name. @throws 404 outside the territory */
export async function updateEnte(ctx: Context, comune: string, body: UpdateEnteBody): Promise<SiussEnte> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'siuss.manage', async (tx, scope) => {
    assertInScope(scope, comune, 'Comune');
    if (!(await findComune(tx, comune))) throw comuneNotFound();
    await repo.upsertEnte(tx, comune, body, actor.userId);
    await writeAudit(tx, ctx, {
      action: 'siuss.ente_update',
      entityType: 'siuss_ente',
      entityId: comune,
      comune,
    });
    return presentEnte((await repo.findEnte(tx, comune))!);
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Makes a new WaaS key for a comune, replacing the old one; the key is returned once and only its
 * SHA-256 is kept. @throws 404 outside the territory or for a comune not configured
 */
export async function createEnteKey(
  ctx: Context,
  comune: string,
): Promise<{ comuneCode: string; key: string }> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'siuss.manage', async (tx, scope) => {
    assertInScope(scope, comune, 'Comune');
    const key = `waas_${randomBytes(32).toString('base64url')}`;
    if (!(await repo.setKeyHash(tx, comune, sha256(key), actor.userId))) throw enteNotFound();
    await writeAudit(tx, ctx, {
      action: 'siuss.token_create',
      entityType: 'siuss_ente',
      entityId: comune,
      comune,
    });
    return { comuneCode: comune, key };
  });
}

// ---- benefits → records --------------------------------------------------------------------------

const AREA_OF_CASE: Record<string, '1' | '2' | '3'> = {
  minors_family: '1',
  elderly: '2',
  disability: '2',
  poverty: '3',
  adults: '3',
};

type Person = Awaited<ReturnType<typeof findPersonRecords>>[number];

/** Every benefit of the period the scoped transaction reaches, with its beneficiary. */
async function benefitsOf(tx: Tx, from: string, to: string): Promise<BenefitFacts[]> {
  const [orders, expenses, support] = [
    await subsidisedOrders(tx, from, to),
    await budgetExpenseBenefits(tx, from, to),
    await supportBenefits(tx, from, to),
  ];
  const ids = [...new Set([...orders, ...expenses, ...support].map((b) => b.person_id))];
  const people = new Map((await findPersonRecords(tx, ids)).map((p) => [p.id, p]));
  const personOf = (id: string) => {
    const p: Person | undefined = people.get(id);
    return p
      ? {
          codiceFiscale: p.codice_fiscale,
          givenName: p.given_name,
          familyName: p.family_name,
          birthDate: p.birth_date,
          sex: p.sex,
          comuneCode: p.comune_code,
        }
      : null;
  };
  // Minors' benefits go in SINBA, from the minor's assessment of their case files.
  const minors = [...people.values()].filter((p) => ageOn(p.birth_date, from) < 18).map((p) => p.id);
  const assessments = await minorAssessmentsOf(tx, minors, to);
  const sinbaOf = (personId: string, on: string): SinbaRecord | null => {
    const latest = assessments.filter((a) => a.person_id === personId && a.assessed_on <= on).at(-1);
    return latest ? { attributes: latest.attributes, famiglia: latest.famiglia } : null;
  };
  const facts: BenefitFacts[] = [];
  const add = (benefit: Omit<BenefitFacts, 'person' | 'personId' | 'sinba'>, personId: string) => {
    const person = personOf(personId);
    if (person) facts.push({ ...benefit, personId, person, sinba: sinbaOf(personId, benefit.benefitOn) });
  };
  for (const o of orders)
    add(
      {
        sourceKind: 'catalog_order',
        sourceId: o.id,
        benefitKind: `catalog:${o.category_id}`,
        comuneCode: o.comune_code,
        live: ['confirmed', 'delivered', 'closed'].includes(o.status),
        benefitOn: o.start_date,
        startDate: o.start_date,
        endDate: null,
        deliveredOn: null,
        amountCents: o.value_cents,
        enteCents: o.subsidy_cents,
        userCents: o.total_cents,
        presaCarico: false,
        areaUtenza: null,
        sina: null,
      },
      o.person_id,
    );
  for (const e of expenses)
    add(
      {
        sourceKind: 'budget_expense',
        sourceId: e.id,
        benefitKind: `budget:${e.programme}`,
        comuneCode: e.comune_code,
        live: !e.reversed,
        benefitOn: e.spent_on,
        startDate: null,
        endDate: null,
        deliveredOn: e.spent_on,
        amountCents: e.amount_cents,
        enteCents: e.amount_cents,
        userCents: null,
        presaCarico: true,
        areaUtenza: AREA_OF_CASE[e.area] ?? null,
        sina: e.sina as SinaRecord | null,
      },
      e.person_id,
    );
  for (const s of support)
    add(
      {
        sourceKind: s.source_kind,
        sourceId: s.id,
        benefitKind: `programme:${s.programme_kind}`,
        comuneCode: s.comune_code,
        live: s.live,
        benefitOn: s.granted_on,
        startDate: null,
        endDate: null,
        deliveredOn: s.granted_on,
        amountCents: s.amount_cents,
        enteCents: s.amount_cents,
        userCents: null,
        presaCarico: false,
        areaUtenza: null,
        sina: null,
      },
      s.person_id,
    );
  return facts;
}

function enteFacts(row: repo.EnteRow): EnteFacts {
  return {
    comuneCode: row.comune_code,
    belfiore: row.belfiore,
    denominazione: row.denominazione,
    cfOperatore: row.cf_operatore,
  };
}

/**
 * Brings the records of the period up to date with the benefits the transaction reaches: new
 * benefits get an insertion, changed ones a cancellation and a new insertion, withdrawn ones a
 * cancellation. Returns the benefits that cannot be sent, with why. Runs in the caller's scoped
 * transaction (the demo seed's system one).
 * Invariant: one writer at a time (advisory lock), flow times strictly increasing per comune.
 */
export async function syncRecords(
  tx: Tx,
  createdBy: string | null,
  from: string,
  to: string,
): Promise<RecordProblem[]> {
  const benefits = await benefitsOf(tx, from, to);
  const mappings = new Map<string, CodeMapping>(
    (await repo.listCodes(tx)).map((c) => [
      c.benefit_kind,
      {
        benefitKind: c.benefit_kind,
        codicePrestazione: c.codice_prestazione,
        denominazione: c.denominazione,
        presenzaProvaMezzi: c.presenza_prova_mezzi,
        carattere: c.carattere,
        areaUtenza: c.area_utenza,
      },
    ]),
  );
  const entes = new Map((await repo.listEntes(tx)).map((e) => [e.comune_code, e]));
  await repo.lockRecordMaking(tx);
  const priors = await repo.latestInsertions(
    tx,
    benefits.map((b) => ({ kind: b.sourceKind, id: b.sourceId })),
  );

  const today = dateInRome();
  // Flow times increase per comune across both formats; progressives count per format and day.
  const clock = new Map<string, number>();
  const progressives = new Map<string, number>();
  const nextSlot = async (ente: repo.EnteRow, tipo: FlowTipo) => {
    const last = clock.get(ente.comune_code) ?? (await repo.lastFlowMs(tx, ente.comune_code));
    const ms = Math.max(Date.now(), last + 1);
    clock.set(ente.comune_code, ms);
    const prefix = flowId(ente.belfiore, tipo, today, 0).slice(0, -7);
    const progressive = (progressives.get(prefix) ?? (await repo.countFlowIds(tx, prefix))) + 1;
    progressives.set(prefix, progressive);
    return { tsMs: ms, idFlusso: flowId(ente.belfiore, tipo, today, progressive) };
  };

  const problems: RecordProblem[] = [];
  for (const benefit of benefits) {
    const enteRow = entes.get(benefit.comuneCode) ?? null;
    const built = buildPayload(
      benefit,
      mappings.get(benefit.benefitKind) ?? null,
      enteRow && enteFacts(enteRow),
    );
    const report = (p: Problem) =>
      problems.push({
        sourceKind: benefit.sourceKind,
        sourceId: benefit.sourceId,
        benefitKind: benefit.benefitKind,
        comuneCode: benefit.comuneCode,
        code: p.code,
        message: p.message,
      });
    if ('problems' in built && benefit.live) built.problems.forEach(report);
    const content =
      'content' in built ? { content: built.content, hash: payloadHash(built.content.payload) } : null;
    const prior = priors.get(`${benefit.sourceKind}:${benefit.sourceId}`) ?? null;
    const actions = planRecord(
      content?.hash ?? null,
      benefit.live,
      prior && {
        id: prior.id,
        state: prior.state,
        payloadHash: prior.payload_hash,
        cancelled: prior.cancelled_by_record_id !== null,
      },
    );
    if (actions.length === 0 || !enteRow) continue;
    const common = {
      comuneCode: benefit.comuneCode,
      sourceKind: benefit.sourceKind,
      sourceId: benefit.sourceId,
      benefitKind: benefit.benefitKind,
      createdBy,
    };
    // SINBA has no cancellation: a corrected SINBA record is superseded by the new insertion (named
    // before it is written), and one whose benefit no longer stands is reported, not cancelled.
    let successor: string | undefined;
    for (const action of actions) {
      if (action.kind === 'withdraw') await repo.markWithdrawn(tx, action.record);
      else if (action.kind === 'cancel' && prior?.tipo === 'SINBA') {
        if (actions.some((a) => a.kind === 'insert')) {
          successor = randomUUID();
          await repo.markCancelled(tx, prior.id, successor);
        } else report(problemFor('SINBA_CANNOT_CANCEL'));
      } else if (action.kind === 'cancel' && prior) {
        const id = await repo.insertRecord(tx, {
          ...common,
          ...(await nextSlot(enteRow, 'PS_PSA_SINA')),
          benefitOn: prior.benefit_on,
          operation: 'C',
          cancelsRecordId: prior.id,
          correctsRecordId: null,
          content: repo.contentOf(prior),
          payloadHash: prior.payload_hash,
        });
        await repo.markCancelled(tx, prior.id, id);
      } else if (action.kind === 'insert' && content) {
        await repo.insertRecord(tx, {
          ...common,
          ...(await nextSlot(enteRow, content.content.tipo)),
          id: successor,
          benefitOn: benefit.benefitOn,
          operation: 'I',
          cancelsRecordId: null,
          correctsRecordId: action.corrects,
          content: content.content,
          payloadHash: content.hash,
        });
      }
    }
  }
  return problems;
}

// ---- the bulk file and the operator's view ------------------------------------------------------

/** The XML of one flow holding records of one comune and one format. */
function flowXml(name: string, ente: repo.EnteRow, rows: readonly repo.RecordRow[]): string {
  const contents = rows.map((r) => ({ operation: r.operation, content: repo.contentOf(r) }));
  return rows[0]?.tipo === 'SINBA'
    ? buildSinbaFlowXml(
        name,
        enteFacts(ente),
        contents.flatMap((c) => (c.content.tipo === 'SINBA' ? [c.content.payload] : [])),
      )
    : buildFlowXml(
        name,
        enteFacts(ente),
        contents.flatMap((c) =>
          c.content.tipo === 'PS_PSA_SINA' ? [{ operation: c.operation, payload: c.content.payload }] : [],
        ),
      );
}

function checkPeriod(period: PeriodQuery): void {
  if (period.to < period.from || addDays(period.from, 366) < period.to) throw periodInvalid();
}

const compactNow = () =>
  new Date()
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(8, 14);

/**
 * The bulk XML files of the period, one per comune (the XSD allows one ente per file), and their
 * validation report: what could not be sent and why, and libxml2's verdict against the official
 * schema. Records go in a file only if INPS has not pulled them through WaaS; the first export
 * marks them sent (bulk), so WaaS will never send them. @throws 401/403, 422 bad period
 */
export async function exportBulk(ctx: Context, period: PeriodQuery): Promise<ExportResult> {
  const actor = requireActor(ctx);
  checkPeriod(period);
  return withScope(ctx, 'siuss.export', async (tx) => {
    const problems = await syncRecords(tx, actor.userId, period.from, period.to);
    const records = await repo.bulkRecords(tx, period.from, period.to);
    const entes = new Map((await repo.listEntes(tx)).map((e) => [e.comune_code, e]));
    // One file per comune and format: the XSDs allow one ente per file, and each format has its own.
    const groups = new Map<string, repo.RecordRow[]>();
    for (const r of records) {
      const key = `${r.comune_code}:${r.tipo}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const stamp = `${dateInRome().replaceAll('-', '')}.B${compactNow()}`;
    const files = [...groups.values()].flatMap((own) => {
      const { comune_code: comune, tipo } = own[0]!;
      const ente = entes.get(comune);
      if (!ente) return [];
      const name = `${ente.belfiore}.${FORMAT_OF[tipo]}.${stamp}`;
      return [
        {
          comuneCode: comune,
          tipo,
          fileName: `${name}.xml`,
          records: own.length,
          xml: flowXml(name, ente, own),
        },
      ];
    });
    const xsdErrors = [
      ...(await validateFlows(
        files.filter((f) => f.tipo === 'PS_PSA_SINA'),
        'PS_PSA_SINA',
      )),
      ...(await validateFlows(
        files.filter((f) => f.tipo === 'SINBA'),
        'SINBA',
      )),
    ];
    const invalidFiles = new Set(xsdErrors.map((e) => e.fileName));
    const firstTime = records.filter(
      (r) =>
        r.state === 'pending' &&
        !invalidFiles.has(
          files.find((f) => f.comuneCode === r.comune_code && f.tipo === r.tipo)?.fileName ?? '',
        ),
    );
    await repo.markSent(
      tx,
      firstTime.map((r) => r.id),
      'bulk',
    );
    const report = {
      valid: xsdErrors.length === 0,
      exported: records.length,
      firstExported: firstTime.length,
      sentThroughWaas: await repo.countSentThroughWaas(tx, period.from, period.to),
      problems,
      xsdErrors,
    };
    await writeAudit(tx, ctx, {
      action: 'siuss.export',
      entityType: 'siuss_record',
      details: {
        from: period.from,
        to: period.to,
        files: files.length,
        exported: report.exported,
        firstExported: report.firstExported,
        problems: problems.length,
        valid: report.valid,
      },
    });
    return {
      from: period.from,
      to: period.to,
      files: files.map(({ tipo: _tipo, ...file }) => file),
      report,
    };
  });
}

/** The records of the territory with their state and INPS's outcome (a refusal's reason). @throws 401/403 */
export async function listRecords(ctx: Context, query: RecordsQuery): Promise<SiussRecord[]> {
  return withScope(ctx, 'siuss.export', async (tx) => {
    const rows = await repo.listRecords(tx, query);
    await writeAudit(tx, ctx, {
      action: 'siuss.records_read',
      entityType: 'siuss_record',
      details: { count: rows.length, state: query.state ?? null },
    });
    return rows.map(presentRecord);
  });
}

// ---- INPS's WaaS client ---------------------------------------------------------------------------

export type WaasPartner = Partner & { comune: string };

/**
 * The partner a WaaS key names: one comune. The key is compared by its SHA-256 inside the
 * database (a SECURITY DEFINER function), under the public scope, so nothing else is readable.
 * @throws 401 without a key or with an unknown one
 */
export async function authenticateWaas(
  ctx: Context,
  authorization: string | undefined,
): Promise<WaasPartner> {
  const key = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization ?? '')?.[1];
  if (!key) throw waasUnauthenticated();
  const comune = await withPublicScope(ctx, (tx) => repo.comuneForKeyHash(tx, sha256(key)));
  if (!comune) throw waasUnauthenticated();
  return { kind: 'inps_waas', label: `INPS WaaS · ${comune}`, comuni: new Set([comune]), comune };
}

// WaaS syncs this far back: INPS's cycles are yearly; last year's late corrections still go.
const waasPeriodStart = (today: string) => `${Number(today.slice(0, 4)) - 1}-01-01`;

/**
 * GET /flussi: the comune's flows newer than `since`, oldest first, each delivered once (then
 * marked sent; a later call with an older `since` does not return it again). Brings the records
 * up to date first, so INPS always pulls what Legami knows.
 */
export async function pullFlows(
  ctx: Context,
  partner: WaasPartner,
  query: FlussiQuery,
): Promise<{ elenco_flussi: WaasFlusso[] }> {
  return withPartnerScope(ctx, partner, async (tx, partnerCtx) => {
    const today = dateInRome();
    await syncRecords(tx, null, waasPeriodStart(today), today);
    const ente = await repo.findEnte(tx, partner.comune);
    if (!ente || query.limit === 0) return { elenco_flussi: [] };
    const rows = await repo.pendingSince(tx, partner.comune, query.since, query.limit);
    const flows = rows.map((r) => ({ row: r, xml: flowXml(r.id_flusso, ente, [r]) }));
    const filesOf = (tipo: FlowTipo) =>
      flows
        .filter((f) => f.row.tipo === tipo)
        .map((f) => ({ fileName: `${f.row.id_flusso}.xml`, xml: f.xml }));
    const errors = [
      ...(await validateFlows(filesOf('PS_PSA_SINA'), 'PS_PSA_SINA')),
      ...(await validateFlows(filesOf('SINBA'), 'SINBA')),
    ];
    // A flow the schema refuses stays pending, and so do the ones after it: the order INPS reads holds.
    const firstBad = flows.findIndex((f) => errors.some((e) => e.fileName === `${f.row.id_flusso}.xml`));
    const delivered = firstBad === -1 ? flows : flows.slice(0, firstBad);
    await repo.markSent(
      tx,
      delivered.map((f) => f.row.id),
      'waas',
    );
    await writeAudit(tx, partnerCtx, {
      action: 'siuss.flows_sent',
      entityType: 'siuss_record',
      comune: partner.comune,
      details: { since: query.since, delivered: delivered.length, held: flows.length - delivered.length },
    });
    return {
      elenco_flussi: delivered.map((f) => ({
        codice_ente: ente.belfiore,
        denominazione_ente: ente.denominazione,
        id_flusso: f.row.id_flusso,
        tipo: f.row.tipo,
        ts_flusso: f.row.ts_flusso,
        flusso: Buffer.from(f.xml, 'utf8').toString('base64'),
      })),
    };
  });
}

/**
 * POST /esiti: INPS's outcome per flow. Accepted or refused with INPS's reason, once per flow (a
 * repeated notification changes nothing); flows of another comune or unknown are ignored, and
 * counted in the audit trail.
 */
export async function receiveOutcomes(
  ctx: Context,
  partner: WaasPartner,
  body: WaasEsitiBody,
): Promise<void> {
  await withPartnerScope(ctx, partner, async (tx, partnerCtx) => {
    let recorded = 0;
    const unknown: string[] = [];
    for (const esito of body.elenco_esiti) {
      const record = await repo.findByFlowId(tx, esito.id_flusso);
      if (!record || record.state === 'pending' || record.state === 'withdrawn') {
        unknown.push(esito.id_flusso);
        continue;
      }
      if (record.esito_code) continue;
      await repo.setEsito(tx, record.id, {
        state: stateForEsito(esito.codice_esito),
        code: esito.codice_esito,
        description: esito.descrizione_esito ?? null,
        idAcquisizione: esito.id_acquisizione_siuss ?? null,
      });
      recorded += 1;
    }
    await writeAudit(tx, partnerCtx, {
      action: 'siuss.esiti',
      entityType: 'siuss_record',
      comune: partner.comune,
      details: { received: body.elenco_esiti.length, recorded, unknown: unknown.slice(0, 100) },
    });
  });
}

/** GET /status: the service answers and its database too (nothing about any comune). */
export async function waasStatus(ctx: Context): Promise<{ status: number; title: string; detail: string }> {
  await ctx.database.ping();
  return { status: 200, title: 'OK', detail: 'Il servizio WaaS del Comune funziona correttamente.' };
}
