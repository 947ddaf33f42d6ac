import { renderPdf, type Pdf } from '../../platform/pdf.js';
import { authorize, requireActor, withExplicitScope, withScope } from '../../platform/access/access.js';
import { isOwnRecord, scopeIsEmpty, scopeOf, type Scope } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import { anonymisePerson, findHouseholdWithMembers, findPersonRecord } from '../people/index.js';
import { anonymiseHelpRequestsOf, helpRequestsOfPerson } from '../requests/index.js';
import { tasksOfHelpRequest } from '../tasks/index.js';
import * as errors from './cases.errors.js';
import * as repo from './cases.repository.js';

/*
 * GDPR for the person's data across Legami, read through each module's index.ts.
 * - Art. 15 (access): a machine-readable JSON of everything Legami holds about the person, and a
 *   readable PDF of the same. The DPO (revisore) answers for anyone; a citizen for themself.
 * - Art. 17 (erasure, where the law allows): identifying fields and free text are cleared; ids,
 *   dates, scores, amounts and the audit trail stay, so statistics and accountability survive.
 */

export interface PersonExport {
  generatedAt: string;
  legalBasis: string;
  person: Record<string, unknown>;
  household: Record<string, unknown> | null;
  helpRequests: Record<string, unknown>[];
  cases: Record<string, unknown>[];
}

/** Who may export: the DPO anywhere in their scope, or the person themself (own record only). */
function exportScope(ctx: Context, personId: string): Scope {
  const actor = requireActor(ctx);
  const dpo = scopeOf(actor, 'privacy.export');
  if (!scopeIsEmpty(dpo)) return dpo;
  // A citizen's own data: the scope is opened for this one request and checked on the record below.
  if (isOwnRecord(actor, personId)) return { all: true };
  throw errors.exportForbidden();
}

