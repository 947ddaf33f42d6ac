import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../platform/access/roles.js';
import { queryRows } from '../platform/db/database.js';
import { addDays, dateInRome, todayInRome } from '../platform/time.js';
import { CREMA, CREMONA, type Session, type TestEnv } from './harness.js';

/*
 * The denial sweep's table: one entry per operation of the OpenAPI document, `METHOD path` as the
 * document spells it. denial-sweep.int.test.ts fails for an operation without an entry, so a new
 * route is swept the day it is added. An entry says:
 * - `public`: why it is open without a session (otherwise it must answer 401);
 * - `deny`: a demo role, over the Ambito Cremonese, that lacks the capability (→ 403), or
 *   `{ none: why }` when every signed-in user may call it;
 * - how another Ambito is kept out, exactly one of:
 *   `owned` (a route with the id of a territorial record): where to find an id of the Ambito
 *     Cremonese; the same role over the Ambito Cremasco gets 404, and the owner's re-read is
 *     unchanged afterwards;
 *   `list`: the list the role sees over the Cremasco shares no row with the one over the Cremonese;
 *   `exempt`: why no territory applies (reference data, self-service, the actor's own records).
 * Requests carry the smallest body and query the schema accepts (openapi-sample.ts); an entry's
 * `body` (an object) is laid over that sample, its `query` replaces the sample's.
 */

/** A demo login (password `legami-demo`), for rules tied to the person and not only the role. */
export type DemoLogin = `${string}@demo.legami.it`;

/** What the sweep hands an entry to find ids in the demo data. */
export interface SweepData {
  env: TestEnv;
  /** The first row's `id` column of a system query on the seeded demo data; throws when none. */
  id(query: SQL): Promise<string>;
  /** The sweep's session of that role over the Ambito Cremonese, or of that demo login. */
  session(who: Role | DemoLogin): Promise<Session>;
  /** Calls the API as that role over the Ambito Cremonese (or as that demo login); the JSON answer. */
  api(
    who: Role | DemoLogin,
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
  ): Promise<Record<string, unknown>>;
}

export type PathParams = Record<string, string>;

export interface Owned {
  /** Path parameters naming a record of the Ambito Cremonese (or a request for one). */
  params(data: SweepData): Promise<PathParams>;
  /** The role that holds the capability: over the Cremasco it must get 404. */
  as: Role;
  /** Whose record it is (default the Cremonese); a user of the other Ambito asks for it. */
  of?: 'CREMONA' | 'CREMA';
  /** Who asks instead of `as` from the other Ambito (a demo login). */
  foreign?: DemoLogin;
  /** When the refusal is not 404, and why that reveals nothing. */
  refused?: { status: 403; why: string };
  /** The query, when it too names the record (built from `params`). */
  query?: (params: PathParams) => PathParams;
  /** The body, when it too names the record (built from `params`). */
  body?: (params: PathParams) => unknown;
  /** Who re-reads the record and how (default: `as` over the Cremonese, `GET` of the same path). */
  reread?: { as?: Role | DemoLogin; op?: string; params?: (data: SweepData) => Promise<PathParams> };
}

export interface List {
  /** The role that holds the capability; its lists over the two Ambiti must not both be empty. */
  as: Role;
  /** The rows of the response (default: `items`, or the body when it is an array); `body` is its text. */
  rows?: (body: string) => { id: unknown }[];
  /** A query naming records of the Cremonese (instead of the entry's `query`). */
  query?: (data: SweepData) => Promise<PathParams>;
  /** Demo logins of the Cremonese and of another Ambito, instead of `as` over each. */
  logins?: [DemoLogin, DemoLogin];
}

export interface SweepEntry {
  public?: string;
  deny?: Role | { none: string };
  body?: unknown;
  query?: Record<string, string>;
  contentType?: string;
  owned?: Owned;
  list?: List;
  exempt?: string;
}

const ALL_SIGNED_IN = (why: string) => ({ none: why });

// Creation routes name no existing record: there is no id of another Ambito to reach.
const CREATES = 'creates a record: no existing id to reach across Ambiti';
const OWN = 'the actor’s own records, found from the session';
const REFERENCE = 'reference data shared by the province (no personal data, no territory)';
const PROVINCE_WIDE = 'province-wide reference data: changed only by a province-wide administrator';
const AGGREGATE = 'counts over the actor’s own territory under row-level security, no rows';
const PROJECTS = 'a project is run by its partnership across Ambiti: money data, no comune';
const PDF = '%PDF-1.4\n%%EOF\n';
const PROTOCOL =
  'the operating protocol (which organisation is competent where) is shared by the province: no personal data';
const GOODS_DONORS =
  'donors of goods are companies and collection drives, never natural persons: one list for the province';
const CAMPAIGNS =
  'a fundraising campaign is public (advertised with its IBAN); its donors and donations are under row-level security';

// SIUSS: a comune's configuration is re-read in the list of the administrator's comuni.
const SIUSS_ENTES = { op: 'GET /api/siuss/entes' } as const;
const THIS_YEAR = dateInRome().slice(0, 4);

/** Rows of a SIUSS list keyed by comune (its configurations, the export's files). */
function siussRows(value: unknown, key: (row: Record<string, unknown>) => unknown): { id: unknown }[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return (Array.isArray(list) ? (list as Record<string, unknown>[]) : []).map((row) => ({ id: key(row) }));
}

/** The rows of a JSON list (`items`, or the body itself), with the fields the sweep filters on. */
export function rowsOf(text: string): (Record<string, unknown> & { id: unknown })[] {
  const body = JSON.parse(text) as { items?: { id: unknown }[] } | { id: unknown }[];
  return (Array.isArray(body) ? body : (body.items ?? [])) as (Record<string, unknown> & { id: unknown })[];
}

/** A CSV export's data lines, each its own id. */
const csvRows = (text: string) =>
  text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => ({ id: line }));

/** The goods reports' rows that name a territory: the points and each campaign's comuni. */
function goodsReportRows(text: string): { id: unknown }[] {
  const r = JSON.parse(text) as {
    stockByPoint: { pointId: string }[];
    campaignCoverage: { campaignId: string; comuneCode: string }[];
  };
  return [
    ...r.stockByPoint.map((p) => ({ id: p.pointId })),
    ...r.campaignCoverage.map((c) => ({ id: `${c.campaignId}:${c.comuneCode}` })),
  ];
}

/** The voucher reports' rows: comuni and shops with vouchers or redemptions of the territory. */
function voucherReportRows(text: string): { id: unknown }[] {
  const r = JSON.parse(text) as { byComune: { comuneCode: string }[]; byShop: { shopId: string }[] };
  return [...r.byComune.map((c) => ({ id: c.comuneCode })), ...r.byShop.map((s) => ({ id: s.shopId }))];
}

const first = (d: SweepData, query: SQL) => d.id(query).then((id) => ({ id }));
// The CremonAiuta donations campaign of the Comune di Cremona (seed 000), with a reconciled statement.
const cremonAiuta = (d: SweepData) =>
  first(d, sql`SELECT id FROM fund_campaigns WHERE title LIKE 'CremonAiuta%' AND comune_code = ${CREMONA}`);

// The export lists the reads of the record, the export itself included: the registry is re-read.
const THE_PERSON = { as: 'operatore', op: 'GET /api/people/{id}' } as const;

/** A person of the demo registry living in Cremona. */
const person = (d: SweepData) =>
  first(d, sql`SELECT id FROM people WHERE comune_code = ${CREMONA} ORDER BY family_name LIMIT 1`);
const socialReport = (d: SweepData) =>
  first(d, sql`SELECT id FROM social_reports WHERE territory = 'ambito-cremonese' ORDER BY version LIMIT 1`);
