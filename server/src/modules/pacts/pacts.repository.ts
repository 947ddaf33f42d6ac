import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type {
  CreateActivityBody,
  CreateCommonsBody,
  CreateProposalBody,
  PartyInput,
} from '../../../../shared/src/pacts/pacts.schemas.js';

/*
 * The only SQL of the pacts' tables. Every function takes the caller's transaction: scoped
 * (withScope) for staff and citizens, public (withPublicScope) for the published pages, where
 * row-level security returns no proposal and no contact.
 */

export interface CommonsRow {
  id: string;
  comuneCode: string;
  comuneName: string;
  name: string;
  kind: CreateCommonsBody['kind'];
  place: string;
  latitude: number;
  longitude: number;
  description: string;
}

const COMMONS_SELECT = sql`
  SELECT b.id, b.comune_code AS "comuneCode", c.name AS "comuneName", b.name, b.kind, b.place,
         b.latitude, b.longitude, b.description
  FROM commons b JOIN comuni c ON c.istat_code = b.comune_code`;

export async function listCommons(tx: Tx, comune: string | null): Promise<CommonsRow[]> {
  return queryRows<CommonsRow>(
    tx,
    sql`${COMMONS_SELECT} WHERE (${comune}::text IS NULL OR b.comune_code = ${comune}) ORDER BY c.name, b.name`,
  );
}

export async function findCommons(tx: Tx, id: string): Promise<CommonsRow | null> {
  const [row] = await queryRows<CommonsRow>(tx, sql`${COMMONS_SELECT} WHERE b.id = ${id}`);
  return row ?? null;
}

export async function insertCommons(tx: Tx, v: CreateCommonsBody): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO commons (comune_code, name, kind, place, latitude, longitude, description)
        VALUES (${v.comuneCode}, ${v.name}, ${v.kind}, ${v.place}, ${v.latitude}, ${v.longitude}, ${v.description ?? ''})
        ON CONFLICT (comune_code, name) DO NOTHING RETURNING id`,
  );
  return row?.id ?? '';
}

export interface ProposalRow {
  id: string;
  comuneCode: string;
  commonsId: string | null;
  commonsName: string;
  title: string;
  description: string;
  proposerKind: 'citizen' | 'group';
  groupName: string | null;
  proposerFullName: string;
  proposerEmail: string | null;
  proposerPhone: string | null;
  submittedBy: string | null;
  status: 'received' | 'accepted' | 'rejected';
  decisionNote: string | null;
  createdAt: string;
}

const PROPOSAL_SELECT = sql`
  SELECT p.id, p.comune_code AS "comuneCode", p.commons_id AS "commonsId",
         coalesce(b.name, p.commons_name) AS "commonsName", p.title, p.description,
         p.proposer_kind AS "proposerKind", p.group_name AS "groupName", p.proposer_full_name AS "proposerFullName",
         p.proposer_email AS "proposerEmail", p.proposer_phone AS "proposerPhone", p.submitted_by AS "submittedBy",
         p.status, p.decision_note AS "decisionNote", to_char(p.created_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
  FROM pact_proposals p LEFT JOIN commons b ON b.id = p.commons_id`;

export async function insertProposal(
  tx: Tx,
  v: Omit<CreateProposalBody, 'proposerFullName'> & { proposerFullName: string; submittedBy: string | null },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO pact_proposals (comune_code, commons_id, commons_name, title, description, proposer_kind, group_name,
          proposer_full_name, proposer_email, proposer_phone, submitted_by)
        VALUES (${v.comuneCode}, ${v.commonsId ?? null}, ${v.commonsName ?? null}, ${v.title}, ${v.description},
          ${v.proposerKind}, ${v.groupName ?? null}, ${v.proposerFullName}, ${v.proposerEmail ?? null},
          ${v.proposerPhone ?? null}, ${v.submittedBy})
        RETURNING id`,
  );
  return row!.id;
}

