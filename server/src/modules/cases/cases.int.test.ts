import { describe, expect, it } from 'vitest';
import { LAWTON_IADL, KATZ_ADL } from '../../../../shared/src/cases/assessment.js';
import { ROLES, type Role } from '../../platform/access/roles.js';
import { queryRows, sql } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { CREMA, CREMONA, setupTestEnv, type Session } from '../../test/harness.js';
import { buildApprovedService, buildProvider } from '../../test/catalog-factories.js';
import { seedOrder } from '../catalog/index.js';
import { insertTeam } from './cases.repository.js';
import { sendCaseReminders } from './cases.service.js';
import { DISCHARGE_STEPS } from './cases.rules.js';

const env = await setupTestEnv();
const today = dateInRome();
const CREMONESE = { type: 'ambito', id: 'CREMONA' } as const;
const CREMASCO = { type: 'ambito', id: 'CREMA' } as const;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(env.database.db, query);
}

async function auditCount(entityId: string, action: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = ${entityId} AND action = ${action}`,
  );
  return row!.n;
}

interface World {
  responsible: Session;
  colleague: Session;
  supervisor: Session;
  otherTeam: Session;
  otherDistrict: Session;
  responsibleId: string;
  supervisorId: string;
  teamId: string;
}

/** Two teams in the Cremonese (A with a responsible, a colleague and a supervisor; B), one in the Cremasco. */
async function buildWorld(): Promise<World> {
  const responsible = await env.buildUser({ role: 'assistente_sociale', scope: CREMONESE });
  const colleague = await env.buildUser({ role: 'assistente_sociale', scope: CREMONESE });
  const supervisor = await env.buildUser({ role: 'assistente_sociale', scope: CREMONESE });
  const other = await env.buildUser({ role: 'assistente_sociale', scope: CREMONESE });
  const far = await env.buildUser({ role: 'assistente_sociale', scope: CREMASCO });
  const suffix = Math.random().toString(36).slice(2, 8);
  const teamId = await insertTeam(env.database.db, {
    name: `Équipe anziani ${suffix}`,
    comuneCode: CREMONA,
    members: [
      { userId: responsible.id, role: 'member' },
      { userId: colleague.id, role: 'member' },
      { userId: supervisor.id, role: 'supervisor' },
    ],
  });
  await insertTeam(env.database.db, {
    name: `Équipe minori ${suffix}`,
    comuneCode: CREMONA,
    members: [{ userId: other.id, role: 'member' }],
  });
  await insertTeam(env.database.db, {
    name: `Équipe Crema ${suffix}`,
    comuneCode: CREMA,
    members: [{ userId: far.id, role: 'member' }],
  });
  return {
    responsible: await env.login(responsible.email),
    colleague: await env.login(colleague.email),
    supervisor: await env.login(supervisor.email),
    otherTeam: await env.login(other.email),
    otherDistrict: await env.login(far.email),
    responsibleId: responsible.id,
    supervisorId: supervisor.id,
    teamId,
  };
}

const world = await buildWorld();

async function openCase(options: { personId?: string; area?: string; reason?: string } = {}) {
  const personId = options.personId ?? (await env.buildPerson({ comune: CREMONA }));
  const response = await env.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: world.responsible.headers,
    payload: {
      personId,
      area: options.area ?? 'elderly',
      source: 'self',
      reason: options.reason ?? 'Anziana sola dopo una caduta, chiede aiuto per la spesa e l’igiene',
      teamId: world.teamId,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { id: response.json<{ id: string }>().id, personId };
}

const get = (url: string, session?: Session) =>
  env.app.inject({ method: 'GET', url, headers: session?.headers ?? {} });
const post = (url: string, session: Session, payload: unknown) =>
  env.app.inject({ method: 'POST', url, headers: session.headers, payload: payload as object });

const fullAnswers = (overrides: Record<string, string> = {}, katz: Record<string, string> = {}) => ({
  assessedOn: today,
  items: {
    Mobilita: '2',
    AttivitaVitaQuotidiana: '2',
    DisturbiComportamentali: '1',
    AreaReddituale: '2',
    AreaSupporto: '3',
    FonteDerivazioneValutazione: '2',
    StrumentoValutazione: '1',
    housing_condition: 'adequate',
    barriers: 'yes',
    work: 'not_applicable',
    caregiver_load: 'heavy',
    schooling: 'adequate',
    digital: 'none',
    legal_matters: 'none',
    guardianship: 'not_needed',
    ...overrides,
  },
  scales: {
    katz_adl: {
      ...Object.fromEntries(KATZ_ADL.items.map((i) => [i.key, 'independent'])),
      bathing: 'dependent',
      ...katz,
    },
    lawton_iadl: {
      ...Object.fromEntries(LAWTON_IADL.items.map((i) => [i.key, 'a'])),
      shopping: 'c',
      laundry: 'c',
    },
  },
  notes: { health_autonomy: 'Cammina con il deambulatore' },
});

describe('who can read a case file', () => {
  it('answers 401 without a session', async () => {
    const { id } = await openCase();
    const response = await get(`/api/cases/${id}`);
    expect(response.statusCode).toBe(401);
    expect((await get('/api/cases')).statusCode).toBe(401);
  });

  it('gives the file to the responsible worker, a team colleague and the supervisor, each read audited with its ground', async () => {
    const { id, personId } = await openCase();
    for (const [session, because] of [
      [world.responsible, 'responsible'],
      [world.colleague, 'team'],
      [world.supervisor, 'supervisor'],
    ] as const) {
      const before = await auditCount(id, 'case.read');
      const response = await get(`/api/cases/${id}`, session);
      expect(response.statusCode, because).toBe(200);
      expect(response.json()).toMatchObject({
        id,
        access: because,
        person: { id: personId },
        reason: expect.stringContaining('caduta'),
      });
      expect(await auditCount(id, 'case.read')).toBe(before + 1);
      const [last] = await rows<{ actor_user_id: string; details: { because: string } }>(
        sql`SELECT actor_user_id, details FROM audit_events WHERE entity_id = ${id} AND action = 'case.read' ORDER BY id DESC LIMIT 1`,
      );
      expect(last!.actor_user_id).toBe(session.userId);
      expect(last!.details.because).toBe(because);
    }
  });

  it('refuses another team’s social worker with 403 CASE_BREAK_GLASS_REQUIRED and audits the attempt', async () => {
    const { id } = await openCase();
    const response = await get(`/api/cases/${id}`, world.otherTeam);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CASE_BREAK_GLASS_REQUIRED');
    expect(response.body).not.toContain('caduta');
    expect(await auditCount(id, 'case.access_denied')).toBe(1);
    const [reads] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = ${id} AND action = 'case.read' AND actor_user_id = ${world.otherTeam.userId}`,
    );
    expect(reads!.n).toBe(0);
  });

  it('hides a case from another district with 404, even to a social worker', async () => {
    const { id } = await openCase();
    const response = await get(`/api/cases/${id}`, world.otherDistrict);
    expect(response.statusCode).toBe(404);
    expect(
      (
        await post(`/api/cases/${id}/break-glass`, world.otherDistrict, {
          reason: 'Emergenza: ricovero notturno della persona',
        })
      ).statusCode,
    ).toBe(404);
    const [grant] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM case_access_grants WHERE case_id = ${id}`,
    );
    expect(grant!.n).toBe(0);
  });

  it('refuses every other role with 403, whatever their territory', async () => {
    const { id } = await openCase();
    for (const role of ROLES.filter(
      (r): r is Exclude<Role, 'assistente_sociale'> => r !== 'assistente_sociale',
    )) {
      const session = await env.loginAs(
        role,
        role === 'amministratore' || role === 'revisore' ? { type: 'all' } : CREMONESE,
      );
      const response = await get(`/api/cases/${id}`, session);
      expect(response.statusCode, role).toBe(403);
      expect(response.body, role).not.toContain('caduta');
      expect((await get('/api/cases', session)).statusCode, role).toBe(403);
    }
  });

  it('lists only the cases the actor follows, audited with the ids shown', async () => {
    const mine = await openCase({ area: 'poverty' });
    const mineList = await get('/api/cases?area=poverty', world.colleague);
    expect(mineList.statusCode).toBe(200);
    expect(mineList.json().items.map((c: { id: string }) => c.id)).toContain(mine.id);
    const others = await get('/api/cases', world.otherTeam);
    expect(others.statusCode).toBe(200);
    expect(others.json().items.map((c: { id: string }) => c.id)).not.toContain(mine.id);
    const [audit] = await rows<{ details: { ids: string[] } }>(
      sql`SELECT details FROM audit_events WHERE action = 'case.search' AND actor_user_id = ${world.colleague.userId} ORDER BY id DESC LIMIT 1`,
    );
    expect(audit!.details.ids).toContain(mine.id);
  });

  it('tells operators no more than “followed by social services”', async () => {
    const { personId } = await openCase();
    const operator = await env.loginAs('operatore', CREMONESE);
    const person = await get(`/api/people/${personId}`, operator);
    expect(person.statusCode).toBe(200);
    expect(person.json().fragility.knownToSocialServices).toBe(true);
    expect(person.body).not.toContain('caduta');
  });
});

describe('break the glass', () => {
  it('refuses without a reason, or with a word, and saves nothing', async () => {
    const { id } = await openCase();
    for (const reason of ['', '   ', 'urgente']) {
      const response = await post(`/api/cases/${id}/break-glass`, world.otherTeam, { reason });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({
        code: 'BREAK_GLASS_REASON_REQUIRED',
        details: { field: 'reason' },
      });
    }
    const [grants] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM case_access_grants WHERE case_id = ${id}`,
    );
    expect(grants!.n).toBe(0);
    expect((await get(`/api/cases/${id}`, world.otherTeam)).statusCode).toBe(403);
  });

  it('opens the file with a reason, tells the responsible worker and the supervisor, and shows in the audit and the timeline', async () => {
    const { id } = await openCase();
    const reason = 'Pronto soccorso: la persona è ricoverata di notte, serve il contatto della figlia';
    const response = await post(`/api/cases/${id}/break-glass`, world.otherTeam, { reason });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id, access: 'break_glass', abilities: { change: false } });
    const notifications = await rows<{ recipient_email: string; body: string }>(
      sql`SELECT recipient_email, body FROM notifications WHERE kind = 'case.break_glass' AND body LIKE ${`%${id}%`}`,
    );
    const [responsible] = await rows<{ email: string }>(
      sql`SELECT email FROM users WHERE id = ${world.responsibleId}`,
    );
    const [supervisor] = await rows<{ email: string }>(
      sql`SELECT email FROM users WHERE id = ${world.supervisorId}`,
    );
    expect(notifications.map((n) => n.recipient_email).sort()).toEqual(
      [responsible!.email, supervisor!.email].sort(),
    );
    expect(notifications[0]!.body).toContain(reason);
    expect(await auditCount(id, 'case.break_glass')).toBe(1);
    const timeline = await get(`/api/cases/${id}/timeline`, world.responsible);
    expect(
      timeline
        .json()
        .items.some((e: { kind: string; body: string }) => e.kind === 'break_glass' && e.body === reason),
    ).toBe(true);
    // Later reads go through the grant, are audited, and do not allow changes.
    const again = await get(`/api/cases/${id}`, world.otherTeam);
    expect(again.statusCode).toBe(200);
    const note = await post(`/api/cases/${id}/entries`, world.otherTeam, {
      kind: 'note',
      summary: 'Passato in PS',
    });
    expect(note.statusCode).toBe(403);
    expect(note.json().error.code).toBe('CASE_READ_ONLY');
  });

  it('is refused to a member of the team (who already has access) and to other roles', async () => {
    const { id } = await openCase();
    const reason = 'Emergenza notturna, serve il numero del caregiver';
    expect((await post(`/api/cases/${id}/break-glass`, world.colleague, { reason })).statusCode).toBe(409);
    const operator = await env.loginAs('operatore', CREMONESE);
    expect((await post(`/api/cases/${id}/break-glass`, operator, { reason })).statusCode).toBe(403);
  });
});