const volunteer = (d: SweepData) =>
  first(d, sql`SELECT id FROM volunteers WHERE comune_code = ${CREMONA} ORDER BY family_name LIMIT 1`);
const helpRequest = (d: SweepData) =>
  first(
    d,
    sql`SELECT r.id FROM help_requests r JOIN comuni c ON c.istat_code = r.comune_code
        WHERE c.ambito_id = 'CREMONA' AND r.status = 'new' ORDER BY r.created_at LIMIT 1`,
  );
const task = (d: SweepData) =>
  first(
    d,
    sql`SELECT t.id FROM tasks t JOIN comuni c ON c.istat_code = t.comune_code
        WHERE c.ambito_id = 'CREMONA' AND t.status = 'assigned' ORDER BY t.created_at LIMIT 1`,
  );
const THE_TASK = { op: 'GET /api/tasks/{id}' };
/** A task assigned to the demo volunteer. */
const demoVolunteersTask = (d: SweepData) =>
  first(
    d,
    sql`SELECT t.id FROM tasks t JOIN volunteers v ON v.id = t.volunteer_id JOIN users u ON u.id = v.user_id
        WHERE u.email = 'volontario@demo.legami.it' AND t.status = 'assigned' LIMIT 1`,
  );
/** A round plan of AUSER Cremona for tomorrow, computed on the spot (the job queue is off: it stays queued). */
const roundPlan = async (d: SweepData) => {
  const organizationId = await d.id(sql`SELECT id FROM organizations WHERE name = 'AUSER Cremona'`);
  const plan = await d.api('amministratore', 'POST', '/api/rounds', { date: tomorrow(), organizationId });
  return { id: String(plan.id), date: tomorrow() };
};
const tomorrow = () => addDays(todayInRome(), 1);

// Case files are opened by their team: the demo social worker of Cremona re-reads, Crema's asks.
const THE_CASE = { as: 'assistente_sociale@demo.legami.it', op: 'GET /api/cases/{id}' } as const;
const CASE_WORKERS = {
  as: 'assistente_sociale',
  foreign: 'assistente_sociale.crema@demo.legami.it',
  reread: { as: 'assistente_sociale@demo.legami.it' },
} as const;
const caseFile = (d: SweepData) =>
  first(
    d,
    sql`SELECT c.id FROM cases c JOIN users u ON u.id = c.responsible_user_id
        WHERE c.comune_code = ${CREMONA} AND u.email = 'assistente_sociale@demo.legami.it' ORDER BY c.opened_on LIMIT 1`,
  );
const casePlan = async (d: SweepData) => {
  const [row] = await queryRows<{ id: string; plan: string }>(
    d.env.database.db,
    sql`SELECT c.id, p.id AS plan FROM cases c JOIN case_plans p ON p.case_id = c.id JOIN users u ON u.id = c.responsible_user_id
        WHERE c.comune_code = ${CREMONA} AND u.email = 'assistente_sociale@demo.legami.it' ORDER BY p.created_at LIMIT 1`,
  );
  return { id: row!.id, planId: row!.plan };
};
const caseExpense = async (d: SweepData) => {
  const [row] = await queryRows<{ id: string; plan: string; expense: string }>(
    d.env.database.db,
    sql`SELECT b.case_id AS id, b.plan_id AS plan, e.id AS expense FROM case_budget_expenses e
          JOIN case_budgets b ON b.id = e.budget_id JOIN cases c ON c.id = b.case_id JOIN users u ON u.id = c.responsible_user_id
        WHERE c.comune_code = ${CREMONA} AND u.email = 'assistente_sociale@demo.legami.it' AND e.reverses_id IS NULL
        ORDER BY e.created_at LIMIT 1`,
  );
  return { id: row!.id, planId: row!.plan, expenseId: row!.expense };
};
const dischargeStep = async (d: SweepData) => {
  const [row] = await queryRows<{ id: string; step: string }>(
    d.env.database.db,
    sql`SELECT x.case_id AS id, s.id AS step FROM case_discharge_steps s JOIN case_discharges x ON x.id = s.discharge_id
        WHERE s.comune_code = ${CREMONA} AND s.completed_on IS NULL LIMIT 1`,
  );
  return { id: row!.id, stepId: row!.step };
};
const caseDischarge = async (d: SweepData) => {
  const [row] = await queryRows<{ id: string; discharge: string }>(
    d.env.database.db,
    sql`SELECT x.case_id AS id, x.id AS discharge FROM case_discharges x WHERE x.comune_code = ${CREMONA} LIMIT 1`,
  );
  return { id: row!.id, dischargeId: row!.discharge };
};
/** A document uploaded to a Cremona case file by its social worker. */
const caseDocument = async (d: SweepData) => {
  const { id } = await caseFile(d);
  const response = await d.env.app.inject({
    method: 'POST',
    url: `/api/cases/${id}/documents?title=Relazione`,
    headers: {
      ...(await d.session('assistente_sociale@demo.legami.it')).headers,
      'content-type': 'application/pdf',
    },
    payload: PDF,
  });
  return { id, documentId: response.json<{ id: string }>().id };
};

const point = (d: SweepData) =>
  first(d, sql`SELECT id FROM distribution_points WHERE comune_code = ${CREMONA} ORDER BY name LIMIT 1`);
const batch = (d: SweepData) =>
  first(
    d,
    sql`SELECT id FROM stock_batches WHERE comune_code = ${CREMONA} AND kind = 'donation' AND reverses_batch_id IS NULL
        ORDER BY occurred_on DESC LIMIT 1`,
  );
// Goods going out to people: the Caritas point's parcels, the masks campaign, tablets, the social market.
const parcelPoint = (d: SweepData) =>
  first(
    d,
    sql`SELECT point_id AS id FROM parcels WHERE comune_code = ${CREMONA} ORDER BY created_at LIMIT 1`,
  );
const parcel = (d: SweepData) =>
  first(d, sql`SELECT id FROM parcels WHERE comune_code = ${CREMONA} ORDER BY assembled_on, id LIMIT 1`);
const goodsCampaign = (d: SweepData) =>
  first(d, sql`SELECT id FROM distribution_campaigns WHERE comune_code = ${CREMONA} ORDER BY name LIMIT 1`);
const freeAsset = (d: SweepData) =>
  first(
    d,
    sql`SELECT a.id FROM loan_assets a WHERE a.comune_code = ${CREMONA}
          AND NOT EXISTS (SELECT 1 FROM asset_loans l WHERE l.asset_id = a.id AND l.returned_on IS NULL)
        ORDER BY a.serial_number LIMIT 1`,
  );
const openLoan = (d: SweepData) =>
  first(
    d,
    sql`SELECT id FROM asset_loans WHERE comune_code = ${CREMONA} AND returned_on IS NULL ORDER BY id LIMIT 1`,
  );
const socialMarket = (d: SweepData) =>
  first(
    d,
    sql`SELECT id FROM distribution_points WHERE comune_code = ${CREMONA} AND kind = 'social_market' ORDER BY name LIMIT 1`,
  );
const THE_POINT = { op: 'GET /api/goods/points/{id}' } as const;
// The demo's comune lines are the PNRR shares of the Cremasco (seed 002): records of the Cremasco.
const fundLine = (d: SweepData) =>
  first(d, sql`SELECT id FROM fund_lines WHERE comune_code = ${CREMA} ORDER BY created_at LIMIT 1`);
const movement = (d: SweepData) =>
  first(d, sql`SELECT id FROM fund_movements WHERE comune_code = ${CREMA} ORDER BY recorded_at LIMIT 1`);
const allocation = (d: SweepData) =>
  first(d, sql`SELECT id FROM fund_allocations WHERE territory_id = 'CREMA' ORDER BY created_at LIMIT 1`);