async function collect(tx: Tx, personId: string): Promise<PersonExport | null> {
  const person = await findPersonRecord(tx, personId);
  if (!person) return null;
  const household = person.household_id ? await findHouseholdWithMembers(tx, person.household_id) : null;
  const requests = await helpRequestsOfPerson(tx, personId);
  const helpRequests = [];
  for (const r of requests) {
    const tasks = await tasksOfHelpRequest(tx, r.id);
    helpRequests.push({
      id: r.id,
      createdAt: r.created_at,
      channel: r.channel,
      interventionType: r.intervention_type_name,
      status: r.status,
      urgency: r.urgency,
      description: r.description,
      notes: r.notes,
      organization: r.organization_name,
      asBeneficiary: r.beneficiary_id === personId,
      tasks: tasks.map((t) => ({
        id: t.id,
        dueDate: t.due_date,
        status: t.status,
        organization: t.organization_name,
        outcomeNotes: t.outcome_notes,
        moneyAdvancedCents: t.money_advanced_cents,
      })),
    });
  }
  const caseRows = await repo.casesOfPerson(tx, personId);
  const ids = caseRows.map((c) => c.id);
  const [assessments, plans, discharges, documents] = await Promise.all([
    repo.listAssessments(tx, ids),
    repo.listPlans(tx, ids),
    repo.dischargesOf(tx, ids),
    repo.documentsOf(tx, ids),
  ]);
  const planIds = plans.map((p) => p.id);
  const [parts, budgets, steps] = await Promise.all([
    repo.planParts(tx, planIds),
    repo.budgetsOfPlans(tx, planIds),
    repo.stepsOf(
      tx,
      discharges.map((d) => d.id),
    ),
  ]);
  const expenses = await repo.expensesOf(
    tx,
    budgets.map((b) => b.id),
  );
  const cases = [];
  for (const c of caseRows) {
    const entries = await repo.listEntries(tx, c.id);
    cases.push({
      id: c.id,
      area: c.area,
      source: c.source,
      reason: c.reason,
      status: c.status,
      outcome: c.outcome,
      openedOn: c.opened_on,
      closedOn: c.closed_on,
      comune: c.comune_name,
      team: c.team_name,
      timeline: entries.map((e) => ({
        at: e.at,
        kind: e.kind,
        summary: e.summary,
        body: e.body,
        author: e.author_name,
      })),
      assessments: assessments
        .filter((a) => a.case_id === c.id)
        .map((a) => ({
          assessedOn: a.assessed_on,
          answers: a.answers,
          scores: a.scores,
          adl: a.adl,
          iadl: a.iadl,
          sina: a.sina,
        })),
      plans: plans
        .filter((p) => p.case_id === c.id)
        .map((p) => {
          const budget = budgets.find((b) => b.plan_id === p.id);
          return {
            title: p.title,
            kind: p.kind,
            state: p.state,
            signedOn: p.signed_on,
            signatureMethod: p.signature_method,
            reviewDate: p.review_date,
            goals: parts.goals
              .filter((g) => g.plan_id === p.id)
              .map((g) => ({
                description: g.description,
                indicator: g.indicator,
                deadline: g.deadline,
                outcome: g.outcome,
              })),
            commitments: parts.commitments
              .filter((x) => x.plan_id === p.id)
              .map((x) => ({ party: x.party, description: x.description })),
            interventions: parts.interventions
              .filter((x) => x.plan_id === p.id)
              .map((x) => ({ kind: x.kind, description: x.description })),
            budget: budget
              ? {
                  programme: budget.programme,
                  capCents: budget.cap_cents,
                  spentCents: budget.spent_cents,
                  expenses: expenses
                    .filter((e) => e.budget_id === budget.id)
                    .map((e) => ({
                      spentOn: e.spent_on,
                      supplier: e.supplier,
                      documentRef: e.document_ref,
                      amountCents: e.amount_cents,
                    })),
                }
              : null,
          };
        }),
      discharges: discharges
        .filter((d) => d.case_id === c.id)
        .map((d) => ({
          hospital: d.hospital,
          ward: d.ward,
          referralOn: d.referral_on,
          dischargeOn: d.discharge_on,
          status: d.status,
          steps: steps
            .filter((s) => s.discharge_id === d.id)
            .map((s) => ({ key: s.key, deadline: s.deadline, completedOn: s.completed_on })),
        })),
      documents: documents
        .filter((d) => d.case_id === c.id)
        .map((d) => ({
          id: d.id,
          title: d.title,
          mediaType: d.media_type,
          sizeBytes: d.size_bytes,
          uploadedAt: d.created_at,
        })),
    });
  }
  return {
    generatedAt: new Date().toISOString(),
    legalBasis: 'Regolamento (UE) 2016/679, art. 15 — diritto di accesso',
    person: {
      id: person.id,
      codiceFiscale: person.codice_fiscale,
      givenName: person.given_name,
      familyName: person.family_name,
      birthDate: person.birth_date,
      sex: person.sex,
      birthPlace: person.birth_place,
      comune: person.comune_name,
      address: person.address,
      neighbourhood: person.neighbourhood,
      phone: person.phone,
      email: person.email,
      fragility: {
        disability: person.disability,
        livesAlone: person.lives_alone,
        covidPositive: person.covid_positive,
        knownToSocialServices: person.known_to_social_services,
      },
      consents: { privacy: person.consent_privacy, contact: person.consent_contact },
      createdAt: person.created_at,
      updatedAt: person.updated_at,
    },
    household: household
      ? {
          address: household.household.address,
          members: household.members
            .filter((m) => m.id !== person.id)
            .map((m) => ({
              givenName: m.given_name,
              familyName: m.family_name,
              relation: m.household_relation,
            })),
        }
      : null,
    helpRequests,
    cases,
  };
}

/**
 * GDPR art. 15: everything Legami holds about a person, as JSON. Audited.
 * @throws 403 unless DPO or the person themself, 404 unknown or outside the territory.
 */
export async function exportPerson(ctx: Context, personId: string): Promise<PersonExport> {
  const scope = exportScope(ctx, personId);
  return withExplicitScope(ctx, scope, async (tx) => {
    const data = await collect(tx, personId);
    if (!data) throw errors.personNotFound();
    await writeAudit(tx, ctx, {
      action: 'person.export',
      entityType: 'person',
      entityId: personId,
      details: { cases: data.cases.length, helpRequests: data.helpRequests.length },
    });
    return data;
  });
}

/** The same export as a readable PDF (A4, Italian). */
export async function exportPersonPdf(ctx: Context, personId: string): Promise<Buffer> {
  return renderExportPdf(await exportPerson(ctx, personId));
}

export function renderExportPdf(data: PersonExport): Promise<Buffer> {
  return renderPdf({ title: 'Legami — accesso ai dati personali', margin: 50 }, (doc) =>
    drawExport(doc, data),
  );
}