describe('opening a case from a help request', () => {
  it('links the request, puts it on the timeline and marks the person as followed', async () => {
    const personId = await env.buildPerson({ comune: CREMONA });
    const operator = await env.loginAs('operatore', CREMONESE);
    const request = await post('/api/requests', operator, {
      channel: 'phone',
      beneficiaryId: personId,
      interventionTypeId: 'groceries_medicines',
      description: 'Spesa settimanale, vive sola',
    });
    expect(request.statusCode, request.body).toBe(201);
    const requestId = request.json().id as string;
    const opened = await post('/api/cases', world.responsible, {
      personId,
      area: 'elderly',
      source: 'help_request',
      sourceRequestId: requestId,
      reason: 'Dalla richiesta di spesa emerge isolamento',
      teamId: world.teamId,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({
      sourceRequestId: requestId,
      status: 'open',
      responsible: { id: world.responsibleId },
    });
    const timeline = await get(`/api/cases/${opened.json().id}/timeline`, world.responsible);
    const kinds = timeline.json().items.map((i: { kind: string }) => i.kind);
    expect(kinds).toContain('opened');
    expect(kinds).toContain('help_request');
    expect(await auditCount(opened.json().id, 'case.create')).toBe(1);
  });

  it('refuses a request of someone else, a team the responsible is not in, and a person of another district', async () => {
    const personId = await env.buildPerson({ comune: CREMONA });
    const other = await env.buildPerson({ comune: CREMONA });
    const operator = await env.loginAs('operatore', CREMONESE);
    const request = await post('/api/requests', operator, {
      channel: 'phone',
      beneficiaryId: other,
      interventionTypeId: 'groceries_medicines',
    });
    const base = {
      personId,
      area: 'elderly',
      source: 'help_request',
      reason: 'Motivo della presa in carico',
      teamId: world.teamId,
    };
    const mismatch = await post('/api/cases', world.responsible, {
      ...base,
      sourceRequestId: request.json().id,
    });
    expect(mismatch.json().error.details.field).toBe('sourceRequestId');
    const wrongTeam = await post('/api/cases', world.otherTeam, { ...base, source: 'self' });
    expect(wrongTeam.json().error.code).toBe('RESPONSIBLE_NOT_IN_TEAM');
    const far = await env.buildPerson({ comune: CREMA });
    expect(
      (await post('/api/cases', world.responsible, { ...base, personId: far, source: 'self' })).statusCode,
    ).toBe(404);
    const [n] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM cases WHERE person_id IN (${personId}, ${far})`,
    );
    expect(n!.n).toBe(0);
  });
});

describe('assessments', () => {
  it('records the ADL/IADL scores and the need per domain, and compares two assessments side by side', async () => {
    const { id } = await openCase();
    const first = await post(`/api/cases/${id}/assessments`, world.responsible, fullAnswers());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      adl: 5,
      iadl: 6,
      sina: { Mobilita: '2', AreaSupporto: '3', StrumentoValutazione: '1' },
    });
    const domains = Object.fromEntries(
      first.json().domains.map((d: { key: string; need: number }) => [d.key, d.need]),
    );
    // 1 Katz + 2 Lawton points lost, Mobilita 2 (1 point); barriers 1; AreaReddituale 2 (1 point); support 3 (2) + heavy load (1); no digital skills (2).
    expect(domains).toEqual({
      health_autonomy: 4,
      housing: 1,
      income_work: 1,
      family_relations: 3,
      education: 2,
      legal: 0,
    });
    const second = await post(
      `/api/cases/${id}/assessments`,
      world.colleague,
      fullAnswers({ AreaSupporto: '2', caregiver_load: 'sustainable' }, { dressing: 'dependent' }),
    );
    expect(second.statusCode).toBe(201);
    const cmp = await get(
      `/api/cases/${id}/assessments/compare?from=${first.json().id}&to=${second.json().id}`,
      world.supervisor,
    );
    expect(cmp.statusCode).toBe(200);
    const byKey = Object.fromEntries(cmp.json().domains.map((d: { key: string }) => [d.key, d]));
    expect(byKey.family_relations).toMatchObject({ before: 3, after: 1, trend: 'improved' });
    expect(byKey.health_autonomy).toMatchObject({ before: 4, after: 5, trend: 'worsened' });
    expect(cmp.json().adl).toEqual({ before: 5, after: 4 });
  });

  it('refuses an incomplete assessment naming the field, saving nothing', async () => {
    const { id } = await openCase();
    const bad = fullAnswers();
    delete (bad.items as Record<string, string | undefined>).AreaReddituale;
    const response = await post(`/api/cases/${id}/assessments`, world.responsible, bad);
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'ASSESSMENT_INVALID',
      details: { field: 'AreaReddituale' },
    });
    expect(response.json().error.message).toContain('Area reddituale');
    const [n] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM case_assessments WHERE case_id = ${id}`,
    );
    expect(n!.n).toBe(0);
  });
});

async function planWithBudget(caseId: string, capCents?: number) {
  const plan = await post(`/api/cases/${caseId}/plans`, world.responsible, {
    kind: 'inclusion_pact',
    title: 'Patto per l’inclusione',
    reviewDate: addDays(today, 5),
    goals: [
      { description: 'Ritrovare un lavoro', indicator: 'Contratto firmato', deadline: addDays(today, 120) },
    ],
    commitments: [{ party: 'beneficiary', description: 'Frequentare il corso' }],
    interventions: [{ kind: 'municipal_service', description: 'Corso di formazione' }],
  });
  expect(plan.statusCode, plan.body).toBe(201);
  const planId = plan.json().plans[0].id as string;
  const budget = await post(`/api/cases/${caseId}/plans/${planId}/budget`, world.responsible, {
    programme: 'fare_legami',
    ...(capCents ? { capCents } : {}),
  });
  expect(budget.statusCode, budget.body).toBe(201);
  return { planId, plan: budget.json().plans[0] };
}

const expense = (amountCents: number) => ({
  spentOn: today,
  supplier: 'Cooperativa sociale Igea',
  documentRef: 'Fattura 12/2026',
  amountCents,
});

describe('the plan', () => {
  it('goes from draft to agreed only when signed, then under review and closed with each goal’s outcome', async () => {
    const { id } = await openCase();
    const { planId, plan } = await planWithBudget(id);
    const unsigned = await post(`/api/cases/${id}/plans/${planId}/transition`, world.responsible, {
      to: 'agreed',
      version: 1,
    });
    expect(unsigned.statusCode).toBe(422);
    const agreed = await post(`/api/cases/${id}/plans/${planId}/transition`, world.responsible, {
      to: 'agreed',
      signedOn: today,
      signatureMethod: 'handwritten',
      version: 1,
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json().plans[0]).toMatchObject({
      state: 'agreed',
      signedOn: today,
      signatureMethod: 'handwritten',
      reviewDue: true,
    });
    expect(agreed.json().flags.reviewDue).toBe(true);
    await post(`/api/cases/${id}/plans/${planId}/transition`, world.responsible, {
      to: 'under_review',
      version: 2,
    });
    const missing = await post(`/api/cases/${id}/plans/${planId}/transition`, world.responsible, {
      to: 'closed',
      outcomes: {},
      version: 3,
    });
    expect(missing.json().error.code).toBe('PLAN_GOAL_OUTCOME_MISSING');
    const goalId = plan.goals[0].id as string;
    const closed = await post(`/api/cases/${id}/plans/${planId}/transition`, world.responsible, {
      to: 'closed',
      outcomes: { [goalId]: 'partially_achieved' },
      version: 3,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().plans[0]).toMatchObject({
      state: 'closed',
      goals: [{ outcome: 'partially_achieved' }],
    });
  });

  it('sends a review reminder through the outbox once', async () => {
    const { id } = await openCase();
    const { planId } = await planWithBudget(id);
    await post(`/api/cases/${id}/plans/${planId}/transition`, world.responsible, {
      to: 'agreed',
      signedOn: today,
      signatureMethod: 'spid',
      version: 1,
    });
    const first = await env.database.db.transaction((tx) => sendCaseReminders(tx, today));
    expect(first.reviews).toBeGreaterThanOrEqual(1);
    await env.database.db.transaction((tx) => sendCaseReminders(tx, today));
    const sent = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'case.review_due' AND body LIKE ${`%${id}%`}`,
    );
    expect(sent[0]!.n).toBe(1);
  });
});

describe('the personal budget', () => {
  it('defaults to a €2,000 cap and refuses an expense over it with the remaining amount, saving nothing', async () => {
    const { id } = await openCase({ area: 'poverty' });
    const { planId, plan } = await planWithBudget(id);
    expect(plan.budget).toMatchObject({ capCents: 200_000, spentCents: 0, remainingCents: 200_000 });
    const ok = await post(
      `/api/cases/${id}/plans/${planId}/budget/expenses`,
      world.responsible,
      expense(150_000),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().plans[0].budget).toMatchObject({
      spentCents: 150_000,
      remainingCents: 50_000,
      nearCap: false,
    });
    const over = await post(
      `/api/cases/${id}/plans/${planId}/budget/expenses`,
      world.responsible,
      expense(50_001),
    );
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({
      code: 'BUDGET_CAP_EXCEEDED',
      details: { remainingCents: 50_000, capCents: 200_000 },
    });
    expect(over.json().error.message).toContain('€ 500,00');
    const [n] = await rows<{ n: number; sum: number }>(
      sql`SELECT count(*)::int AS n, coalesce(sum(amount_cents), 0)::int AS sum FROM case_budget_expenses e JOIN case_budgets b ON b.id = e.budget_id WHERE b.plan_id = ${planId}`,
    );
    expect(n).toEqual({ n: 1, sum: 150_000 });
    const exact = await post(
      `/api/cases/${id}/plans/${planId}/budget/expenses`,
      world.responsible,
      expense(50_000),
    );
    expect(exact.json().plans[0].budget).toMatchObject({ remainingCents: 0, nearCap: true });
  });

  it('corrects an expense with a reversal entry, never a deletion, and only once', async () => {
    const { id } = await openCase({ area: 'poverty' });
    const { planId } = await planWithBudget(id);
    const spent = await post(
      `/api/cases/${id}/plans/${planId}/budget/expenses`,
      world.responsible,
      expense(150_000),
    );
    const expenseId = spent.json().plans[0].budget.expenses[0].id as string;
    const url = `/api/cases/${id}/plans/${planId}/budget/expenses/${expenseId}/reversal`;
    const reversed = await post(url, world.responsible, { reason: 'Importo sbagliato, fattura rifatta' });
    expect(reversed.statusCode, reversed.body).toBe(201);
    const budget = reversed.json().plans[0].budget;
    expect(budget).toMatchObject({ spentCents: 0, remainingCents: 200_000 });
    expect(budget.expenses).toHaveLength(2);
    expect(budget.expenses[1]).toMatchObject({ reversesId: expenseId, amountCents: -150_000 });
    const again = await post(url, world.responsible, { reason: 'Di nuovo' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('EXPENSE_NOT_REVERSIBLE');
    const byOtherTeam = await post(url, world.otherTeam, { reason: 'Non è mio' });
    expect(byOtherTeam.statusCode).toBe(403);
    const [n] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM case_budget_expenses WHERE id = ${expenseId} OR reverses_id = ${expenseId}`,
    );
    expect(n!.n).toBe(2);
    expect(await auditCount(id, 'case.update')).toBeGreaterThanOrEqual(3);
  });

  it('takes the programme’s own cap', async () => {
    const { id } = await openCase();
    const { plan } = await planWithBudget(id, 80_000);
    expect(plan.budget.capCents).toBe(80_000);
  });

  it('never exceeds the cap under concurrent expenses', async () => {
    const { id } = await openCase({ area: 'poverty' });
    const { planId } = await planWithBudget(id);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        post(`/api/cases/${id}/plans/${planId}/budget/expenses`, world.responsible, expense(30_000)),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(6);
    expect(codes.filter((c) => c === 409)).toHaveLength(4);
    const [sum] = await rows<{ sum: number }>(
      sql`SELECT coalesce(sum(amount_cents), 0)::int AS sum FROM case_budget_expenses e JOIN case_budgets b ON b.id = e.budget_id WHERE b.plan_id = ${planId}`,
    );
    expect(sum!.sum).toBe(180_000);
  });
});

function checklist(lateDays: number) {
  return DISCHARGE_STEPS.map((s, i) => ({
    key: s.key,
    deadline: i === 0 ? addDays(today, -lateDays) : addDays(today, 3),
  }));
}

describe('protected discharge', () => {
  it('shows a late step red on the board and escalates it to the supervisor once', async () => {
    const { id } = await openCase();
    const created = await post(`/api/cases/${id}/discharges`, world.responsible, {
      hospital: 'ASST di Cremona – Ospedale Maggiore',
      ward: 'Medicina',
      referralOn: addDays(today, -5),
      dischargeOn: addDays(today, 2),
      steps: checklist(2),
    });
    expect(created.statusCode, created.body).toBe(201);
    const discharge = created.json().discharges[0];
    expect(discharge).toMatchObject({ red: true, status: 'in_progress' });
    expect(discharge.steps[0]).toMatchObject({ key: 'ward_assessment', daysLate: 2 });
    const board = await get('/api/cases/board', world.supervisor);
    expect(board.statusCode).toBe(200);
    expect(board.json().lateDischargeSteps).toContainEqual(
      expect.objectContaining({ caseId: id, daysLate: 2, label: 'Valutazione in reparto' }),
    );
    await env.database.db.transaction((tx) => sendCaseReminders(tx, today));
    await env.database.db.transaction((tx) => sendCaseReminders(tx, today));
    const [supervisor] = await rows<{ email: string }>(
      sql`SELECT email FROM users WHERE id = ${world.supervisorId}`,
    );
    const escalations = await rows<{ recipient_email: string }>(
      sql`SELECT recipient_email FROM notifications WHERE kind = 'case.discharge_late' AND body LIKE ${`%${id}%`}`,
    );
    expect(escalations.filter((n) => n.recipient_email === supervisor!.email)).toHaveLength(1);
    const [step] = await rows<{ escalated_on: string }>(
      sql`SELECT to_char(escalated_on, 'YYYY-MM-DD') AS escalated_on FROM case_discharge_steps WHERE id = ${discharge.steps[0].id}`,
    );
    expect(step!.escalated_on).toBe(today);
  });

  it('turns green when the late step is done, and completes with the last step', async () => {
    const { id } = await openCase();
    const created = await post(`/api/cases/${id}/discharges`, world.responsible, {
      hospital: 'ASST di Crema',
      referralOn: addDays(today, -3),
      dischargeOn: today,
      steps: checklist(1),
    });
    const steps = created.json().discharges[0].steps as { id: string }[];
    let last;
    for (const s of steps)
      last = await post(`/api/cases/${id}/discharge-steps/${s.id}/complete`, world.colleague, {
        completedOn: today,
      });
    expect(last!.json().discharges[0]).toMatchObject({ red: false, status: 'completed' });
  });

  it('refuses a checklist without a standard step', async () => {
    const { id } = await openCase();
    const response = await post(`/api/cases/${id}/discharges`, world.responsible, {
      hospital: 'ASST di Cremona',
      referralOn: today,
      dischargeOn: addDays(today, 3),
      steps: checklist(0).slice(1),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.field).toBe('steps.ward_assessment');
  });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const upload = (caseId: string, session: Session, body: Buffer, contentType = 'application/pdf') =>
  env.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/documents?title=${encodeURIComponent('Lettera di dimissione.pdf')}`,
    headers: { ...session.headers, 'content-type': contentType },
    payload: body,
  });

describe('documents', () => {
  it('stores a PDF and serves it only through the case’s access rules', async () => {
    const { id } = await openCase();
    const uploaded = await upload(id, world.responsible, PDF);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ mediaType: 'application/pdf', sizeBytes: PDF.length });
    const url = `/api/cases/${id}/documents/${uploaded.json().id}`;
    const read = await get(url, world.colleague);
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('application/pdf');
    expect(read.rawPayload.equals(PDF)).toBe(true);
    expect(await auditCount(uploaded.json().id, 'case_document.read')).toBe(1);
    expect((await get(url, world.otherTeam)).statusCode).toBe(403);
    expect((await get(url, world.otherDistrict)).statusCode).toBe(404);
  });

  it('recognises a file by its content, not its name or declared type', async () => {
    const { id } = await openCase();
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(32),
    ]);
    const asPdf = await upload(id, world.responsible, png, 'application/pdf');
    expect(asPdf.statusCode).toBe(201);
    expect(asPdf.json().mediaType).toBe('image/png');
    const fake = await upload(
      id,
      world.responsible,
      Buffer.from('MZ\x90\x00 this is an executable, not a PDF'),
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error).toMatchObject({ code: 'DOCUMENT_TYPE_REFUSED', details: { field: 'file' } });
    const big = await upload(id, world.responsible, Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    const empty = await upload(id, world.responsible, Buffer.alloc(0));
    expect(empty.statusCode).toBeGreaterThanOrEqual(400);
    expect(empty.statusCode).toBeLessThan(500);
    const [n] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM case_documents WHERE case_id = ${id}`,
    );
    expect(n!.n).toBe(1);
  });
});