export async function findProposal(tx: Tx, id: string): Promise<ProposalRow | null> {
  const [row] = await queryRows<ProposalRow>(tx, sql`${PROPOSAL_SELECT} WHERE p.id = ${id}`);
  return row ?? null;
}

/** Proposals visible in the transaction's territory; only one account's when `submittedBy` is given. */
export async function listProposals(tx: Tx, submittedBy: string | null): Promise<ProposalRow[]> {
  return queryRows<ProposalRow>(
    tx,
    sql`${PROPOSAL_SELECT} WHERE (${submittedBy}::uuid IS NULL OR p.submitted_by = ${submittedBy})
        ORDER BY p.created_at DESC, p.id`,
  );
}

/** Decides a proposal still received; false when someone decided it first. */
export async function decideProposal(
  tx: Tx,
  id: string,
  status: 'accepted' | 'rejected',
  note: string,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE pact_proposals SET status = ${status}, decision_note = ${note}
        WHERE id = ${id} AND status = 'received' RETURNING id`,
  );
  return rows.length === 1;
}

export interface PactRow {
  id: string;
  comuneCode: string;
  commonsId: string;
  proposalId: string | null;
  title: string;
  purpose: string;
  comuneSupport: string;
  startsOn: string;
  endsOn: string;
  renewal: 'none' | 'on_request';
  renewedFromId: string | null;
  renewedById: string | null;
  activities: number;
  hours: number;
}

const PACT_SELECT = sql`
  SELECT t.id, t.comune_code AS "comuneCode", t.commons_id AS "commonsId", t.proposal_id AS "proposalId",
         t.title, t.purpose, t.comune_support AS "comuneSupport", to_char(t.starts_on, 'YYYY-MM-DD') AS "startsOn",
         to_char(t.ends_on, 'YYYY-MM-DD') AS "endsOn", t.renewal, t.renewed_from_id AS "renewedFromId",
         (SELECT n.id FROM pacts n WHERE n.renewed_from_id = t.id) AS "renewedById",
         (SELECT count(*)::int FROM pact_activities a WHERE a.pact_id = t.id) AS activities,
         (SELECT coalesce(sum(a.hours), 0)::float8 FROM pact_activities a WHERE a.pact_id = t.id) AS hours
  FROM pacts t`;

export async function findPact(tx: Tx, id: string): Promise<PactRow | null> {
  const [row] = await queryRows<PactRow>(tx, sql`${PACT_SELECT} WHERE t.id = ${id}`);
  return row ?? null;
}

/** The pacts in force on a day, optionally of one comune. */
export async function listPactsInForce(tx: Tx, today: string, comune: string | null): Promise<PactRow[]> {
  return queryRows<PactRow>(
    tx,
    sql`${PACT_SELECT} WHERE t.starts_on <= ${today}::date AND t.ends_on >= ${today}::date
          AND (${comune}::text IS NULL OR t.comune_code = ${comune})
        ORDER BY t.comune_code, t.title`,
  );
}

/** Every pact, upcoming, in force or ended, of the given comuni (all when null), latest ending first. */
export async function listPacts(tx: Tx, comuni: readonly string[] | null): Promise<PactRow[]> {
  return queryRows<PactRow>(
    tx,
    sql`${PACT_SELECT} WHERE (${comuni === null} OR t.comune_code = ANY(${pgArray(comuni ?? [])}::text[]))
        ORDER BY t.ends_on DESC, t.title, t.id`,
  );
}

export async function insertPact(
  tx: Tx,
  v: {
    comuneCode: string;
    commonsId: string;
    proposalId: string | null;
    title: string;
    purpose: string;
    comuneSupport: string;
    startsOn: string;
    endsOn: string;
    renewal: 'none' | 'on_request';
    renewedFromId: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO pacts (comune_code, commons_id, proposal_id, title, purpose, comune_support, starts_on, ends_on,
          renewal, renewed_from_id, created_by)
        VALUES (${v.comuneCode}, ${v.commonsId}, ${v.proposalId}, ${v.title}, ${v.purpose}, ${v.comuneSupport},
          ${v.startsOn}, ${v.endsOn}, ${v.renewal}, ${v.renewedFromId}, ${v.createdBy})
        RETURNING id`,
  );
  return row!.id;
}

