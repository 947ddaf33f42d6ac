import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import { CREMA, setupTestEnv, type Session } from '../../test/harness.js';

const env = await setupTestEnv({ jobs: false });
const db = env.database.db;
const today = dateInRome();
const shift = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const admin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMA' });
const cremonese = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });

async function organization(name: string, kind: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO organizations (name, kind, ambito_id) VALUES (${name}, ${kind}, 'CREMA') RETURNING id`,
  );
  return row!.id;
}
const igea = await organization('Coop Prova Igea', 'social_cooperative');
const meraki = await organization('Coop Prova Meraki', 'social_cooperative');
const company = await organization('Impresa Prova srl', 'company');
const [project] = await queryRows<{ id: string }>(
  db,
  sql`INSERT INTO fund_projects (title, start_year, end_year) VALUES ('Domiciliarità prova', 2025, 2026) RETURNING id`,
);
const [other] = await queryRows<{ id: string }>(
  db,
  sql`INSERT INTO fund_projects (title, start_year, end_year) VALUES ('Altro progetto', 2025, 2026) RETURNING id`,
);
const lineOf = async (projectId: string, label: string) =>
  (
    await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO fund_lines (label, project_id, budget_cents, source_type) VALUES (${label}, ${projectId}, 1000000, 'contribution') RETURNING id`,
    )
  )[0]!.id;
const projectLine = await lineOf(project!.id, 'Servizi domiciliari');
const otherLine = await lineOf(other!.id, 'Altro');

const post = (session: Session | null, url: string, payload: unknown) =>
  env.app.inject({ method: 'POST', url, headers: session?.headers ?? {}, payload: payload as object });
const get = (session: Session | null, url: string) =>
  env.app.inject({ method: 'GET', url, headers: session?.headers ?? {} });