describe('the timeline', () => {
  it('keeps every entry; a correction is a new entry pointing at the one it corrects', async () => {
    const { id } = await openCase();
    const note = await post(`/api/cases/${id}/entries`, world.responsible, {
      kind: 'contact',
      summary: 'Telefonata con la figlia',
      body: 'Disponibile il martedì',
    });
    expect(note.statusCode).toBe(201);
    const original = note.json().items.find((i: { kind: string }) => i.kind === 'contact');
    const fix = await post(`/api/cases/${id}/entries`, world.responsible, {
      kind: 'correction',
      summary: 'Rettifica: disponibile il mercoledì',
      correctsEntryId: original.id,
    });
    const items = fix.json().items;
    expect(items.find((i: { id: string }) => i.id === original.id)).toMatchObject({
      body: 'Disponibile il martedì',
      correctedBy: expect.any(String),
    });
    await expect(
      env.database.db.execute(sql`DELETE FROM case_entries WHERE id = ${original.id}`),
    ).rejects.toThrow();
    await expect(
      env.database.db.execute(sql`UPDATE case_entries SET body = 'x' WHERE id = ${original.id}`),
    ).rejects.toThrow();
  });

  it('tells the person’s catalogue orders among the rest, in time order', async () => {
    const { id, personId } = await openCase();
    const providerId = await buildProvider(env, { comuni: [CREMONA] });
    const serviceId = await buildApprovedService(env, providerId, { comuni: [CREMONA] });
    const orderId = await seedOrder(
      env.database.db,
      {
        serviceId,
        personId,
        comuneCode: CREMONA,
        quantity: 10,
        startDate: today,
        unitPriceCents: 450,
        tariff: {},
        assisted: null,
      },
      world.responsibleId,
    );
    const response = await get(`/api/cases/${id}/timeline`, world.responsible);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: { id: string; kind: string; at: string; summary: string }[] }>()
      .items;
    const order = items.find((i) => i.id === orderId);
    expect(order).toMatchObject({ kind: 'catalog_order', source: 'catalog_order' });
    expect(order!.summary).toContain('Pasti a domicilio per anziani');
    expect(order!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(items.map((i) => i.kind).slice(-1)).toEqual(['catalog_order']);
    const other = await get(`/api/cases/${id}/timeline`, world.otherDistrict);
    expect(other.statusCode).toBe(404);
  });
});

