import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { CREMA, setupTestEnv, type Session } from '../../test/harness.js';
import { seedFundsDemo, type FundsDemoResult } from './index.js';
import { FARE_LEGAMI_ADHERENTS, FARE_LEGAMI_PARTNERS } from './funds.demo.js';

/*
 * The contracts, checked from outside as the outside checks do (paths, shapes), and every
 * figure of its "Done when" on the demo data, each computed by the system from lines and movements.
 */

const env = await setupTestEnv();
let demo: FundsDemoResult;
let admin: Session;

beforeAll(async () => {
  const ctx = systemContext(env.database);
  demo = await env.database.db.transaction((tx) => seedFundsDemo(tx, ctx));
  admin = await env.loginAs('amministratore', { type: 'all' });
});

async function get<T>(url: string): Promise<T> {
  const response = await env.app.inject({ method: 'GET', url, headers: admin.headers });
  expect(response.statusCode, url).toBe(200);
  return response.json<T>();
}

interface Share {
  comuneCode: string;
  subAmbitoId: string | null;
  weight: number;
  amountCents: number;
}
interface AllocationShape {
  id: string | null;
  title: string;
  totalCents: number;
  shares: Share[];
}

function expectAllocationShape(a: AllocationShape) {
  expect(a).toEqual(
    expect.objectContaining({
      id: a.id === null ? null : expect.any(String),
      title: expect.any(String),
      totalCents: expect.any(Number),
      shares: expect.any(Array),
    }),
  );
  for (const s of a.shares) {
    expect(s).toEqual(
      expect.objectContaining({
        comuneCode: expect.stringMatching(/^\d{6}$/),
        weight: expect.any(Number),
        amountCents: expect.any(Number),
      }),
    );
    expect(s.subAmbitoId === null || typeof s.subAmbitoId === 'string').toBe(true);
    expect(Number.isInteger(s.amountCents) && s.amountCents >= 0).toBe(true);
  }
  expect(a.shares.reduce((sum, s) => sum + s.amountCents, 0)).toBe(a.totalCents);
}

const TOTAL_KEYS = ['contributionCents', 'cofinancingCents', 'donationsCents', 'totalCents'] as const;
type Totals = Record<(typeof TOTAL_KEYS)[number], number>;
type SourceType = 'contribution' | 'cofinancing' | 'donations';

describe('the contracts', () => {
  it('GET /api/allocations, GET /api/allocations/{id} and POST /api/allocations/preview share one shape', async () => {
    const list = await get<AllocationShape[]>('/api/allocations');
    expect(list.length).toBeGreaterThan(0);
    list.forEach(expectAllocationShape);
    const one = await get<AllocationShape>(`/api/allocations/${demo.pnrrAllocationId}`);
    expectAllocationShape(one);
    const pick = ({ comuneCode, subAmbitoId, weight, amountCents }: Share) => ({
      comuneCode,
      subAmbitoId,
      weight,
      amountCents,
    });
    expect(list.find((a) => a.id === demo.pnrrAllocationId)?.shares.map(pick)).toEqual(one.shares.map(pick));
    const preview = await env.app.inject({
      method: 'POST',
      url: '/api/allocations/preview',
      headers: admin.headers,
      payload: { totalCents: 30_000_000, territory: 'CREMA', method: 'population', bySubAmbito: true },
    });
    expect(preview.statusCode).toBe(200);
    expectAllocationShape(preview.json());
    expect(preview.json().id).toBeNull();
    // The confirmed demo allocation is the preview of the same split, share for share.
    const previewed = new Map(
      preview.json<AllocationShape>().shares.map((s) => [s.comuneCode, s.amountCents]),
    );
    expect(one.shares.every((s) => previewed.get(s.comuneCode) === s.amountCents)).toBe(true);
  });

  it('GET /api/projects/{id}/report gives totals by source type in cents, per budget period and overall', async () => {
    const report = await get<{ totals: { overall: Totals; periods: { label: string; totals: Totals }[] } }>(
      `/api/projects/${demo.fareLegamiId}/report`,
    );
    const all = [report.totals.overall, ...report.totals.periods.map((p) => p.totals)];
    for (const t of all) {
      expect(Object.keys(t).sort()).toEqual([...TOTAL_KEYS].sort());
      expect(TOTAL_KEYS.every((k) => Number.isInteger(t[k]))).toBe(true);
      expect(t.totalCents).toBe(t.contributionCents + t.cofinancingCents + t.donationsCents);
    }
    expect(report.totals.periods.map((p) => p.label)).toEqual(['Anno 1', 'Anni 2–3']);
    for (const k of TOTAL_KEYS)
      expect(report.totals.overall[k]).toBe(report.totals.periods.reduce((s, p) => s + p.totals[k], 0));
  });
});

