import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dateInRome } from '../../platform/time.js';
import { CREMONA, setupTestEnv, type Session } from '../../test/harness.js';
import { insertTeam } from '../cases/cases.repository.js';

/*
 * An application links to the person's case file when the reader may open it (issue 12 item 7):
 * the case's social worker gets the link; a social worker of another team, and an operator (no
 * right on case files), do not; a person without a case file has no link.
 */

const env = await setupTestEnv();
const today = dateInRome();
const CREMONESE = { type: 'ambito', id: 'CREMONA' } as const;

let responsible: Session;
let otherTeam: Session;
let operator: Session;
let teamId: string;
let programmeId: string;

async function post(session: Session, url: string, payload: object) {
  return env.app.inject({ method: 'POST', url, headers: session.headers, payload });
}

async function apply(personId: string): Promise<string> {
  const response = await post(operator, `/api/programmes/${programmeId}/applications`, {
    personId,
    channel: 'desk',
    householdSize: 1,
    iseeCents: 400_000,
  });
  expect(response.statusCode, response.body).toBe(201);
  const { id, caseId } = response.json<{ id: string; caseId: string | null }>();
  expect(caseId).toBeNull();
  return id;
}

async function caseLinkOf(session: Session, applicationId: string): Promise<string | null> {
  const response = await env.app.inject({
    method: 'GET',
    url: `/api/applications/${applicationId}`,
    headers: session.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ caseId: string | null }>().caseId;
}

beforeAll(async () => {
  const manager = await env.loginAs('welfare_manager');
  operator = await env.loginAs('operatore');
  const worker = await env.buildUser({ role: 'assistente_sociale', scope: CREMONESE });
  const other = await env.buildUser({ role: 'assistente_sociale', scope: CREMONESE });
  teamId = await insertTeam(env.database.db, {
    name: 'Équipe adulti in difficoltà',
    comuneCode: CREMONA,
    members: [{ userId: worker.id, role: 'member' }],
  });
  await insertTeam(env.database.db, {
    name: 'Équipe minori',
    comuneCode: CREMONA,
    members: [{ userId: other.id, role: 'member' }],
  });
  responsible = await env.login(worker.email);
  otherTeam = await env.login(other.email);
  const response = await post(manager, '/api/programmes', {
    kind: 'solidarity_fund',
    name: 'Fondo di solidarietà con fascicolo',
    comuneCode: CREMONA,
    rule: {
      residenceComuni: [CREMONA],
      minHouseholdSize: 1,
      maxHouseholdSize: null,
      iseeMaxCents: 900_000,
      iseeRequired: true,
      amountBySizeCents: [30_000],
      iseeBands: [],
      maxAmountCents: null,
    },
    validFrom: addDays(today, -5),
    validUntil: addDays(today, 30),
    budgetCents: 500_000,
  });
  expect(response.statusCode, response.body).toBe(201);
  programmeId = response.json<{ id: string }>().id;
});

describe('the link from an application to the person’s case file', () => {
  it('is given to who may open the case, and to nobody else', async () => {
    const personId = await env.buildPerson();
    const opened = await post(responsible, '/api/cases', {
      personId,
      area: 'poverty',
      source: 'self',
      reason: 'Nucleo in difficoltà economica dopo la perdita del lavoro',
      teamId,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json<{ id: string }>().id;
    const application = await apply(personId);

    expect(await caseLinkOf(responsible, application)).toBe(caseId);
    // A social worker of another team would have to break the glass: no link to it.
    expect(await caseLinkOf(otherTeam, application)).toBeNull();
    // An operator holds no right on case files.
    expect(await caseLinkOf(operator, application)).toBeNull();
  });

  it('is absent for a person without a case file', async () => {
    const application = await apply(await env.buildPerson());
    expect(await caseLinkOf(responsible, application)).toBeNull();
  });
});