describe('GDPR', () => {
  async function richCase() {
    const personId = await env.buildPerson({
      comune: CREMONA,
      givenName: 'Ermenegilda',
      familyName: 'Zanacchi',
    });
    const { id } = await openCase({ personId, reason: 'Segnalazione della scuola per il nipote convivente' });
    await post(`/api/cases/${id}/assessments`, world.responsible, fullAnswers());
    await planWithBudget(id);
    await post(`/api/cases/${id}/entries`, world.responsible, {
      kind: 'note',
      summary: 'Colloquio a domicilio',
      body: 'La signora Zanacchi teme lo sfratto',
    });
    await upload(id, world.responsible, PDF);
    return { id, personId };
  }

  it('exports the person’s data across modules as JSON and PDF for the DPO, audited', async () => {
    const { id, personId } = await richCase();
    const dpo = await env.loginAs('revisore', { type: 'all' });
    const response = await get(`/api/people/${personId}/export`, dpo);
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json();
    expect(data.person).toMatchObject({
      id: personId,
      givenName: 'Ermenegilda',
      familyName: 'Zanacchi',
      phone: '0372 123456',
    });
    expect(data.cases).toHaveLength(1);
    expect(data.cases[0]).toMatchObject({ id, reason: 'Segnalazione della scuola per il nipote convivente' });
    expect(data.cases[0].assessments[0]).toMatchObject({ adl: 5, iadl: 6 });
    expect(data.cases[0].plans[0].budget).toMatchObject({ capCents: 200_000 });
    expect(JSON.stringify(data.cases[0].timeline)).toContain('teme lo sfratto');
    expect(await auditCount(personId, 'person.export')).toBe(1);
    const pdf = await get(`/api/people/${personId}/export?format=pdf`, dpo);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses the export to a social worker and to another citizen, and gives a citizen their own', async () => {
    const { personId } = await richCase();
    expect((await get(`/api/people/${personId}/export`, world.responsible)).statusCode).toBe(403);
    expect((await get(`/api/people/${personId}/export`, await env.loginAs('cittadino'))).statusCode).toBe(
      403,
    );
    const citizen = await env.buildUser({ role: 'cittadino', scope: { type: 'comune', id: CREMONA } });
    await env.database.db.execute(sql`UPDATE users SET person_id = ${personId} WHERE id = ${citizen.id}`);
    const own = await get(`/api/people/${personId}/export`, await env.login(citizen.email));
    expect(own.statusCode).toBe(200);
    expect(own.json().person.familyName).toBe('Zanacchi');
  });

  it('anonymises the person leaving no personal field behind, keeping the audit trail and the figures', async () => {
    const { id, personId } = await richCase();
    const operator = await env.loginAs('operatore', CREMONESE);
    const request = await post('/api/requests', operator, {
      channel: 'phone',
      beneficiaryId: personId,
      interventionTypeId: 'groceries_medicines',
      description: 'La signora Zanacchi chiede la spesa',
      requesterName: 'Nipote Zanacchi',
      requesterPhone: '333 9999999',
    });
    expect(request.statusCode, request.body).toBe(201);
    const auditBefore = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_events`);
    const dpo = await env.loginAs('revisore', { type: 'all' });
    expect(
      (await post(`/api/people/${personId}/anonymise`, world.responsible, { reason: 'Richiesta art. 17' }))
        .statusCode,
    ).toBe(403);
    const done = await post(`/api/people/${personId}/anonymise`, dpo, {
      reason: 'Richiesta art. 17 del 1° dicembre',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ cases: 1, helpRequests: 1 });

    const exported = await get(`/api/people/${personId}/export`, dpo);
    const text = exported.body;
    const [original] = await rows<{ codice_fiscale: string | null }>(
      sql`SELECT codice_fiscale FROM people WHERE id = ${personId}`,
    );
    expect(original!.codice_fiscale).toBeNull();
    for (const secret of [
      'Ermenegilda',
      'Zanacchi',
      '0372',
      'Via Roma',
      'nipote convivente',
      'sfratto',
      'deambulatore',
      '333 9999999',
      'Ritrovare un lavoro',
    ])
      expect(text, secret).not.toContain(secret);
    // Every table the person's data reached, read directly.
    const dump =
      JSON.stringify(
        await rows(
          sql`SELECT p.*, k.reason, k.outcome FROM people p JOIN cases k ON k.person_id = p.id WHERE p.id = ${personId}`,
        ),
      ) +
      JSON.stringify(await rows(sql`SELECT * FROM case_entries WHERE case_id = ${id}`)) +
      JSON.stringify(await rows(sql`SELECT answers FROM case_assessments WHERE case_id = ${id}`)) +
      JSON.stringify(await rows(sql`SELECT * FROM help_requests WHERE beneficiary_id = ${personId}`)) +
      JSON.stringify(await rows(sql`SELECT title, content FROM case_documents WHERE case_id = ${id}`));
    for (const secret of [
      'Ermenegilda',
      'Zanacchi',
      '0372',
      'Via Roma',
      'nipote convivente',
      'sfratto',
      'deambulatore',
      '333 9999999',
      '%PDF',
    ])
      expect(dump, secret).not.toContain(secret);
    // What statistics need stays: the case, its area and dates, the scores, the amounts; and the audit only grows.
    const [kept] = await rows<{ area: string; adl: number; sex: string; comune_code: string }>(
      sql`SELECT k.area, a.adl, p.sex, p.comune_code FROM cases k JOIN case_assessments a ON a.case_id = k.id JOIN people p ON p.id = k.person_id WHERE k.id = ${id}`,
    );
    expect(kept).toMatchObject({ area: 'elderly', adl: 5, sex: 'F', comune_code: CREMONA });
    const auditAfter = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_events`);
    expect(auditAfter[0]!.n).toBeGreaterThan(auditBefore[0]!.n);
    expect(await auditCount(personId, 'person.anonymise')).toBe(1);
    expect(await auditCount(id, 'case.create')).toBe(1);
  });
});