function drawExport(doc: Pdf, data: PersonExport): void {
  const p = data.person;
  doc.fontSize(18).text('I tuoi dati in Legami');
  doc
    .moveDown(0.3)
    .fontSize(9)
    .fillColor('#555')
    .text(`${data.legalBasis}. Generato il ${dateInRome(new Date(data.generatedAt))}.`);
  doc.fillColor('#000').moveDown();
  const section = (title: string) => doc.moveDown(0.6).fontSize(13).text(title).moveDown(0.2).fontSize(10);
  const line = (label: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return;
    doc.text(`${label}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  };
  section('Anagrafica');
  line('Nome', `${String(p.givenName)} ${String(p.familyName)}`);
  line('Codice fiscale', p.codiceFiscale);
  line('Nato/a il', p.birthDate);
  line('Luogo di nascita', p.birthPlace);
  line('Comune', p.comune);
  line('Indirizzo', p.address);
  line('Telefono', p.phone);
  line('E-mail', p.email);
  if (data.household) {
    section('Nucleo familiare');
    line('Indirizzo', data.household.address);
    for (const m of data.household.members as {
      givenName: string;
      familyName: string;
      relation: string | null;
    }[])
      doc.text(`• ${m.givenName} ${m.familyName}${m.relation ? ` (${m.relation})` : ''}`);
  }
  section(`Richieste d'aiuto (${data.helpRequests.length})`);
  for (const r of data.helpRequests)
    doc.text(`• ${String(r.createdAt).slice(0, 10)} — ${String(r.interventionType)} (${String(r.status)})`);
  section(`Fascicoli sociali (${data.cases.length})`);
  for (const c of data.cases) {
    doc
      .moveDown(0.3)
      .fontSize(11)
      .text(`Fascicolo aperto il ${String(c.openedOn)} — ${String(c.comune)}, stato ${String(c.status)}`)
      .fontSize(10);
    line('Motivo', c.reason);
    line('Esito', c.outcome);
    for (const e of c.timeline as { at: string; summary: string }[])
      doc.text(`  ${e.at.slice(0, 10)}  ${e.summary}`);
    for (const a of c.assessments as { assessedOn: string; adl: number | null; iadl: number | null }[])
      doc.text(`  Valutazione del ${a.assessedOn}: ADL ${a.adl ?? '—'}/6, IADL ${a.iadl ?? '—'}/8`);
    for (const pl of c.plans as {
      title: string;
      state: string;
      budget: { capCents: number; spentCents: number } | null;
    }[])
      doc.text(
        `  Progetto "${pl.title}" (${pl.state})${pl.budget ? `, budget speso ${(pl.budget.spentCents / 100).toFixed(2)} € su ${(pl.budget.capCents / 100).toFixed(2)} €` : ''}`,
      );
  }
}

/**
 * GDPR art. 17: anonymises a person across Legami (registry, help requests, case files). The
 * audit trail and the figures (dates, scores, amounts, comune, sex, birth year) stay.
 * @throws 403 unless DPO, 404 unknown or outside the territory, 422 without a reason.
 */
export async function anonymisePersonEverywhere(
  ctx: Context,
  personId: string,
  reason: string,
): Promise<{ personId: string; cases: number; helpRequests: number }> {
  authorize(ctx, 'privacy.anonymise');
  if (!reason.trim()) throw errors.ruleBroken('ANONYMISE_REASON_REQUIRED', 'reason');
  return withScope(ctx, 'privacy.anonymise', async (tx) => {
    const person = await findPersonRecord(tx, personId);
    if (!person) throw errors.personNotFound();
    const cases = await repo.anonymiseCasesOf(tx, personId);
    for (const caseId of cases)
      await repo.insertEntry(tx, {
        caseId,
        comuneCode: person.comune_code,
        kind: 'anonymised',
        summary: 'Dati personali anonimizzati (art. 17 GDPR)',
        authorUserId: ctx.actor!.userId,
      });
    const helpRequests = await anonymiseHelpRequestsOf(tx, personId);
    await anonymisePerson(tx, personId);
    await writeAudit(tx, ctx, {
      action: 'person.anonymise',
      entityType: 'person',
      entityId: personId,
      comune: person.comune_code,
      // The reason is the DPO's own text about the request, not the person's data.
      details: { cases: cases.length, helpRequests, reason: reason.trim().slice(0, 500) },
    });
    return { personId, cases: cases.length, helpRequests };
  });
}