const programme = (d: SweepData) =>
  first(d, sql`SELECT id FROM support_programmes WHERE comune_code = ${CREMONA} ORDER BY created_at LIMIT 1`);
const application = (d: SweepData) =>
  first(
    d,
    sql`SELECT id FROM programme_applications WHERE comune_code = ${CREMONA} ORDER BY created_at, id LIMIT 1`,
  );
const service = (d: SweepData) =>
  first(d, sql`SELECT id FROM catalog_services WHERE base_comune_code = ${CREMONA} ORDER BY name LIMIT 1`);
const iseePerson = (d: SweepData) =>
  first(d, sql`SELECT person_id AS id FROM isee_declarations WHERE comune_code = ${CREMONA} LIMIT 1`);
const order = (d: SweepData) =>
  first(d, sql`SELECT id FROM catalog_orders WHERE comune_code = ${CREMONA} ORDER BY created_at LIMIT 1`);
const THE_ORDER = { as: 'welfare_manager', op: 'GET /api/orders/{id}' } as const;
// Collaboration pacts of Cremona (demo) and seed 002's co-design call of Crema.
const pact = (d: SweepData) =>
  first(d, sql`SELECT id FROM pacts WHERE comune_code = ${CREMONA} ORDER BY title LIMIT 1`);
const THE_PACT = { op: 'GET /api/pacts/{id}' } as const;
const pactProposal = (d: SweepData) =>
  first(
    d,
    sql`SELECT id FROM pact_proposals WHERE comune_code = ${CREMONA} AND status = 'received' ORDER BY created_at LIMIT 1`,
  );
const codesignCall = (d: SweepData) =>
  first(d, sql`SELECT id FROM codesign_calls WHERE comune_code = ${CREMA} ORDER BY title LIMIT 1`);
const codesignProposal = (d: SweepData) =>
  first(d, sql`SELECT id FROM codesign_proposals WHERE comune_code = ${CREMA} ORDER BY created_at LIMIT 1`);
const THE_CALL = { op: 'GET /api/codesign/calls/{id}' } as const;