describe('the demo data against the issue', () => {
  it('Fare Legami: 13 partners and 69 adherents named as in seed 004, six actions with the seed’s status', async () => {
    const report = await get<{
      project: { partnersCount: number; adherentsCount: number; lead: string };
      partners: { name: string }[];
      adherents: string[];
      actions: { code: string; kind: string; status: string; capCents: number | null; lines: unknown[] }[];
    }>(`/api/projects/${demo.fareLegamiId}/report`);
    expect(report.project).toMatchObject({
      partnersCount: 13,
      adherentsCount: 69,
      lead: 'Comune di Cremona',
    });
    expect(report.partners.map((p) => p.name).sort()).toEqual([...FARE_LEGAMI_PARTNERS].sort());
    expect(report.adherents.sort()).toEqual([...FARE_LEGAMI_ADHERENTS].sort());
    expect(new Set(FARE_LEGAMI_ADHERENTS).size).toBe(69);
    expect(report.actions.map((a) => [a.code, a.kind, a.status, a.capCents])).toEqual([
      ['1', 'personal_budget', 'in_progress', 200_000],
      ['2', 'community_lab', 'in_progress', 1_200_000],
      ['2B', 'company_pact', 'late', 600_000],
      ['3', 'civic_centre', 'not_started', null],
      ['4', 'training', 'in_progress', null],
      ['5', 'fundraising', 'in_progress', null],
    ]);
    // Five labs, each at most €12,000; three company pacts of about €6,000.
    expect(report.actions[1]!.lines.length).toBeGreaterThanOrEqual(5);
    expect(report.actions[2]!.lines).toHaveLength(3);
  });

  it('Fare Legami: every budget figure of the seed is a sum of the lines the system computes', async () => {
    const report = await get<{ totals: { periods: { periodId: string; label: string; totals: Totals }[] } }>(
      `/api/projects/${demo.fareLegamiId}/report`,
    );
    const [year1, years23] = report.totals.periods;
    expect(year1!.totals.contributionCents).toBe(55_400_000);
    // "A little over €1 million" in year 1 for the 13 partners.
    expect(year1!.totals.totalCents).toBeGreaterThan(100_000_000);
    expect(year1!.totals.totalCents).toBeLessThan(110_000_000);
    expect(years23!.totals).toEqual({
      contributionCents: 94_588_756,
      cofinancingCents: 77_733_500,
      donationsCents: 33_600_000,
      totalCents: 205_922_256,
    });
    const lines = await get<
      {
        partnerId: string | null;
        periodId: string | null;
        parentLineId: string | null;
        sourceType: SourceType;
        balance: { budgetCents: number };
      }[]
    >(`/api/funds/lines?projectId=${demo.fareLegamiId}`);
    const partners = await get<{ partners: { partnerId: string; name: string }[] }>(
      `/api/projects/${demo.fareLegamiId}/report`,
    );
    const cremona = partners.partners.find((p) => p.name === 'Comune di Cremona')!.partnerId;
    const sum = (periodId: string, type: SourceType) =>
      lines
        .filter(
          (l) =>
            l.parentLineId === null &&
            l.partnerId === cremona &&
            l.periodId === periodId &&
            l.sourceType === type,
        )
        .reduce((s, l) => s + l.balance.budgetCents, 0);
    expect([sum(year1!.periodId, 'contribution'), sum(year1!.periodId, 'cofinancing')]).toEqual([
      10_300_000, 8_500_000,
    ]);
    expect([sum(years23!.periodId, 'contribution'), sum(years23!.periodId, 'cofinancing')]).toEqual([
      10_200_000, 13_470_000,
    ]);
    expect(sum(years23!.periodId, 'contribution') + sum(years23!.periodId, 'cofinancing')).toBe(23_670_000);
  });

  it('the fundraising campaign has 2,289 donors, €42,708.00 raised and 324 contacts; CremonAiuta its IBAN', async () => {
    const campaigns =
      await get<{ id: string; donors: number; raisedCents: number; contacts: number; iban: string | null }[]>(
        '/api/campaigns',
      );
    expect(campaigns.find((c) => c.id === demo.fundraisingCampaignId)).toMatchObject({
      donors: 2289,
      raisedCents: 4_270_800,
      contacts: 324,
    });
    expect(campaigns.find((c) => c.id === demo.cremonAiutaCampaignId)!.iban).toBe(
      'IT32E0503411401000000191919',
    );
  });

  it('the PNRR allocation: €300,000 over six illustrative sub-ambiti of the 48 comuni by ISTAT 2021 population, with spending', async () => {
    const allocation = await get<{
      totalCents: number;
      method: string;
      groups: { name: string; amountCents: number }[];
      shares: (Share & { spentCents: number })[];
    }>(`/api/allocations/${demo.pnrrAllocationId}`);
    expect(allocation).toMatchObject({ totalCents: 30_000_000, method: 'population' });
    const comuni = (await env.app.inject({ method: 'GET', url: '/api/comuni' })).json<
      { istatCode: string; population: number; ambitoId: string }[]
    >();
    const ambito = comuni.find((c) => c.istatCode === CREMA)!.ambitoId;
    const cremasco = comuni.filter((c) => c.ambitoId === ambito);
    expect(cremasco).toHaveLength(48);
    expect(allocation.shares.map((s) => s.comuneCode).sort()).toEqual(
      cremasco.map((c) => c.istatCode).sort(),
    );
    const population = new Map(cremasco.map((c) => [c.istatCode, c.population]));
    expect(allocation.shares.every((s) => s.weight === population.get(s.comuneCode))).toBe(true);
    expect(allocation.shares.reduce((s, x) => s + x.weight, 0)).toBe(160_001);
    expect(allocation.groups).toHaveLength(6);
    expect(allocation.groups.every((g) => g.name.includes('illustrativo'))).toBe(true);
    expect(new Set(allocation.shares.map((s) => s.subAmbitoId)).size).toBe(6);
    expect(allocation.shares.some((s) => s.spentCents > 0)).toBe(true);
  });
});