describe('the team’s board', () => {
  it('lists my cases, new referrals and budgets close to their cap, filtered by area and comune', async () => {
    const { id } = await openCase({ area: 'disability' });
    const { planId } = await planWithBudget(id);
    await post(`/api/cases/${id}/plans/${planId}/budget/expenses`, world.responsible, expense(170_000));
    const board = await get('/api/cases/board?area=disability', world.responsible);
    expect(board.statusCode).toBe(200);
    const b = board.json();
    expect(b.myCases.map((c: { id: string }) => c.id)).toContain(id);
    expect(b.newReferrals.map((c: { id: string }) => c.id)).toContain(id);
    expect(b.budgetsNearCap).toContainEqual(expect.objectContaining({ caseId: id, remainingCents: 30_000 }));
    expect(b.myCases.every((c: { area: string }) => c.area === 'disability')).toBe(true);
    const crema = await get(`/api/cases/board?comune=${CREMA}`, world.responsible);
    expect(crema.json().myCases).toEqual([]);
    const colleague = await get('/api/cases/board?area=disability', world.colleague);
    expect(colleague.json().myCases.map((c: { id: string }) => c.id)).not.toContain(id);
    expect(colleague.json().newReferrals.map((c: { id: string }) => c.id)).toContain(id);
  });
});