export const SWEEP: Record<string, SweepEntry> = {
  // Platform and session.
  'GET /api/health': { public: 'load balancers probe it' },
  'GET /api/site': { public: 'the public home: help line, contact address, whether demo logins exist' },
  'POST /api/auth/login': { public: 'opens the session (rate-limited, Origin checked)' },
  'POST /api/auth/logout': { public: 'ends a session if there is one; harmless without' },
  'GET /.well-known/openid-federation': {
    public: 'SPID/CIE federation: our signed entity configuration, public keys only',
  },
  'GET /api/auth/spid/start': { public: 'SPID/CIE: leaves for the identity provider (rate-limited)' },
  'GET /api/auth/spid/callback': {
    public: 'SPID/CIE: the provider sends the citizen back (state bound to the browser)',
  },
  'GET /api/auth/me': {
    deny: ALL_SIGNED_IN('every signed-in user reads their own session'),
    exempt: 'the actor’s own account',
  },
  'POST /api/auth/password': {
    deny: ALL_SIGNED_IN('every signed-in user changes their own password'),
    exempt: 'the actor’s own account',
  },

  // Accounts.
  'GET /api/users': { deny: 'operatore', list: { as: 'amministratore' } },
  'POST /api/users': { deny: 'operatore', exempt: CREATES },
  'POST /api/users/{id}/reset-password': {
    deny: 'operatore',
    owned: {
      as: 'amministratore',
      params: async (d) => ({
        id: await d.id(sql`SELECT id FROM users WHERE email = 'operatore@demo.legami.it'`),
      }),
      reread: { op: 'GET /api/users' },
    },
  },
  // Territory.
  'GET /api/ambiti': { public: 'territory: ISTAT open data' },
  'GET /api/comuni': { public: 'territory: ISTAT open data' },
  'GET /api/comuni/{code}': { public: 'territory: ISTAT open data' },
  'PATCH /api/comuni/{code}': {
    deny: 'operatore',
    body: { ambitoId: 'CREMONA' },
    owned: { as: 'amministratore', params: async () => ({ code: CREMONA }) },
  },
  'POST /api/sub-ambiti': { deny: 'operatore', exempt: CREATES },
  'GET /api/map-settings': {
    deny: ALL_SIGNED_IN('every signed-in user draws the map'),
    exempt: 'the map’s tiles and centre: no record of a territory',
  },

  // Organisations.
  'GET /api/organizations': {
    deny: 'esercente',
    // Province-wide organisations (no Ambito, no comune) serve everyone; the others are compared.
    list: { as: 'operatore', rows: (text) => rowsOf(text).filter((o) => o.ambitoId || o.comuneCode) },
  },
  'POST /api/organizations': { deny: 'operatore', exempt: CREATES },
  'GET /api/organizations/{id}': {
    deny: 'esercente',
    owned: {
      as: 'operatore',
      params: async (d) => ({
        id: await d.id(sql`SELECT id FROM organizations WHERE ambito_id = 'CREMONA' LIMIT 1`),
      }),
    },
  },
  // People.
  'GET /api/people': { deny: 'coordinatore', list: { as: 'operatore' } },
  'POST /api/people': { deny: 'amministratore', exempt: CREATES },
  'GET /api/people/duplicates': {
    deny: 'coordinatore',
    list: {
      as: 'operatore',
      query: async (d) => ({
        codiceFiscale: await d.id(
          sql`SELECT codice_fiscale AS id FROM people WHERE comune_code = ${CREMONA} ORDER BY family_name LIMIT 1`,
        ),
      }),
    },
  },
  'GET /api/people/{id}': { deny: 'coordinatore', owned: { as: 'operatore', params: person } },
  'PUT /api/people/{id}': {
    deny: 'amministratore',
    body: { phone: '0372 000000' },
    owned: { as: 'operatore', params: person },
  },
  'PUT /api/people/{id}/household': {
    deny: 'amministratore',
    owned: { as: 'operatore', params: person, reread: { op: 'GET /api/people/{id}' } },
  },
  'POST /api/households': { deny: 'amministratore', exempt: CREATES },
  'GET /api/households/{id}': {
    deny: 'coordinatore',
    owned: {
      as: 'operatore',
      params: async (d) => ({
        id: await d.id(sql`SELECT id FROM households WHERE comune_code = ${CREMONA} LIMIT 1`),
      }),
    },
  },
  'GET /api/people/{id}/export': {
    deny: 'amministratore',
    owned: { as: 'revisore', params: person, reread: THE_PERSON },
  },
  'POST /api/people/{id}/anonymise': {
    deny: 'amministratore',
    owned: { as: 'revisore', params: person, reread: THE_PERSON },
  },

  // Audit.
  'GET /api/audit': { deny: 'amministratore', list: { as: 'revisore' } },
  'GET /api/audit/export.csv': { deny: 'amministratore', list: { as: 'revisore', rows: csvRows } },
  // Volunteers.
  'POST /api/volunteers/offers': { public: 'the public volunteer offer form (rate-limited)' },
  'GET /api/volunteers': { deny: 'operatore', list: { as: 'coordinatore' } },
  'POST /api/volunteers': { deny: 'operatore', exempt: CREATES },
  // A coordinator sees their organisation's volunteers; the Ambito's administrator all of its territory.
  'GET /api/volunteers/{id}': { deny: 'operatore', owned: { as: 'amministratore', params: volunteer } },
  'PUT /api/volunteers/{id}': {
    deny: 'operatore',
    body: { hasCar: true },
    owned: { as: 'amministratore', params: volunteer },
  },
  'POST /api/volunteers/{id}/review': {
    deny: 'operatore',
    owned: { as: 'amministratore', params: volunteer, reread: { op: 'GET /api/volunteers/{id}' } },
  },
  'POST /api/volunteers/imports': {
    deny: 'operatore',
    contentType: 'text/csv',
    body: 'nome;cognome\n',
    exempt: CREATES,
  },
  'GET /api/volunteers/imports/{id}': {
    deny: 'operatore',
    owned: {
      as: 'amministratore',
      params: async (d) => {
        const organizationId = await d.id(sql`SELECT id FROM organizations WHERE name = 'AUSER Cremona'`);
        const response = await d.env.app.inject({
          method: 'POST',
          url: `/api/volunteers/imports?organizationId=${organizationId}`,
          headers: { ...(await d.session('amministratore')).headers, 'content-type': 'text/csv' },
          payload: 'nome;cognome;telefono;comune\nSara;Longhi;333 1111111;Cremona\n',
        });
        return { id: response.json<{ importId: string }>().importId };
      },
    },
  },
  // Interventions and competence rules.
  'GET /api/intervention-types': { public: 'the catalogue the citizens’ form lists' },
  'POST /api/intervention-types': { deny: 'operatore', exempt: PROVINCE_WIDE },
  'PUT /api/intervention-types/{id}': { deny: 'operatore', exempt: PROVINCE_WIDE },
  'GET /api/competence-rules': { deny: 'revisore', exempt: PROTOCOL },
  'PUT /api/competence-rules': {
    deny: 'operatore',
    owned: {
      as: 'amministratore',
      params: async () => ({}),
      body: () => ({
        interventionTypeId: 'spesa',
        scopeType: 'ambito',
        scopeId: 'CREMONA',
        organizationIds: [],
      }),
      reread: { op: 'GET /api/competence-rules' },
      refused: { status: 403, why: 'the Ambito named in the body is public: refusing it reveals nothing' },
    },
  },
  'GET /api/competence-rules/resolve': {
    deny: 'revisore',
    query: { interventionType: 'spesa', comune: CREMONA },
    exempt: PROTOCOL,
  },
  // Help requests.
  'GET /api/requests': { deny: 'revisore', list: { as: 'operatore' } },
  'POST /api/requests': { deny: 'coordinatore', exempt: CREATES },
  'POST /api/requests/online': { deny: 'operatore', exempt: CREATES },
  'GET /api/requests/mine': { deny: 'operatore', exempt: OWN },
  'POST /api/requests/mine/{id}/cancel': {
    deny: 'operatore',
    exempt: 'the citizen’s own request; anyone else’s answers 404 (requests.int.test.ts)',
  },
  'GET /api/requests/{id}': { deny: 'revisore', owned: { as: 'operatore', params: helpRequest } },
  'POST /api/requests/{id}/triage': {
    deny: 'coordinatore',
    owned: { as: 'operatore', params: helpRequest, reread: { op: 'GET /api/requests/{id}' } },
  },
  'POST /api/requests/{id}/cancel': {
    deny: 'coordinatore',
    owned: { as: 'operatore', params: helpRequest, reread: { op: 'GET /api/requests/{id}' } },
  },
  'POST /api/requests/{id}/follow-up': {
    deny: 'coordinatore',
    body: { decision: 'close', reason: 'prova' },
    owned: { as: 'operatore', params: helpRequest, reread: { op: 'GET /api/requests/{id}' } },
  },
  // Tasks.
  'GET /api/tasks': { deny: 'welfare_manager', list: { as: 'operatore' } },
  'GET /api/tasks/mine': { deny: 'operatore', exempt: OWN },
  'GET /api/tasks/{id}': { deny: 'welfare_manager', owned: { as: 'coordinatore', params: task } },
  'GET /api/tasks/{id}/suggestions': {
    deny: 'operatore',
    owned: { as: 'coordinatore', params: task, reread: THE_TASK },
  },
  'POST /api/tasks/{id}/assign': {
    deny: 'operatore',
    owned: { as: 'coordinatore', params: task, reread: THE_TASK },
  },
  'POST /api/tasks/{id}/accept': {
    deny: 'operatore',
    // A volunteer's tasks are those assigned to them: one of another Ambito is refused the demo volunteer's.
    owned: {
      as: 'volontario',
      params: demoVolunteersTask,
      reread: { as: 'coordinatore', op: 'GET /api/tasks/{id}' },
    },
  },
  'POST /api/tasks/{id}/decline': {
    deny: 'operatore',
    // A volunteer's tasks are those assigned to them: one of another Ambito is refused the demo volunteer's.
    owned: {
      as: 'volontario',
      params: demoVolunteersTask,
      reread: { as: 'coordinatore', op: 'GET /api/tasks/{id}' },
    },
  },
  'POST /api/tasks/{id}/complete': {
    deny: 'operatore',
    owned: { as: 'coordinatore', params: task, reread: THE_TASK },
  },
  'POST /api/tasks/{id}/reimburse': {
    deny: 'operatore',
    owned: { as: 'coordinatore', params: task, reread: THE_TASK },
  },
  // Round plans.
  'POST /api/rounds': { deny: 'operatore', exempt: CREATES },
  'GET /api/rounds': {
    deny: 'operatore',
    list: { as: 'amministratore', query: async (d) => ({ date: (await roundPlan(d)).date }) },
  },
  'GET /api/rounds/{id}': { deny: 'operatore', owned: { as: 'amministratore', params: roundPlan } },
  'POST /api/rounds/{id}/move': {
    deny: 'operatore',
    owned: { as: 'amministratore', params: roundPlan, reread: { op: 'GET /api/rounds/{id}' } },
  },
  'POST /api/rounds/{id}/publish': {
    deny: 'operatore',
    owned: { as: 'amministratore', params: roundPlan, reread: { op: 'GET /api/rounds/{id}' } },
  },
  'POST /api/rounds/{id}/drop-out': {
    deny: 'operatore',
    owned: { as: 'amministratore', params: roundPlan, reread: { op: 'GET /api/rounds/{id}' } },
  },
  // Dashboard.
  'GET /api/dashboard': { deny: 'welfare_manager', exempt: AGGREGATE },
  'GET /api/dashboard/export.csv': { deny: 'welfare_manager', exempt: AGGREGATE },
  'GET /api/dashboard/export.xlsx': { deny: 'welfare_manager', exempt: AGGREGATE },
  'GET /api/work-queue': {
    deny: ALL_SIGNED_IN('every role has its queues: null for those it does not work'),
    exempt: AGGREGATE,
  },
  // Reports and open data.
  'GET /api/open-data': { public: 'open data catalogue, after disclosure control' },
  'GET /api/open-data/{year}/{territory}/{dataset}.csv': { public: 'open data, after disclosure control' },
  'POST /api/open-data/{year}/{territory}/publish': {
    deny: 'operatore',
    owned: {
      as: 'amministratore',
      params: async (d) => ({
        year: '2026',
        territory: await d.id(
          sql`SELECT territory AS id FROM open_data_publications WHERE territory LIKE '%cremonese%'`,
        ),
      }),
      reread: { op: 'GET /api/open-data' },
    },
  },
  'GET /api/open-data/publications/{id}': {
    deny: 'operatore',
    owned: {
      as: 'amministratore',
      params: async (d) => ({
        id: await d.id(sql`SELECT id FROM open_data_publications WHERE territory LIKE '%cremonese%'`),
      }),
    },
  },
  'GET /api/reports': { deny: 'operatore', list: { as: 'amministratore' } },
  'POST /api/reports/{year}/{territory}/generate': {
    deny: 'operatore',
    owned: {
      as: 'amministratore',
      params: async (d) => ({
        year: await d.id(
          sql`SELECT year::text AS id FROM social_reports WHERE territory = 'ambito-cremonese'`,
        ),
        territory: 'ambito-cremonese',
      }),
      reread: { op: 'GET /api/reports' },
    },
  },
  'GET /api/reports/{id}': { deny: 'operatore', owned: { as: 'amministratore', params: socialReport } },
  'PUT /api/reports/{id}/narrative': {
    deny: 'operatore',
    owned: { as: 'amministratore', params: socialReport, reread: { op: 'GET /api/reports/{id}' } },
  },
  'POST /api/reports/{id}/publish': {
    deny: 'operatore',
    owned: { as: 'amministratore', params: socialReport, reread: { op: 'GET /api/reports/{id}' } },
  },
  'GET /api/reports/{id}/report.pdf': {
    deny: 'operatore',
    owned: { as: 'amministratore', params: socialReport, reread: { op: 'GET /api/reports/{id}' } },
  },
  'GET /api/social-reports': { public: 'published annual reports: aggregates after disclosure control' },
  'GET /api/social-reports/{year}/{territory}': {
    public: 'a published annual report: aggregates after disclosure control',
  },
  'GET /api/social-reports/{year}/{territory}/report.pdf': {
    public: 'a published annual report: aggregates after disclosure control',
  },

  // Case files.
  'GET /api/cases': {
    deny: 'operatore',
    list: {
      as: 'assistente_sociale',
      logins: ['assistente_sociale@demo.legami.it', 'assistente_sociale.crema@demo.legami.it'],
    },
  },
  'POST /api/cases': { deny: 'operatore', exempt: CREATES },
  'GET /api/cases/board': {
    deny: 'operatore',
    exempt: 'the actor’s own case files and their team’s (the board of who asks)',
  },
  'GET /api/social-teams': { deny: 'operatore', list: { as: 'assistente_sociale' } },
  'GET /api/cases/{id}': { deny: 'operatore', owned: { ...CASE_WORKERS, params: caseFile } },
  'POST /api/cases/{id}/break-glass': {
    deny: 'operatore',
    body: { reason: 'Accesso urgente: la persona è in pronto soccorso' },
    // Emergency access is for a social worker of the territory: one of another Ambito is not told the file exists.
    owned: { ...CASE_WORKERS, params: caseFile, reread: THE_CASE },
  },
  'POST /api/cases/{id}/status': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: caseFile, reread: THE_CASE },
  },
  'GET /api/cases/{id}/timeline': { deny: 'operatore', owned: { ...CASE_WORKERS, params: caseFile } },
  'POST /api/cases/{id}/entries': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: caseFile, reread: THE_CASE },
  },
  'POST /api/cases/{id}/assessments': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: caseFile, reread: THE_CASE },
  },
  'GET /api/cases/{id}/minor-assessments': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: caseFile, reread: THE_CASE },
  },
  'POST /api/cases/{id}/minor-assessments': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: caseFile, reread: THE_CASE },
  },
  'GET /api/cases/{id}/assessments/compare': {
    deny: 'operatore',
    query: { from: '00000000-0000-4000-8000-000000000001', to: '00000000-0000-4000-8000-000000000002' },
    owned: { ...CASE_WORKERS, params: caseFile, reread: THE_CASE },
  },
  'GET /api/cases/{id}/intervention-options': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: caseFile, reread: THE_CASE },
  },
  'GET /api/cases/{id}/budget-sources': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: caseFile, reread: THE_CASE },
  },
  'PUT /api/cases/{id}/discharges/{dischargeId}/home-plan': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: caseDischarge, reread: THE_CASE },
  },
  'POST /api/cases/{id}/plans': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: caseFile, reread: THE_CASE },
  },
  'PUT /api/cases/{id}/plans/{planId}': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: casePlan, reread: THE_CASE },
  },
  'POST /api/cases/{id}/plans/{planId}/transition': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: casePlan, reread: THE_CASE },
  },
  'POST /api/cases/{id}/plans/{planId}/budget': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: casePlan, reread: THE_CASE },
  },
  'POST /api/cases/{id}/plans/{planId}/budget/expenses': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: casePlan, reread: THE_CASE },
  },
  'POST /api/cases/{id}/plans/{planId}/budget/expenses/{expenseId}/reversal': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: caseExpense, reread: THE_CASE },
  },
  'POST /api/cases/{id}/discharges': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: caseFile, reread: THE_CASE },
  },
  'POST /api/cases/{id}/discharge-steps/{stepId}/complete': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: dischargeStep, reread: THE_CASE },
  },
  'POST /api/cases/{id}/documents': {
    deny: 'operatore',
    contentType: 'application/pdf',
    body: PDF,
    query: { title: 'Relazione' },
    owned: { ...CASE_WORKERS, params: caseFile, reread: THE_CASE },
  },
  'GET /api/cases/{id}/documents/{documentId}': {
    deny: 'operatore',
    owned: { ...CASE_WORKERS, params: caseDocument },
  },
  // Goods.
  'GET /api/goods/items': { deny: 'revisore', exempt: REFERENCE },
  'POST /api/goods/items': { deny: 'welfare_manager', exempt: REFERENCE },
  'GET /api/goods/points': { deny: 'revisore', list: { as: 'operatore' } },
  'POST /api/goods/points': { deny: 'coordinatore', exempt: CREATES },
  'GET /api/goods/points/{id}': { deny: 'revisore', owned: { as: 'operatore', params: point } },
  'GET /api/goods/donors': { deny: 'revisore', exempt: GOODS_DONORS },
  'POST /api/goods/donors': { deny: 'welfare_manager', exempt: CREATES },
  'GET /api/goods/donors/{id}': { deny: 'revisore', exempt: GOODS_DONORS },
  'GET /api/stock': {
    deny: 'revisore',
    owned: {
      as: 'operatore',
      params: point,
      query: ({ id }) => ({ point: id! }),
      reread: { op: 'GET /api/stock' },
    },
  },
  'GET /api/stock/batches': { deny: 'revisore', list: { as: 'operatore' } },
  'GET /api/stock/batches/{id}': { deny: 'revisore', owned: { as: 'operatore', params: batch } },
  'GET /api/stock/batches/{id}/receipt': {
    deny: 'revisore',
    // The PDF carries its creation time: the batch is what must be unchanged.
    owned: { as: 'operatore', params: batch, reread: { op: 'GET /api/stock/batches/{id}' } },
  },
  'POST /api/stock/donations': {
    deny: 'welfare_manager',
    owned: {
      as: 'operatore',
      params: point,
      body: ({ id }) => ({ pointId: id }),
      reread: { op: 'GET /api/goods/points/{id}' },
    },
  },
  'POST /api/stock/transfers': {
    deny: 'welfare_manager',
    owned: {
      as: 'operatore',
      params: point,
      body: ({ id }) => ({ fromPointId: id }),
      reread: { op: 'GET /api/goods/points/{id}' },
    },
  },
  'POST /api/stock/write-offs': {
    deny: 'welfare_manager',
    owned: {
      as: 'operatore',
      params: point,
      body: ({ id }) => ({ pointId: id, reason: 'Scaduto' }),
      reread: { op: 'GET /api/goods/points/{id}' },
    },
  },
  'POST /api/stock/batches/{id}/reverse': {
    deny: 'welfare_manager',
    owned: { as: 'operatore', params: batch, reread: { op: 'GET /api/stock/batches/{id}' } },
  },
  // The goods reports: the rows name points and comuni of the actor's territory (RLS), never a person.
  'GET /api/goods/reports': { deny: 'revisore', list: { as: 'operatore', rows: goodsReportRows } },
  'GET /api/goods/reports/export.csv': {
    deny: 'revisore',
    query: { report: 'stock' },
    list: { as: 'operatore', rows: csvRows },
  },
  'GET /api/goods/reports/export.xlsx': { deny: 'revisore', query: { report: 'stock' }, exempt: AGGREGATE },
  'GET /api/goods/parcel-templates': { deny: 'revisore', exempt: REFERENCE },
  'POST /api/goods/parcel-templates': { deny: 'welfare_manager', exempt: REFERENCE },
  'GET /api/parcels': { deny: 'welfare_manager', list: { as: 'operatore' } },
  'POST /api/parcels': {
    deny: 'welfare_manager',
    owned: { as: 'operatore', params: parcelPoint, body: ({ id }) => ({ pointId: id }), reread: THE_POINT },
  },
  'GET /api/parcels/{id}': { deny: 'welfare_manager', owned: { as: 'operatore', params: parcel } },
  'POST /api/parcels/{id}/pickup': {
    deny: 'welfare_manager',
    owned: { as: 'operatore', params: parcel, reread: { op: 'GET /api/parcels/{id}' } },
  },
  'GET /api/goods/campaigns': { deny: 'revisore', list: { as: 'operatore' } },
  'POST /api/goods/campaigns': { deny: 'welfare_manager', exempt: CREATES },
  'GET /api/goods/campaigns/{id}': { deny: 'revisore', owned: { as: 'operatore', params: goodsCampaign } },
  'GET /api/goods/campaigns/{id}/not-reached': {
    deny: 'welfare_manager',
    owned: { as: 'operatore', params: goodsCampaign },
  },
  'POST /api/goods/campaigns/{id}/deliveries': {
    deny: 'welfare_manager',
    owned: { as: 'operatore', params: goodsCampaign, reread: { op: 'GET /api/goods/campaigns/{id}' } },
  },
  'GET /api/assets': { deny: 'welfare_manager', list: { as: 'operatore' } },
  'POST /api/assets': { deny: 'welfare_manager', exempt: CREATES },
  'GET /api/loans': { deny: 'welfare_manager', list: { as: 'operatore' } },
  'POST /api/loans': {
    deny: 'welfare_manager',
    owned: {
      as: 'operatore',
      params: freeAsset,
      body: ({ id }) => ({ assetId: id }),
      reread: { op: 'GET /api/assets' },
    },
  },
  'POST /api/loans/{id}/return': {
    deny: 'welfare_manager',
    owned: { as: 'operatore', params: openLoan, reread: { op: 'GET /api/loans' } },
  },
  'GET /api/market/accounts': {
    deny: 'coordinatore',
    owned: { as: 'welfare_manager', params: socialMarket, query: ({ id }) => ({ point: id! }) },
  },
  'POST /api/market/accounts': {
    deny: 'coordinatore',
    owned: {
      as: 'welfare_manager',
      params: socialMarket,
      body: ({ id }) => ({ pointId: id }),
      reread: { ...THE_POINT, as: 'operatore' },
    },
  },
  'POST /api/market/credits': {
    deny: 'coordinatore',
    owned: {
      as: 'welfare_manager',
      params: socialMarket,
      body: ({ id }) => ({ pointId: id }),
      reread: { ...THE_POINT, as: 'operatore' },
    },
  },
  'GET /api/market/till': { deny: 'operatore', exempt: OWN },
  'POST /api/market/spend': {
    deny: 'operatore',
    exempt: 'the social market’s own till: a card code, not an id (distribution.int.test.ts)',
  },
  // Funds.
  'GET /api/funds/sources': { deny: 'operatore', exempt: REFERENCE },
  'POST /api/funds/sources': { deny: 'coordinatore', exempt: REFERENCE },
  'GET /api/funds/lines': {
    deny: 'operatore',
    // Lines of a project or an Ambito-wide allocation belong to no comune; a comune's share is compared.
    list: { as: 'amministratore', rows: (text) => rowsOf(text).filter((l) => l.comuneCode) },
  },
  'POST /api/funds/lines': { deny: 'coordinatore', exempt: CREATES },
  'GET /api/funds/lines/{id}': {
    deny: 'operatore',
    owned: { as: 'amministratore', of: 'CREMA', params: fundLine },
  },
  'POST /api/funds/lines/{id}/movements': {
    deny: 'revisore',
    owned: {
      as: 'amministratore',
      of: 'CREMA',
      params: fundLine,
      reread: { op: 'GET /api/funds/lines/{id}' },
    },
  },
  'POST /api/funds/movements/{id}/reversal': {
    deny: 'revisore',
    owned: {
      as: 'amministratore',
      of: 'CREMA',
      params: movement,
      reread: {
        op: 'GET /api/funds/lines/{id}',
        params: async (d) =>
          first(d, sql`SELECT line_id AS id FROM fund_movements WHERE id = ${(await movement(d)).id}`),
      },
    },
  },
  'GET /api/allocations': { deny: 'revisore', list: { as: 'amministratore' } },
  'POST /api/allocations': { deny: 'revisore', exempt: CREATES },
  'POST /api/allocations/preview': { deny: 'revisore', exempt: 'computes a split without saving it' },
  'GET /api/allocations/{id}': {
    deny: 'revisore',
    owned: { as: 'amministratore', of: 'CREMA', params: allocation },
  },
  'POST /api/allocations/{id}/reallocation': {
    deny: 'revisore',
    owned: {
      as: 'amministratore',
      of: 'CREMA',
      params: allocation,
      reread: { op: 'GET /api/allocations/{id}' },
    },
  },
  'GET /api/campaigns': { deny: 'operatore', exempt: CAMPAIGNS },
  'POST /api/campaigns': { deny: 'coordinatore', exempt: CREATES },
  'GET /api/campaigns/{id}': { deny: 'operatore', exempt: CAMPAIGNS },
  'GET /api/campaigns/{id}/donations': {
    deny: 'operatore',
    owned: { as: 'amministratore', params: cremonAiuta },
  },
  'POST /api/campaigns/{id}/donations': {
    deny: 'coordinatore',
    owned: { as: 'amministratore', params: cremonAiuta, reread: { op: 'GET /api/campaigns/{id}/donations' } },
  },
  'GET /api/donations/{id}/receipt': {
    deny: 'operatore',
    owned: {
      as: 'amministratore',
      params: (d) =>
        first(d, sql`SELECT id FROM fund_donations WHERE comune_code = ${CREMONA} ORDER BY id LIMIT 1`),
      // The receipt's PDF carries its creation time: the donation list is what must be unchanged.
      reread: { op: 'GET /api/campaigns/{id}/donations', params: cremonAiuta },
    },
  },
  'GET /api/campaigns/{id}/bank-lines': {
    deny: 'operatore',
    owned: { as: 'amministratore', params: cremonAiuta },
  },
  'POST /api/campaigns/{id}/bank-statements': {
    deny: 'coordinatore',
    contentType: 'text/csv',
    body: 'Data contabile;Importo;Descrizione\n02/04/2020;10,00;Bonifico\n',
    owned: {
      as: 'amministratore',
      params: cremonAiuta,
      reread: { op: 'GET /api/campaigns/{id}/bank-lines' },
    },
  },
  'POST /api/bank-lines/{id}/match': {
    deny: 'coordinatore',
    body: { donationId: '00000000-0000-4000-8000-000000000000' },
    owned: {
      as: 'amministratore',
      params: (d) =>
        first(
          d,
          sql`SELECT id FROM fund_bank_lines WHERE comune_code = ${CREMONA} AND donation_id IS NULL ORDER BY id LIMIT 1`,
        ),
      reread: { op: 'GET /api/campaigns/{id}/bank-lines', params: cremonAiuta },
    },
  },
  'GET /api/projects': { deny: 'operatore', exempt: PROJECTS },
  'POST /api/projects': { deny: 'coordinatore', exempt: PROJECTS },
  'PATCH /api/project-actions/{id}': { deny: 'revisore', body: { status: 'in_progress' }, exempt: PROJECTS },
  'GET /api/projects/{id}/report': { deny: 'operatore', exempt: PROJECTS },
  'POST /api/projects/{id}/imports': {
    deny: 'revisore',
    contentType: 'text/csv',
    body: 'tipo;voce;importo\n',
    exempt: PROJECTS,
  },
  'GET /api/funds/imports/{id}': {
    deny: 'revisore',
    owned: {
      as: 'amministratore',
      params: async (d) => {
        const projectId = await d.id(sql`SELECT id FROM fund_projects WHERE title = 'Fare Legami'`);
        const response = await d.env.app.inject({
          method: 'POST',
          url: `/api/projects/${projectId}/imports`,
          headers: { ...(await d.session('amministratore')).headers, 'content-type': 'text/csv' },
          payload: 'tipo;voce;importo;fonte\nvoce;Voce della prova;10,00;contributo\n',
        });
        return { id: response.json<{ importId: string }>().importId };
      },
    },
  },
  // Vouchers and economic-support programmes.
  'GET /api/programmes': {
    deny: 'coordinatore',
    list: { as: 'operatore', rows: (text) => rowsOf(text).filter((p) => p.comuneCode) },
  },
  'POST /api/programmes': { deny: 'operatore', exempt: CREATES },
  'GET /api/vouchers/reports': { deny: 'coordinatore', list: { as: 'operatore', rows: voucherReportRows } },
  'GET /api/vouchers/reports/export.csv': {
    deny: 'coordinatore',
    query: { report: 'comuni' },
    list: { as: 'operatore', rows: csvRows },
  },
  'GET /api/vouchers/reports/export.xlsx': {
    deny: 'coordinatore',
    query: { report: 'comuni' },
    exempt: AGGREGATE,
  },
  'GET /api/programmes/open': {
    deny: 'operatore',
    list: { as: 'cittadino', rows: (text) => rowsOf(text).filter((p) => p.id) },
  },
  'POST /api/programmes/{id}/applications/mine': {
    deny: 'operatore',
    owned: { as: 'cittadino', params: programme, reread: { op: 'GET /api/applications/mine' } },
  },
  'GET /api/applications/mine': { deny: 'operatore', exempt: OWN },
  'GET /api/programmes/{id}': { deny: 'coordinatore', owned: { as: 'operatore', params: programme } },
  'GET /api/programmes/{id}/applications': {
    deny: 'amministratore',
    owned: { as: 'operatore', params: programme },
  },
  'POST /api/programmes/{id}/applications': {
    deny: 'amministratore',
    owned: { as: 'operatore', params: programme, reread: { op: 'GET /api/programmes/{id}/applications' } },
  },
  'GET /api/programmes/{id}/signals': {
    deny: 'amministratore',
    owned: { as: 'operatore', params: programme },
  },
  'GET /api/applications/{id}': { deny: 'amministratore', owned: { as: 'operatore', params: application } },
  'POST /api/applications/{id}/decision': {
    deny: 'amministratore',
    owned: { as: 'operatore', params: application, reread: { op: 'GET /api/applications/{id}' } },
  },
  'POST /api/applications/{id}/voucher': {
    deny: 'amministratore',
    owned: { as: 'operatore', params: application, reread: { op: 'GET /api/applications/{id}' } },
  },
  'POST /api/applications/{id}/payment': {
    deny: 'amministratore',
    owned: { as: 'operatore', params: application, reread: { op: 'GET /api/applications/{id}' } },
  },
  'GET /api/vouchers/{id}': {
    deny: 'amministratore',
    owned: {
      as: 'operatore',
      params: async (d) => ({
        id: await d.id(sql`SELECT id FROM vouchers WHERE comune_code = ${CREMONA} LIMIT 1`),
      }),
    },
  },
  'POST /api/vouchers/redeem': {
    deny: 'operatore',
    exempt: 'the shop’s own till: a voucher code, not an id (vouchers.int.test.ts)',
  },
  'GET /api/shops': {
    deny: 'coordinatore',
    exempt:
      'the accredited shops are public: where a voucher can be spent (their takings are counted under row-level security)',
  },
  'POST /api/shops': { deny: 'operatore', exempt: CREATES },
  'GET /api/shops/me': { deny: 'operatore', exempt: OWN },
  // Service catalogue (issue 11): public for approved services, and so is its HSDS 3.0 API.
  'GET /api/services': { public: 'public catalogue search of approved services' },
  'GET /api/services/{id}': { public: 'public page of an approved service' },
  'GET /api/catalog/categories': { public: 'the catalogue taxonomy' },
  'GET /api/access-points': { public: 'the map of proximity access points' },
  'GET /api/hsds/services': { public: 'HSDS 3.0 open standard, approved services only' },
  'GET /api/hsds/services/{id}': { public: 'HSDS 3.0 open standard, approved services only' },
  'GET /api/hsds/organizations': { public: 'HSDS 3.0 open standard: providers of approved services' },
  'GET /api/hsds/organizations/{id}': { public: 'HSDS 3.0 open standard: providers of approved services' },
  'GET /api/hsds/service_at_locations': { public: 'HSDS 3.0 open standard, approved services only' },
  'GET /api/hsds/taxonomies': { public: 'HSDS 3.0 open standard: the taxonomy' },
  'GET /api/hsds/taxonomy_terms': { public: 'HSDS 3.0 open standard: the taxonomy' },
  'POST /api/services': { deny: 'operatore', exempt: CREATES },
  'PUT /api/services/{id}': {
    deny: 'operatore',
    owned: { as: 'amministratore', params: service, reread: { op: 'GET /api/services/{id}' } },
  },
  'POST /api/services/{id}/moderation': {
    deny: 'fornitore',
    owned: { as: 'amministratore', params: service, reread: { op: 'GET /api/services/{id}' } },
  },
  'GET /api/provider/organizations': {
    deny: 'operatore',
    exempt: 'the provider organisations the actor’s own memberships name',
  },
  'GET /api/catalog/managed-services': { deny: 'operatore', list: { as: 'amministratore' } },
  'GET /api/tariff-rules': { deny: 'fornitore', list: { as: 'amministratore' } },
  'POST /api/tariff-rules': {
    deny: 'fornitore',
    body: { scopeType: 'ambito', scopeId: 'CREMONA', categoryId: 'home-care' },
    exempt: CREATES,
  },
  'POST /api/tariff-rules/preview': {
    deny: 'fornitore',
    exempt: 'prices the draft rule in its body with the tariff engine: reads and saves nothing',
  },
  'GET /api/people/{id}/isee': { deny: 'operatore', owned: { as: 'welfare_manager', params: iseePerson } },
  'POST /api/people/{id}/isee': {
    deny: 'operatore',
    owned: { as: 'welfare_manager', params: iseePerson, reread: { op: 'GET /api/people/{id}/isee' } },
  },
  'POST /api/isee/{id}/verify': {
    deny: 'welfare_manager',
    owned: {
      as: 'assistente_sociale',
      params: async (d) => ({
        id: await d.id(sql`SELECT id FROM isee_declarations WHERE comune_code = ${CREMONA} LIMIT 1`),
      }),
      reread: { op: 'GET /api/people/{id}/isee', params: iseePerson },
    },
  },
  'GET /api/people/{id}/orientation-notes': {
    deny: 'operatore',
    owned: { as: 'welfare_manager', params: iseePerson },
  },
  'POST /api/people/{id}/orientation-notes': {
    deny: 'operatore',
    body: { note: 'Orientata al servizio pasti a domicilio' },
    owned: {
      as: 'welfare_manager',
      params: iseePerson,
      reread: { op: 'GET /api/people/{id}/orientation-notes' },
    },
  },
  'GET /api/me/isee': { deny: 'operatore', exempt: OWN },
  'GET /api/me/contact': { deny: 'operatore', exempt: OWN },
  'GET /api/me/access-points': { deny: 'operatore', exempt: OWN },
  'POST /api/orders': { deny: 'welfare_manager', exempt: CREATES },
  'GET /api/orders': { deny: 'operatore', list: { as: 'welfare_manager' } },
  'GET /api/orders/{id}': { deny: 'operatore', owned: { as: 'welfare_manager', params: order } },
  'POST /api/orders/{id}/confirm': {
    deny: 'welfare_manager',
    owned: { as: 'fornitore', params: order, reread: THE_ORDER },
  },
  'POST /api/orders/{id}/decline': {
    deny: 'welfare_manager',
    body: { reason: 'Posti esauriti' },
    owned: { as: 'fornitore', params: order, reread: THE_ORDER },
  },
  'POST /api/orders/{id}/deliver': {
    deny: 'welfare_manager',
    owned: { as: 'fornitore', params: order, reread: THE_ORDER },
  },
  'POST /api/orders/{id}/close': {
    deny: 'welfare_manager',
    owned: { as: 'fornitore', params: order, reread: THE_ORDER },
  },
  'POST /api/orders/{id}/cancel': {
    deny: 'operatore',
    body: { reason: 'Non serve più' },
    owned: { as: 'welfare_manager', params: order, reread: THE_ORDER },
  },
  'POST /api/orders/{id}/payment': {
    deny: 'operatore',
    owned: { as: 'welfare_manager', params: order, reread: THE_ORDER },
  },
  'GET /api/provider/statement': {
    deny: 'amministratore',
    exempt: 'the provider’s own orders, by its organisation',
  },
  'POST /api/catalog/imports': {
    deny: 'operatore',
    contentType: 'text/csv',
    body: 'nome;categoria;prezzo_listino;prezzo_calmierato;comuni\n',
    exempt: CREATES,
  },
  'GET /api/catalog/imports/{id}': {
    deny: 'operatore',
    owned: {
      as: 'amministratore',
      params: async (d) => {
        const providerId = await d.id(
          sql`SELECT id FROM organizations WHERE name = 'Consorzio Sol.Co Cremona'`,
        );
        const response = await d.env.app.inject({
          method: 'POST',
          url: `/api/catalog/imports?providerId=${providerId}`,
          headers: { ...(await d.session('amministratore')).headers, 'content-type': 'text/csv' },
          payload:
            'nome;descrizione;categoria;prezzo_listino;prezzo_calmierato;comuni\nPasti;Pasti caldi a domicilio;pasti_domicilio;9;7;Cremona\n',
        });
        return { id: response.json<{ importId: string }>().importId };
      },
    },
  },
  'GET /api/provider/statement/export': {
    deny: 'amministratore',
    exempt: 'the provider’s own orders, by its organisation',
  },

  // SIUSS (issue 13): the flows of social benefits to INPS, and INPS's WaaS client.
  'GET /api/siuss/codes': {
    deny: 'operatore',
    exempt: 'the installation-wide mapping of kinds of benefit to INPS codes: no personal data',
  },
  // An Ambito's administrator is refused: the mapping is changed only by a province-wide one.
  'PUT /api/siuss/codes/{kind}': { deny: 'amministratore', exempt: PROVINCE_WIDE },
  'GET /api/siuss/entes': {
    deny: 'operatore',
    list: { as: 'amministratore', rows: (body) => siussRows(body, (e) => e.comuneCode) },
  },
  'PUT /api/siuss/entes/{code}': {
    deny: 'operatore',
    body: { cfOperatore: '00297960197', denominazione: 'Comune di prova' },
    owned: { as: 'amministratore', params: async () => ({ code: CREMONA }), reread: SIUSS_ENTES },
  },
  'POST /api/siuss/entes/{code}/key': {
    deny: 'operatore',
    owned: { as: 'amministratore', params: async () => ({ code: CREMONA }), reread: SIUSS_ENTES },
  },
  'GET /api/siuss/export': {
    deny: 'operatore',
    list: {
      as: 'amministratore',
      query: async () => ({ from: `${THIS_YEAR}-01-01`, to: `${THIS_YEAR}-12-31` }),
      rows: (body) => siussRows((JSON.parse(body) as { files: unknown }).files, (f) => f.comuneCode),
    },
  },
  'GET /api/siuss/records': { deny: 'operatore', list: { as: 'amministratore' } },
  'GET /api/siuss/waas/flussi': {
    public: 'INPS’s WaaS client: no session, the comune’s key (Bearer), checked before the request is read',
  },
  'POST /api/siuss/waas/esiti': {
    public: 'INPS’s WaaS client: no session, the comune’s key (Bearer), checked before the request is read',
  },
  'GET /api/siuss/waas/status': {
    public: 'INPS’s WaaS health check (declared without security): nothing about any comune',
  },
  // Collaboration pacts (issue 13): the register and the pacts in force are published.
  'GET /api/commons': { public: 'the register of the commons: public places, no personal data' },
  'POST /api/commons': { deny: 'operatore', exempt: CREATES },
  'GET /api/public/pacts': {
    public: 'the pacts in force as the regulation publishes them: no contact, no citizen’s name',
  },
  'GET /api/pacts/proposals': { deny: 'coordinatore', list: { as: 'welfare_manager' } },
  'POST /api/pacts/proposals': { deny: 'coordinatore', exempt: CREATES },
  'POST /api/pacts/proposals/{id}/decision': {
    deny: 'operatore',
    owned: { as: 'welfare_manager', params: pactProposal, reread: { op: 'GET /api/pacts/proposals' } },
  },
  'POST /api/pacts': { deny: 'operatore', exempt: CREATES },
  'GET /api/pacts': { deny: 'coordinatore', list: { as: 'welfare_manager' } },
  'GET /api/pacts/{id}': { deny: 'coordinatore', owned: { as: 'welfare_manager', params: pact } },
  'POST /api/pacts/{id}/renewal': {
    deny: 'operatore',
    owned: { as: 'welfare_manager', params: pact, reread: THE_PACT },
  },
  'POST /api/pacts/{id}/activities': {
    deny: 'operatore',
    owned: { as: 'welfare_manager', params: pact, reread: THE_PACT },
  },
  // Co-design (issue 13): calls and agreements are published; proposals name the bodies' contacts.
  'GET /api/public/codesign/calls': {
    public: 'calls, criteria and agreements as published: no proposal, no contact person',
  },
  'POST /api/codesign/calls': { deny: 'welfare_manager', exempt: CREATES },
  'GET /api/codesign/calls/{id}': {
    deny: 'operatore',
    owned: { as: 'welfare_manager', of: 'CREMA', params: codesignCall },
  },
  'POST /api/codesign/calls/{id}/proposals': {
    deny: 'welfare_manager',
    owned: { as: 'amministratore', of: 'CREMA', params: codesignCall, reread: THE_CALL },
  },
  'POST /api/codesign/proposals/{id}/scores': {
    deny: 'welfare_manager',
    owned: {
      as: 'amministratore',
      of: 'CREMA',
      params: codesignProposal,
      reread: { ...THE_CALL, params: codesignCall },
    },
  },
  'POST /api/codesign/calls/{id}/agreement': {
    deny: 'welfare_manager',
    owned: { as: 'amministratore', of: 'CREMA', params: codesignCall, reread: THE_CALL },
  },
};

/** Operations swept only in part, each with why; the count prints them as gaps. */
export const KNOWN_GAPS: Record<string, string> = {};
