import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../platform/access/roles.js';
import { CREMONA, type TestEnv } from './harness.js';

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

/** What the sweep hands an entry to find ids in the demo data. */
export interface SweepData {
  env: TestEnv;
  /** The first row's `id` column of a system query on the seeded demo data; throws when none. */
  id(query: SQL): Promise<string>;
}

export type PathParams = Record<string, string>;

export interface Owned {
  /** Path parameters naming a record of the Ambito Cremonese (or a request for one). */
  params(data: SweepData): Promise<PathParams>;
  /** The role that holds the capability: over the Cremasco it must get 404. */
  as: Role;
  /** Who re-reads the record and how (default: the same role, `GET` of the same path). */
  reread?: { as?: Role; op?: string };
}

export interface List {
  /** The role that holds the capability; its list over the Cremonese must not be empty. */
  as: Role;
  /** The rows of the response (default: `items`, or the body when it is an array). */
  rows?: (body: unknown) => { id: unknown }[];
  /** A query naming records of the Cremonese (instead of the entry's `query`). */
  query?: (data: SweepData) => Promise<PathParams>;
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

// The export lists the reads of the record, the export itself included: the registry is re-read.
const THE_PERSON = { as: 'operatore', op: 'GET /api/people/{id}' } as const;

/** A person of the demo registry living in Cremona. */
const person = async (d: SweepData) => ({
  id: await d.id(sql`SELECT id FROM people WHERE comune_code = ${CREMONA} ORDER BY family_name LIMIT 1`),
});

export const SWEEP: Record<string, SweepEntry> = {
  // Platform and session.
  'GET /api/health': { public: 'load balancers probe it' },
  'GET /api/site': { public: 'the public home: help line, contact address, whether demo logins exist' },
  'POST /api/auth/login': { public: 'opens the session (rate-limited, Origin checked)' },
  'POST /api/auth/logout': { public: 'ends a session if there is one; harmless without' },
  'GET /api/auth/me': {
    deny: ALL_SIGNED_IN('every signed-in user reads their own session'),
    exempt: 'the actor’s own account',
  },
  'POST /api/auth/password': {
    deny: ALL_SIGNED_IN('every signed-in user changes their own password'),
    exempt: 'the actor’s own account',
  },

  // Accounts.
  'GET /api/users': { deny: 'operatore' },
  'POST /api/users': { deny: 'operatore' },
  'POST /api/users/{id}/reset-password': { deny: 'operatore' },

  // Territory.
  'GET /api/ambiti': { public: 'territory: ISTAT open data' },
  'GET /api/comuni': { public: 'territory: ISTAT open data' },
  'GET /api/comuni/{code}': { public: 'territory: ISTAT open data' },
  'PATCH /api/comuni/{code}': { deny: 'operatore', body: { ambitoId: 'CREMONA' } },
  'POST /api/sub-ambiti': { deny: 'operatore' },
  'GET /api/map-settings': {
    deny: ALL_SIGNED_IN('every signed-in user draws the map'),
    exempt: 'the map’s tiles and centre: no record of a territory',
  },

  // Organisations.
  'GET /api/organizations': { deny: 'esercente' },
  'POST /api/organizations': { deny: 'operatore' },
  'GET /api/organizations/{id}': { deny: 'esercente' },

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
  'GET /api/audit': { deny: 'amministratore' },
  'GET /api/audit/export.csv': { deny: 'amministratore' },

  // Volunteers.
  'POST /api/volunteers/offers': { public: 'the public volunteer offer form (rate-limited)' },
  'GET /api/volunteers': { deny: 'operatore' },
  'POST /api/volunteers': { deny: 'operatore' },
  'GET /api/volunteers/{id}': { deny: 'operatore' },
  'PUT /api/volunteers/{id}': { deny: 'operatore', body: { hasCar: true } },
  'POST /api/volunteers/{id}/review': { deny: 'operatore' },
  'POST /api/volunteers/imports': { deny: 'operatore', contentType: 'text/csv', body: 'nome;cognome\n' },
  'GET /api/volunteers/imports/{id}': { deny: 'operatore' },

  // Interventions and competence rules.
  'GET /api/intervention-types': { public: 'the catalogue the citizens’ form lists' },
  'POST /api/intervention-types': { deny: 'operatore' },
  'PUT /api/intervention-types/{id}': { deny: 'operatore' },
  'GET /api/competence-rules': { deny: 'revisore' },
  'PUT /api/competence-rules': { deny: 'operatore' },
  'GET /api/competence-rules/resolve': { deny: 'revisore' },

  // Help requests.
  'GET /api/requests': { deny: 'revisore' },
  'POST /api/requests': { deny: 'coordinatore' },
  'POST /api/requests/online': { deny: 'operatore' },
  'GET /api/requests/mine': { deny: 'operatore' },
  'GET /api/requests/{id}': { deny: 'revisore' },
  'POST /api/requests/{id}/triage': { deny: 'coordinatore' },
  'POST /api/requests/{id}/cancel': { deny: 'coordinatore' },

  // Tasks.
  'GET /api/tasks': { deny: 'welfare_manager' },
  'GET /api/tasks/mine': { deny: 'operatore' },
  'GET /api/tasks/{id}': { deny: 'welfare_manager' },
  'GET /api/tasks/{id}/suggestions': { deny: 'operatore' },
  'POST /api/tasks/{id}/assign': { deny: 'operatore' },
  'POST /api/tasks/{id}/accept': { deny: 'operatore' },
  'POST /api/tasks/{id}/decline': { deny: 'operatore' },
  'POST /api/tasks/{id}/complete': { deny: 'operatore' },
  'POST /api/tasks/{id}/reimburse': { deny: 'operatore' },

  // Round plans.
  'POST /api/rounds': { deny: 'operatore' },
  'GET /api/rounds': { deny: 'operatore' },
  'GET /api/rounds/{id}': { deny: 'operatore' },
  'POST /api/rounds/{id}/move': { deny: 'operatore' },
  'POST /api/rounds/{id}/publish': { deny: 'operatore' },
  'POST /api/rounds/{id}/drop-out': { deny: 'operatore' },

  // Dashboard.
  'GET /api/dashboard': { deny: 'welfare_manager' },
  'GET /api/dashboard/export.csv': { deny: 'welfare_manager' },

  // Reports and open data.
  'GET /api/open-data': { public: 'open data catalogue, after disclosure control' },
  'GET /api/open-data/{year}/{territory}/{dataset}.csv': { public: 'open data, after disclosure control' },
  'POST /api/open-data/{year}/{territory}/publish': { deny: 'operatore' },
  'GET /api/open-data/publications/{id}': { deny: 'operatore' },

  // Case files.
  'GET /api/cases': { deny: 'operatore' },
  'POST /api/cases': { deny: 'operatore' },
  'GET /api/cases/board': { deny: 'operatore' },
  'GET /api/social-teams': { deny: 'operatore' },
  'GET /api/cases/{id}': { deny: 'operatore' },
  'POST /api/cases/{id}/break-glass': {
    deny: 'operatore',
    body: { reason: 'Accesso urgente: la persona è in pronto soccorso' },
  },
  'POST /api/cases/{id}/status': { deny: 'operatore' },
  'GET /api/cases/{id}/timeline': { deny: 'operatore' },
  'POST /api/cases/{id}/entries': { deny: 'operatore' },
  'POST /api/cases/{id}/assessments': { deny: 'operatore' },
  'GET /api/cases/{id}/assessments/compare': {
    deny: 'operatore',
    query: { from: '00000000-0000-4000-8000-000000000001', to: '00000000-0000-4000-8000-000000000002' },
  },
  'POST /api/cases/{id}/plans': { deny: 'operatore' },
  'PUT /api/cases/{id}/plans/{planId}': { deny: 'operatore' },
  'POST /api/cases/{id}/plans/{planId}/transition': { deny: 'operatore' },
  'POST /api/cases/{id}/plans/{planId}/budget': { deny: 'operatore' },
  'POST /api/cases/{id}/plans/{planId}/budget/expenses': { deny: 'operatore' },
  'POST /api/cases/{id}/discharges': { deny: 'operatore' },
  'POST /api/cases/{id}/discharge-steps/{stepId}/complete': { deny: 'operatore' },
  'POST /api/cases/{id}/documents': {
    deny: 'operatore',
    contentType: 'application/pdf',
    body: '%PDF-1.4\n%%EOF\n',
    query: { title: 'Relazione' },
  },
  'GET /api/cases/{id}/documents/{documentId}': { deny: 'operatore' },

  // Goods.
  'GET /api/goods/items': { deny: 'revisore' },
  'POST /api/goods/items': { deny: 'welfare_manager' },
  'GET /api/goods/points': { deny: 'revisore' },
  'POST /api/goods/points': { deny: 'coordinatore' },
  'GET /api/goods/points/{id}': { deny: 'revisore' },
  'GET /api/goods/donors': { deny: 'revisore' },
  'POST /api/goods/donors': { deny: 'welfare_manager' },
  'GET /api/goods/donors/{id}': { deny: 'revisore' },
  'GET /api/stock': { deny: 'revisore' },
  'GET /api/stock/batches': { deny: 'revisore' },
  'GET /api/stock/batches/{id}': { deny: 'revisore' },
  'POST /api/stock/donations': { deny: 'welfare_manager' },
  'POST /api/stock/transfers': { deny: 'welfare_manager' },
  'POST /api/stock/write-offs': { deny: 'welfare_manager' },
  'POST /api/stock/batches/{id}/reverse': { deny: 'welfare_manager' },

  // Funds.
  'GET /api/funds/sources': { deny: 'operatore' },
  'POST /api/funds/sources': { deny: 'coordinatore' },
  'GET /api/funds/lines': { deny: 'operatore' },
  'POST /api/funds/lines': { deny: 'coordinatore' },
  'GET /api/funds/lines/{id}': { deny: 'operatore' },
  'POST /api/funds/lines/{id}/movements': { deny: 'revisore' },
  'POST /api/funds/movements/{id}/reversal': { deny: 'revisore' },
  'GET /api/allocations': { deny: 'revisore' },
  'POST /api/allocations': { deny: 'revisore' },
  'POST /api/allocations/preview': { deny: 'revisore' },
  'GET /api/allocations/{id}': { deny: 'revisore' },
  'POST /api/allocations/{id}/reallocation': { deny: 'revisore' },
  'GET /api/campaigns': { deny: 'operatore' },
  'POST /api/campaigns': { deny: 'coordinatore' },
  'GET /api/campaigns/{id}': { deny: 'operatore' },
  'GET /api/projects': { deny: 'operatore' },
  'POST /api/projects': { deny: 'coordinatore' },
  'PATCH /api/project-actions/{id}': { deny: 'revisore', body: { status: 'in_progress' } },
  'GET /api/projects/{id}/report': { deny: 'operatore' },

  // Vouchers and economic-support programmes.
  'GET /api/programmes': { deny: 'coordinatore' },
  'POST /api/programmes': { deny: 'operatore' },
  'GET /api/programmes/{id}': { deny: 'coordinatore' },
  'GET /api/programmes/{id}/applications': { deny: 'amministratore' },
  'POST /api/programmes/{id}/applications': { deny: 'amministratore' },
  'GET /api/programmes/{id}/signals': { deny: 'amministratore' },
  'GET /api/applications/{id}': { deny: 'amministratore' },
  'POST /api/applications/{id}/decision': { deny: 'amministratore' },
  'POST /api/applications/{id}/voucher': { deny: 'amministratore' },
  'POST /api/applications/{id}/payment': { deny: 'amministratore' },
  'GET /api/vouchers/{id}': { deny: 'amministratore' },
  'POST /api/vouchers/redeem': { deny: 'operatore' },
  'GET /api/shops': { deny: 'coordinatore' },
  'POST /api/shops': { deny: 'operatore' },
  'GET /api/shops/me': { deny: 'operatore' },

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
  'POST /api/services': { deny: 'operatore' },
  'PUT /api/services/{id}': { deny: 'operatore' },
  'POST /api/services/{id}/moderation': { deny: 'fornitore' },
  'GET /api/catalog/managed-services': { deny: 'operatore' },
  'GET /api/tariff-rules': { deny: 'fornitore' },
  'POST /api/tariff-rules': {
    deny: 'fornitore',
    body: { scopeType: 'ambito', scopeId: 'CREMONA', categoryId: 'home-care' },
  },
  'GET /api/people/{id}/isee': { deny: 'operatore' },
  'POST /api/people/{id}/isee': { deny: 'operatore' },
  'POST /api/isee/{id}/verify': { deny: 'welfare_manager' },
  'GET /api/me/isee': { deny: 'operatore' },
  'GET /api/me/access-points': { deny: 'operatore' },
  'POST /api/orders': { deny: 'welfare_manager' },
  'GET /api/orders': { deny: 'operatore' },
  'GET /api/orders/{id}': { deny: 'operatore' },
  'POST /api/orders/{id}/confirm': { deny: 'welfare_manager' },
  'POST /api/orders/{id}/decline': { deny: 'welfare_manager', body: { reason: 'Posti esauriti' } },
  'POST /api/orders/{id}/deliver': { deny: 'welfare_manager' },
  'POST /api/orders/{id}/close': { deny: 'welfare_manager' },
  'POST /api/orders/{id}/cancel': { deny: 'operatore', body: { reason: 'Non serve più' } },
  'POST /api/orders/{id}/payment': { deny: 'operatore' },
  'GET /api/provider/statement': { deny: 'amministratore' },
  'GET /api/provider/statement/export': { deny: 'amministratore' },
};

/** Operations swept only in part, each with why; the count prints them as gaps. */
export const KNOWN_GAPS: Record<string, string> = {};