describe('a personal budget on the funds ledger', () => {
  it('draws from a comune’s share, books expenses on the ledger and stops when the share is spent', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const share = await post('/api/funds/lines', admin, {
      label: `Quota PNRR domiciliarità ${Math.random().toString(36).slice(2, 6)}`,
      sourceType: 'contribution',
      comuneCode: CREMONA,
      budgetCents: 250_000,
    });
    expect(share.statusCode, share.body).toBe(201);
    const shareId = share.json().id as string;
    const { id } = await openCase();
    const plan = await post(`/api/cases/${id}/plans`, world.responsible, {
      kind: 'home_care',
      title: 'Assistenza domiciliare',
      goals: [{ description: 'Restare a casa', indicator: 'Nessun ricovero', deadline: addDays(today, 90) }],
      commitments: [],
      interventions: [],
    });
    const planId = plan.json().plans[0].id as string;
    const budget = await post(`/api/cases/${id}/plans/${planId}/budget`, world.responsible, {
      programme: 'pnrr_home_care',
      capCents: 200_000,
      sourceLineId: shareId,
    });
    expect(budget.statusCode, budget.body).toBe(201);
    const fundsLineId = budget.json().plans[0].budget.fundsLineId as string;
    expect(fundsLineId).toEqual(expect.any(String));
    const spent = await post(
      `/api/cases/${id}/plans/${planId}/budget/expenses`,
      world.responsible,
      expense(120_000),
    );
    expect(spent.statusCode, spent.body).toBe(201);
    const over = await post(
      `/api/cases/${id}/plans/${planId}/budget/expenses`,
      world.responsible,
      expense(80_001),
    );
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({
      code: 'BUDGET_CAP_EXCEEDED',
      details: { remainingCents: 80_000 },
    });
    const [movements] = await rows<{ n: number; sum: number }>(
      sql`SELECT count(*)::int AS n, coalesce(sum(amount_cents), 0)::int AS sum FROM fund_movements WHERE line_id = ${fundsLineId} AND kind = 'expense'`,
    );
    expect(movements).toEqual({ n: 1, sum: 120_000 });
    // The share has €500 left: a second €2,000 budget is refused and nothing is opened.
    const other = await openCase();
    const plan2 = await post(`/api/cases/${other.id}/plans`, world.responsible, {
      kind: 'home_care',
      title: 'Assistenza domiciliare',
      goals: [{ description: 'Restare a casa', indicator: 'Nessun ricovero', deadline: addDays(today, 90) }],
      commitments: [],
      interventions: [],
    });
    const refused = await post(
      `/api/cases/${other.id}/plans/${plan2.json().plans[0].id}/budget`,
      world.responsible,
      {
        programme: 'pnrr_home_care',
        capCents: 200_000,
        sourceLineId: shareId,
      },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('BUDGET_LINE_OVERSPENT');
    const [n] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM case_budgets WHERE case_id = ${other.id}`,
    );
    expect(n!.n).toBe(0);
  });
});

describe('the source of a personal budget', () => {
  const homeCarePlan = async (caseId: string) => {
    const plan = await post(`/api/cases/${caseId}/plans`, world.responsible, {
      kind: 'home_care',
      title: 'Assistenza domiciliare',
      goals: [{ description: 'Restare a casa', indicator: 'Nessun ricovero', deadline: addDays(today, 90) }],
      commitments: [],
      interventions: [],
    });
    return plan.json().plans[0].id as string;
  };

  it('offers the comune’s shares and the inclusion-pact lines with what is left, and refuses any other line', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const label = `Quota PNRR domiciliarità ${Math.random().toString(36).slice(2, 6)}`;
    const share = await post('/api/funds/lines', admin, {
      label,
      sourceType: 'contribution',
      comuneCode: CREMONA,
      budgetCents: 300_000,
    });
    expect(share.statusCode, share.body).toBe(201);
    const shareId = share.json().id as string;
    const { id } = await openCase();
    const sources = await get(`/api/cases/${id}/budget-sources`, world.responsible);
    expect(sources.statusCode, sources.body).toBe(200);
    const items = sources.json().items as { id: string; programme: string; availableCents: number }[];
    expect(items).toContainEqual({
      id: shareId,
      label,
      programme: 'pnrr_home_care',
      availableCents: 300_000,
    });
    expect(await auditCount(id, 'case.read')).toBeGreaterThan(0);
    // Not readable by another team's social worker, nor by an operator.
    expect((await get(`/api/cases/${id}/budget-sources`, world.otherTeam)).statusCode).toBe(403);

    const planId = await homeCarePlan(id);
    const url = `/api/cases/${id}/plans/${planId}/budget`;
    const missing = await post(url, world.responsible, { programme: 'pnrr_home_care' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({
      code: 'BUDGET_SOURCE_REQUIRED',
      details: { field: 'sourceLineId' },
    });
    // A Crema share is not a line of this case's comune: refused as any unknown line.
    const crema = await post('/api/funds/lines', admin, {
      label: `Quota PNRR Crema ${Math.random().toString(36).slice(2, 6)}`,
      sourceType: 'contribution',
      comuneCode: CREMA,
      budgetCents: 300_000,
    });
    for (const sourceLineId of [crema.json().id as string, '00000000-0000-4000-8000-000000000001']) {
      const wrong = await post(url, world.responsible, { programme: 'pnrr_home_care', sourceLineId });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().error.code).toBe('BUDGET_SOURCE_INVALID');
    }
    // A share is not an inclusion pact's line.
    const mismatched = await post(url, world.responsible, {
      programme: 'fare_legami',
      sourceLineId: shareId,
    });
    expect(mismatched.json().error.code).toBe('BUDGET_SOURCE_INVALID');
    const [none] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM case_budgets WHERE case_id = ${id}`,
    );
    expect(none!.n).toBe(0);

    const opened = await post(url, world.responsible, { programme: 'pnrr_home_care', sourceLineId: shareId });
    expect(opened.statusCode, opened.body).toBe(201);
    const after = await get(`/api/cases/${id}/budget-sources`, world.responsible);
    expect(after.json().items).toContainEqual(
      expect.objectContaining({ id: shareId, availableCents: 100_000 }),
    );
  });
});