export async function proposalHasPact(tx: Tx, proposalId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM pacts WHERE proposal_id = ${proposalId}`,
  );
  return rows.length > 0;
}

export async function insertParties(
  tx: Tx,
  pactId: string,
  comuneCode: string,
  parties: readonly PartyInput[],
): Promise<void> {
  for (const [position, p] of parties.entries()) {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO pact_parties (pact_id, kind, public_name, organization_id, duties, position)
          VALUES (${pactId}, ${p.kind}, ${p.publicName ?? null}, ${p.organizationId ?? null}, ${p.duties}, ${position})
          RETURNING id`,
    );
    if (p.contact)
      await tx.execute(
        sql`INSERT INTO pact_party_contacts (party_id, comune_code, contact_full_name, contact_email, contact_phone)
            VALUES (${row!.id}, ${comuneCode}, ${p.contact.fullName}, ${p.contact.email ?? null}, ${p.contact.phone ?? null})`,
      );
  }
}

export interface PartyRow {
  id: string;
  pactId: string;
  kind: PartyInput['kind'];
  name: string | null;
  organizationId: string | null;
  duties: string;
  contactFullName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

/** The parties of some pacts, with their contacts where row-level security shows them. */
export async function listParties(tx: Tx, pactIds: readonly string[]): Promise<PartyRow[]> {
  if (pactIds.length === 0) return [];
  return queryRows<PartyRow>(
    tx,
    sql`SELECT y.id, y.pact_id AS "pactId", y.kind, y.public_name AS name, y.organization_id AS "organizationId",
               y.duties, k.contact_full_name AS "contactFullName", k.contact_email AS "contactEmail",
               k.contact_phone AS "contactPhone"
        FROM pact_parties y LEFT JOIN pact_party_contacts k ON k.party_id = y.id
        WHERE y.pact_id = ANY(${pgArray(pactIds)}::uuid[])
        ORDER BY y.pact_id, y.position`,
  );
}

/** The public side of the parties: never a contact. */
export async function listPublicParties(tx: Tx, pactIds: readonly string[]): Promise<PartyRow[]> {
  if (pactIds.length === 0) return [];
  return queryRows<PartyRow>(
    tx,
    sql`SELECT y.id, y.pact_id AS "pactId", y.kind, y.public_name AS name, y.organization_id AS "organizationId",
               y.duties, NULL AS "contactFullName", NULL AS "contactEmail", NULL AS "contactPhone"
        FROM pact_parties y
        WHERE y.pact_id = ANY(${pgArray(pactIds)}::uuid[])
        ORDER BY y.pact_id, y.position`,
  );
}

export async function organizationsExist(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM organizations WHERE id = ANY(${pgArray(ids)}::uuid[])`,
  );
  return new Set(rows.map((r) => r.id));
}

export interface ActivityRow {
  id: string;
  occurredOn: string;
  description: string;
  participants: number;
  hours: number;
}

export async function listActivities(tx: Tx, pactId: string): Promise<ActivityRow[]> {
  return queryRows<ActivityRow>(
    tx,
    sql`SELECT id, to_char(occurred_on, 'YYYY-MM-DD') AS "occurredOn", description, participants, hours::float8 AS hours
        FROM pact_activities WHERE pact_id = ${pactId} ORDER BY occurred_on DESC, created_at DESC`,
  );
}

export async function insertActivity(
  tx: Tx,
  pactId: string,
  v: CreateActivityBody,
  recordedBy: string | null,
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO pact_activities (pact_id, occurred_on, description, participants, hours, recorded_by)
        VALUES (${pactId}, ${v.occurredOn}, ${v.description}, ${v.participants}, ${v.hours}, ${recordedBy})
        RETURNING id`,
  );
  return row!.id;
}
