import { queryRows, sql, type Tx } from '../../platform/db/database.js';
import type {
  CreateOrganizationBody,
  Organization,
  OrganizationKind,
} from '../../../../shared/src/organizations/organizations.schemas.js';

interface OrganizationRow {
  id: string;
  name: string;
  kind: OrganizationKind;
  ambito_id: string | null;
  comune_code: string | null;
  tax_code: string | null;
  email: string | null;
  phone: string | null;
  members_count: number;
}

const SELECT = sql`
  SELECT o.*, (SELECT count(DISTINCT m.user_id)::int FROM memberships m WHERE m.organization_id = o.id) AS members_count
  FROM organizations o`;

function toOrganization(r: OrganizationRow): Organization {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    ambitoId: r.ambito_id,
    comuneCode: r.comune_code,
    taxCode: r.tax_code,
    email: r.email,
    phone: r.phone,
    membersCount: r.members_count,
  };
}

export async function listOrganizations(
  tx: Tx,
  filter: { kind?: OrganizationKind; ambitoId?: string; q?: string },
): Promise<Organization[]> {
  const rows = await queryRows<OrganizationRow>(
    tx,
    sql`${SELECT} WHERE (${filter.kind ?? null}::text IS NULL OR o.kind = ${filter.kind ?? null})
          AND (${filter.ambitoId ?? null}::text IS NULL OR o.ambito_id = ${filter.ambitoId ?? null}
               OR o.comune_code IN (SELECT istat_code FROM comuni WHERE ambito_id = ${filter.ambitoId ?? null}))
          AND (${filter.q ?? null}::text IS NULL OR o.name ILIKE ${'%' + (filter.q ?? '') + '%'})
        ORDER BY o.name`,
  );
  return rows.map(toOrganization);
}

export async function findOrganization(tx: Tx, id: string): Promise<Organization | null> {
  const [row] = await queryRows<OrganizationRow>(tx, sql`${SELECT} WHERE o.id = ${id}`);
  return row ? toOrganization(row) : null;
}

export async function findOrganizationByName(tx: Tx, name: string): Promise<Organization | null> {
  const [row] = await queryRows<OrganizationRow>(tx, sql`${SELECT} WHERE lower(o.name) = lower(${name})`);
  return row ? toOrganization(row) : null;
}

export async function insertOrganization(tx: Tx, body: CreateOrganizationBody): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO organizations (name, kind, ambito_id, comune_code, tax_code, email, phone)
        VALUES (${body.name.trim()}, ${body.kind}, ${body.ambitoId}, ${body.comuneCode}, ${body.taxCode ?? null},
                ${body.email ?? null}, ${body.phone ?? null})
        RETURNING id`,
  );
  return row!.id;
}