describe('a plan’s interventions', () => {
  it('link to the person’s requests and orders and the comune’s municipal services, never someone else’s', async () => {
    const { id, personId } = await openCase();
    const operator = await env.loginAs('operatore', CREMONESE);
    const request = await post('/api/requests', operator, {
      channel: 'phone',
      beneficiaryId: personId,
      interventionTypeId: 'groceries_medicines',
      description: 'Spesa settimanale',
    });
    const requestId = request.json().id as string;
    const stranger = await env.buildPerson({ comune: CREMONA });
    const foreign = await post('/api/requests', operator, {
      channel: 'phone',
      beneficiaryId: stranger,
      interventionTypeId: 'groceries_medicines',
      description: 'Spesa settimanale',
    });
    const providerId = await buildProvider(env, { comuni: [CREMONA] });
    const serviceId = await buildApprovedService(env, providerId, {
      comuni: [CREMONA],
      isMunicipal: true,
      name: 'Servizio di assistenza domiciliare comunale',
    });
    const options = await get(`/api/cases/${id}/intervention-options`, world.responsible);
    expect(options.statusCode, options.body).toBe(200);
    const o = options.json();
    expect(o.help_request.map((c: { id: string }) => c.id)).toEqual([requestId]);
    expect(o.municipal_service.map((c: { id: string }) => c.id)).toContain(serviceId);
    expect(o.catalog_order).toEqual([]);
    expect(await auditCount(id, 'case.read')).toBeGreaterThan(0);
    expect((await get(`/api/cases/${id}/intervention-options`, world.otherTeam)).statusCode).toBe(403);

    const plan = {
      kind: 'personalised',
      title: 'Progetto di domiciliarità',
      reviewDate: addDays(today, 30),
      goals: [{ description: 'Restare a casa', indicator: 'Nessun ricovero', deadline: addDays(today, 90) }],
      commitments: [{ party: 'services', description: 'Attivare il SAD' }],
      interventions: [
        { kind: 'help_request', referenceId: requestId, description: 'Spesa a domicilio' },
        { kind: 'municipal_service', referenceId: serviceId, description: 'SAD' },
      ],
    };
    const created = await post(`/api/cases/${id}/plans`, world.responsible, plan);
    expect(created.statusCode, created.body).toBe(201);
    const saved = created.json().plans[0];
    expect(saved.interventions).toMatchObject([
      { kind: 'help_request', referenceId: requestId },
      { kind: 'municipal_service', referenceId: serviceId },
    ]);
    // Someone else's request, or a request id given as a municipal service: refused, nothing changed.
    for (const [i, intervention] of [
      { kind: 'help_request', referenceId: foreign.json().id, description: 'Spesa' },
      { kind: 'municipal_service', referenceId: requestId, description: 'SAD' },
      { kind: 'task', referenceId: requestId, description: 'Consegna' },
    ].entries()) {
      const refused = await env.app.inject({
        method: 'PUT',
        url: `/api/cases/${id}/plans/${saved.id}`,
        headers: world.responsible.headers,
        payload: { ...plan, interventions: [intervention], version: saved.version },
      });
      expect(refused.statusCode, `${i}: ${refused.body}`).toBe(422);
      expect(refused.json().error.details.field).toBe('interventions.0.referenceId');
    }
    // The draft is edited: a new goal, a changed review date, one intervention fewer.
    const edited = await env.app.inject({
      method: 'PUT',
      url: `/api/cases/${id}/plans/${saved.id}`,
      headers: world.responsible.headers,
      payload: {
        ...plan,
        reviewDate: addDays(today, 20),
        goals: [
          ...plan.goals,
          { description: 'Uscire una volta a settimana', indicator: 'Uscite', deadline: addDays(today, 60) },
        ],
        interventions: [plan.interventions[1]],
        version: saved.version,
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().plans[0]).toMatchObject({
      reviewDate: addDays(today, 20),
      goals: [{ description: 'Restare a casa' }, { description: 'Uscire una volta a settimana' }],
      interventions: [{ kind: 'municipal_service', referenceId: serviceId }],
      version: saved.version + 1,
    });
  });
});

describe('the home plan a discharge ends in', () => {
  it('is a plan of the same case, recorded on the timeline', async () => {
    const { id } = await openCase();
    const created = await post(`/api/cases/${id}/discharges`, world.responsible, {
      hospital: 'ASST di Cremona',
      referralOn: addDays(today, -3),
      dischargeOn: today,
      steps: checklist(1),
    });
    const dischargeId = created.json().discharges[0].id as string;
    const { planId } = await planWithBudget(id);
    const other = await openCase();
    const { planId: otherPlan } = await planWithBudget(other.id);
    const put = (planIdToSet: string, session = world.responsible) =>
      env.app.inject({
        method: 'PUT',
        url: `/api/cases/${id}/discharges/${dischargeId}/home-plan`,
        headers: session.headers,
        payload: { planId: planIdToSet },
      });
    expect((await put(otherPlan)).statusCode).toBe(404);
    expect((await put(planId, world.otherTeam)).statusCode).toBe(403);
    const tied = await put(planId, world.colleague);
    expect(tied.statusCode, tied.body).toBe(200);
    expect(tied.json().discharges[0]).toMatchObject({
      id: dischargeId,
      homePlanId: planId,
      status: 'in_progress',
    });
    const timeline = await get(`/api/cases/${id}/timeline`, world.responsible);
    expect(timeline.json().items.map((i: { summary: string }) => i.summary)).toContain(
      'Dimissione protetta: termina nel progetto "Patto per l’inclusione"',
    );
  });
});