const count = async (table: string) =>
  (await queryRows<{ n: number }>(db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;

let sequence = 0;
const callBody = (extra: Record<string, unknown> = {}) => ({
  comuneCode: CREMA,
  title: `Avviso di co-progettazione ${++sequence}`,
  description: 'Rete di servizi domiciliari personalizzati per anziani fragili.',
  budgetCents: 30_000_000,
  opensOn: shift(-60),
  closesOn: shift(-10),
  fundProjectId: project!.id,
  criteria: [
    { label: 'Qualità della proposta', maxScore: 40 },
    { label: 'Esperienza', maxScore: 10 },
  ],
  ...extra,
});
const proposalBody = (organizationId: string) => ({
  organizationId,
  title: 'Abitare sicuri',
  summary: 'Servizi domiciliari con presidi tecnologici.',
  requestedCents: 30_000_000,
  submittedOn: shift(-20),
  contact: { fullName: 'Referente Inventata', email: 'referente@example.org' },
});

interface Detail {
  id: string;
  state: string;
  criteria: { id: string }[];
  proposals: { id: string; organizationId: string; total: number | null; rank: number | null }[];
  fundLines: { id: string }[];
}

describe('a co-design call', () => {
  it('is published with its criteria and project, and read without logging in', async () => {
    const created = await post(admin, '/api/codesign/calls', callBody());
    expect(created.statusCode).toBe(201);
    const call = created.json<Detail>();
    expect(call).toMatchObject({ state: 'closed', proposals: [], fundLines: [{ id: projectLine }] });
    const published = (await get(null, '/api/public/codesign/calls')).json<
      { id: string; project: { title: string }; criteria: unknown[] }[]
    >();
    expect(published.find((c) => c.id === call.id)).toMatchObject({
      project: { title: 'Domiciliarità prova' },
      criteria: [
        { label: 'Qualità della proposta', maxScore: 40 },
        { label: 'Esperienza', maxScore: 10 },
      ],
    });
  });

  it('refuses a reversed period, a twin criterion or an unknown project with 422, saving nothing', async () => {
    const before = await count('codesign_calls');
    const reversed = await post(admin, '/api/codesign/calls', callBody({ closesOn: shift(-90) }));
    expect(reversed.json().error.code).toBe('CALL_PERIOD_INVALID');
    const twin = await post(
      admin,
      '/api/codesign/calls',
      callBody({
        criteria: [
          { label: 'Esperienza', maxScore: 5 },
          { label: 'esperienza', maxScore: 5 },
        ],
      }),
    );
    expect(twin.json().error.code).toBe('CRITERION_DUPLICATE');
    const project = await post(
      admin,
      '/api/codesign/calls',
      callBody({ fundProjectId: crypto.randomUUID() }),
    );
    expect(project.json().error.code).toBe('FUND_PROJECT_UNKNOWN');
    expect(await count('codesign_calls')).toBe(before);
  });

  it('keeps another Ambito out (404) and a welfare manager from managing it (403)', async () => {
    const call = (await post(admin, '/api/codesign/calls', callBody())).json<Detail>();
    expect((await get(cremonese, `/api/codesign/calls/${call.id}`)).statusCode).toBe(404);
    expect(
      (await post(cremonese, `/api/codesign/calls/${call.id}/proposals`, proposalBody(igea))).statusCode,
    ).toBe(404);
    const manager = await env.loginAs('welfare_manager', { type: 'ambito', id: 'CREMA' });
    expect((await get(manager, `/api/codesign/calls/${call.id}`)).statusCode).toBe(200);
    expect(
      (await post(manager, `/api/codesign/calls/${call.id}/proposals`, proposalBody(igea))).statusCode,
    ).toBe(403);
    expect((await get(null, `/api/codesign/calls/${call.id}`)).statusCode).toBe(401);
    expect(await count(`codesign_proposals WHERE call_id = '${call.id}'`)).toBe(0);
  });
});

describe('proposals, evaluation and the partnership agreement', () => {
  it('takes proposals only from third-sector bodies, once each, while the call is open', async () => {
    const call = (await post(admin, '/api/codesign/calls', callBody())).json<Detail>();
    const url = `/api/codesign/calls/${call.id}/proposals`;
    expect((await post(admin, url, proposalBody(company))).json().error.code).toBe(
      'ORGANIZATION_NOT_THIRD_SECTOR',
    );
    expect(
      (await post(admin, url, { ...proposalBody(igea), submittedOn: shift(-5) })).json().error.code,
    ).toBe('PROPOSAL_OUTSIDE_CALL');
    expect((await post(admin, url, proposalBody(igea))).statusCode).toBe(201);
    expect((await post(admin, url, proposalBody(igea))).statusCode).toBe(409);
    expect(await count(`codesign_proposals WHERE call_id = '${call.id}'`)).toBe(1);
  });

  it('scores on every criterion within its maximum, then signs with the best-ranked body as lead', async () => {
    const call = (await post(admin, '/api/codesign/calls', callBody())).json<Detail>();
    await post(admin, `/api/codesign/calls/${call.id}/proposals`, proposalBody(igea));
    const detail = (
      await post(admin, `/api/codesign/calls/${call.id}/proposals`, proposalBody(meraki))
    ).json<Detail>();
    const [quality, experience] = detail.criteria.map((c) => c.id) as [string, string];
    const byOrg = (d: Detail, org: string) => d.proposals.find((p) => p.organizationId === org)!;
    const igeaProposal = byOrg(detail, igea).id;
    const merakiProposal = byOrg(detail, meraki).id;

    const tooHigh = await post(admin, `/api/codesign/proposals/${igeaProposal}/scores`, {
      scores: [
        { criterionId: quality, score: 41 },
        { criterionId: experience, score: 5 },
      ],
    });
    expect(tooHigh.json().error).toMatchObject({
      code: 'SCORE_ABOVE_MAX',
      details: { field: 'scores.0.score' },
    });
    expect(await count(`codesign_scores WHERE proposal_id = '${igeaProposal}'`)).toBe(0);

    await post(admin, `/api/codesign/proposals/${igeaProposal}/scores`, {
      scores: [
        { criterionId: quality, score: 36 },
        { criterionId: experience, score: 9 },
      ],
    });
    const early = await post(admin, `/api/codesign/calls/${call.id}/agreement`, {
      proposalId: igeaProposal,
      signedOn: shift(-1),
      startsOn: shift(0),
      endsOn: shift(400),
      partners: [{ organizationId: igea, role: 'lead' }],
    });
    expect(early.json().error.code).toBe('PROPOSAL_NOT_BEST');
    const scored = (
      await post(admin, `/api/codesign/proposals/${merakiProposal}/scores`, {
        scores: [
          { criterionId: quality, score: 30 },
          { criterionId: experience, score: 8 },
        ],
      })
    ).json<Detail>();
    expect(byOrg(scored, igea)).toMatchObject({ total: 45, rank: 1 });
    expect(byOrg(scored, meraki)).toMatchObject({ total: 38, rank: 2 });

    const agreement = (partners: unknown[], proposalId = igeaProposal) =>
      post(admin, `/api/codesign/calls/${call.id}/agreement`, {
        proposalId,
        signedOn: shift(-1),
        startsOn: shift(0),
        endsOn: shift(400),
        partners,
      });
    expect(
      (await agreement([{ organizationId: meraki, role: 'lead' }], merakiProposal)).json().error.code,
    ).toBe('PROPOSAL_NOT_BEST');
    expect((await agreement([{ organizationId: meraki, role: 'lead' }])).json().error.code).toBe(
      'LEAD_NOT_PROPOSER',
    );
    const wrongLine = await agreement([{ organizationId: igea, role: 'lead', fundLineId: otherLine }]);
    expect(wrongLine.json().error).toMatchObject({
      code: 'FUND_LINE_NOT_OF_PROJECT',
      details: { field: 'partners.0.fundLineId' },
    });
    expect(await count(`codesign_agreements WHERE call_id = '${call.id}'`)).toBe(0);

    const signed = await agreement([
      { organizationId: igea, role: 'lead', fundLineId: projectLine },
      { organizationId: meraki, role: 'partner' },
    ]);
    expect(signed.statusCode).toBe(201);
    expect(signed.json()).toMatchObject({ state: 'awarded' });
    expect((await agreement([{ organizationId: igea, role: 'lead' }])).statusCode).toBe(409);
    const rescore = await post(admin, `/api/codesign/proposals/${merakiProposal}/scores`, {
      scores: [
        { criterionId: quality, score: 40 },
        { criterionId: experience, score: 10 },
      ],
    });
    expect(rescore.statusCode).toBe(409);

    const published = await get(null, '/api/public/codesign/calls');
    const listed =
      published.json<{ id: string; agreement: { partners: { name: string; role: string }[] } }[]>();
    expect(listed.find((c) => c.id === call.id)!.agreement.partners).toEqual([
      expect.objectContaining({ name: 'Coop Prova Igea', role: 'lead', fundLineId: projectLine }),
      expect.objectContaining({ name: 'Coop Prova Meraki', role: 'partner' }),
    ]);
    expect(published.body).not.toMatch(/Referente Inventata|referente@/);
    const [audit] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'codesign.agreement' AND comune_code = ${CREMA}`,
    );
    expect(audit!.n).toBeGreaterThan(0);
  });

  it('scores nothing while the call is still open', async () => {
    const call = (await post(admin, '/api/codesign/calls', callBody({ closesOn: shift(10) }))).json<Detail>();
    const detail = (
      await post(admin, `/api/codesign/calls/${call.id}/proposals`, {
        ...proposalBody(igea),
        submittedOn: shift(0),
      })
    ).json<Detail>();
    expect(detail.state).toBe('open');
    const response = await post(admin, `/api/codesign/proposals/${detail.proposals[0]!.id}/scores`, {
      scores: detail.criteria.map((c) => ({ criterionId: c.id, score: 1 })),
    });
    expect(response.json().error.code).toBe('CALL_STILL_OPEN');
  });
});
