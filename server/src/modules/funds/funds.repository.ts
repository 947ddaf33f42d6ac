import { pgArray, queryRows, sql, type SQL, type Tx } from '../../platform/db/database.js';
import type { StoredActor } from '../../platform/imports/batches.js';
import type { LedgerMovement, LineTotals, MovementKind, SourceType, SpendFigures } from './funds.rules.js';

/*
 * The only SQL for the funds tables. Every function takes a `Tx` opened by the service inside
 * `withScope`, so row-level security limits comune lines, movements, shares and donors to the
 * actor's territory. bigint columns come back as strings from node-postgres: converted with Number
 * (amounts stay far below 2^53 cents).
 */

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const nn = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/** A budget line with its running totals (kept by this file's writes). */
export interface LineRow extends LineTotals {
  id: string;
  label: string;
  projectId: string | null;
  actionId: string | null;
  actionKind: string | null;
  partnerId: string | null;
  partnerOrganizationId: string | null;
  periodId: string | null;
  sourceId: string | null;
  sourceType: SourceType;
  allocationId: string | null;
  comuneCode: string | null;
  subAmbitoId: string | null;
  parentLineId: string | null;
  beneficiaryRef: string | null;
}

interface RawLine {
  id: string;
  label: string;
  project_id: string | null;
  action_id: string | null;
  action_kind: string | null;
  partner_id: string | null;
  partner_organization_id: string | null;
  period_id: string | null;
  source_id: string | null;
  source_type: SourceType;
  allocation_id: string | null;
  comune_code: string | null;
  sub_ambito_id: string | null;
  parent_line_id: string | null;
  beneficiary_ref: string | null;
  budget_cents: unknown;
  cap_cents: unknown;
  adjusted_cents: unknown;
  spent_cents: unknown;
  committed_cents: unknown;
  children_cents: unknown;
}

function toLine(r: RawLine): LineRow {
  return {
    id: r.id,
    label: r.label,
    projectId: r.project_id,
    actionId: r.action_id,
    actionKind: r.action_kind,
    partnerId: r.partner_id,
    partnerOrganizationId: r.partner_organization_id,
    periodId: r.period_id,
    sourceId: r.source_id,
    sourceType: r.source_type,
    allocationId: r.allocation_id,
    comuneCode: r.comune_code,
    subAmbitoId: r.sub_ambito_id,
    parentLineId: r.parent_line_id,
    beneficiaryRef: r.beneficiary_ref,
    budgetCents: n(r.budget_cents),
    capCents: nn(r.cap_cents),
    adjustedCents: n(r.adjusted_cents),
    spentCents: n(r.spent_cents),
    committedCents: n(r.committed_cents),
    childrenCents: n(r.children_cents),
  };
}

const LINE_SELECT = sql`
  SELECT l.*, a.kind AS action_kind, p.organization_id AS partner_organization_id
  FROM fund_lines l
  LEFT JOIN fund_actions a ON a.id = l.action_id
  LEFT JOIN fund_partners p ON p.id = l.partner_id`;

/** One line, or null when unknown or outside the territory (row-level security). */
export async function findLine(tx: Tx, id: string): Promise<LineRow | null> {
  const [row] = await queryRows<RawLine>(tx, sql`${LINE_SELECT} WHERE l.id = ${id}`);
  return row ? toLine(row) : null;
}

/**
 * Locks and reads a line's row (SELECT … FOR UPDATE): the row lock every writer of the line's
 * money takes — the booking statement by its UPDATE, the others with this before they read — so
 * the statements after it see everything earlier holders committed.
 */
export async function lockLine(tx: Tx, id: string): Promise<LineRow | null> {
  const [row] = await queryRows<RawLine>(tx, sql`${LINE_SELECT} WHERE l.id = ${id} FOR UPDATE OF l`);
  return row ? toLine(row) : null;
}

/** Locks several lines' rows in id order, so two transactions cannot deadlock. */
export async function lockLines(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(
    sql`SELECT id FROM fund_lines WHERE id = ANY(${pgArray(ids)}::uuid[]) ORDER BY id FOR UPDATE`,
  );
}

export async function listLines(
  tx: Tx,
  filter: { projectId?: string; allocationId?: string; comune?: string; parentLineId?: string },
): Promise<LineRow[]> {
  const rows = await queryRows<RawLine>(
    tx,
    sql`${LINE_SELECT}
        WHERE (${filter.projectId ?? null}::uuid IS NULL OR l.project_id = ${filter.projectId ?? null})
          AND (${filter.allocationId ?? null}::uuid IS NULL OR l.allocation_id = ${filter.allocationId ?? null})
          AND (${filter.comune ?? null}::text IS NULL OR l.comune_code = ${filter.comune ?? null})
          AND (${filter.parentLineId ?? null}::uuid IS NULL OR l.parent_line_id = ${filter.parentLineId ?? null})
        ORDER BY l.created_at, l.label, l.id`,
  );
  return rows.map(toLine);
}

export async function listLinesOfBeneficiary(tx: Tx, beneficiaryRef: string): Promise<LineRow[]> {
  const rows = await queryRows<RawLine>(
    tx,
    sql`${LINE_SELECT} WHERE l.beneficiary_ref = ${beneficiaryRef} ORDER BY l.created_at, l.id`,
  );
  return rows.map(toLine);
}

export interface LineValues {
  label: string;
  projectId?: string | null;
  actionId?: string | null;
  partnerId?: string | null;
  periodId?: string | null;
  sourceId?: string | null;
  sourceType: SourceType;
  allocationId?: string | null;
  comuneCode?: string | null;
  subAmbitoId?: string | null;
  parentLineId?: string | null;
  beneficiaryRef?: string | null;
  budgetCents: number;
  capCents?: number | null;
  createdBy: string | null;
}

/**
 * Inserts a line; a child line's budget is added to its parent's children total in the same
 * statement (the caller holds the parent's row lock and has checked it has that much left).
 */
export async function insertLine(tx: Tx, v: LineValues): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`WITH child AS (
          INSERT INTO fund_lines (label, project_id, action_id, partner_id, period_id, source_id, source_type, allocation_id,
            comune_code, sub_ambito_id, parent_line_id, beneficiary_ref, budget_cents, cap_cents, created_by)
          VALUES (${v.label}, ${v.projectId ?? null}, ${v.actionId ?? null}, ${v.partnerId ?? null}, ${v.periodId ?? null},
            ${v.sourceId ?? null}, ${v.sourceType}, ${v.allocationId ?? null}, ${v.comuneCode ?? null}, ${v.subAmbitoId ?? null},
            ${v.parentLineId ?? null}, ${v.beneficiaryRef ?? null}, ${v.budgetCents}, ${v.capCents ?? null}, ${v.createdBy})
          RETURNING id
        ),
        parent AS (
          UPDATE fund_lines p SET children_cents = p.children_cents + ${v.budgetCents}::bigint
          WHERE p.id = ${v.parentLineId ?? null}::uuid
        )
        SELECT id FROM child`,
  );
  return row!.id;
}

export interface MovementRow extends LedgerMovement {
  lineId: string;
  supplier: string | null;
  document: string | null;
  description: string | null;
  recordedBy: string | null;
  recordedAt: string;
  reversesId: string | null;
  commitmentId: string | null;
}

interface RawMovement {
  id: string;
  line_id: string;
  kind: MovementKind;
  amount_cents: unknown;
  occurred_on: string;
  supplier: string | null;
  document: string | null;
  description: string | null;
  reverses_id: string | null;
  commitment_id: string | null;
  recorded_by: string | null;
  recorded_at: unknown;
}

function toMovement(r: RawMovement): MovementRow {
  return {
    id: r.id,
    lineId: r.line_id,
    kind: r.kind,
    amountCents: n(r.amount_cents),
    date: r.occurred_on,
    supplier: r.supplier,
    document: r.document,
    description: r.description,
    reversesId: r.reverses_id,
    commitmentId: r.commitment_id,
    recordedBy: r.recorded_by,
    recordedAt: iso(r.recorded_at),
  };
}

const MOVEMENT_SELECT = sql`
  SELECT id, line_id, kind, amount_cents, occurred_on::text AS occurred_on, supplier, document, description,
         reverses_id, commitment_id, recorded_by, recorded_at
  FROM fund_movements`;

export async function lineMovements(tx: Tx, lineId: string): Promise<MovementRow[]> {
  const rows = await queryRows<RawMovement>(
    tx,
    sql`${MOVEMENT_SELECT} WHERE line_id = ${lineId} ORDER BY recorded_at, id`,
  );
  return rows.map(toMovement);
}

/**
 * The ledger of many lines in one query, grouped by line: only what balances need (no supplier,
 * document or author), in no particular order (a balance does not depend on it).
 */
export async function ledgerOfLines(tx: Tx, lineIds: string[]): Promise<Map<string, LedgerMovement[]>> {
  const byLine = new Map<string, LedgerMovement[]>(lineIds.map((id) => [id, []]));
  if (lineIds.length === 0) return byLine;
  const rows = await queryRows<{
    id: string;
    line_id: string;
    kind: MovementKind;
    amount_cents: unknown;
    occurred_on: string;
    reverses_id: string | null;
    commitment_id: string | null;
  }>(
    tx,
    sql`SELECT id, line_id, kind, amount_cents, occurred_on::text AS occurred_on, reverses_id, commitment_id
        FROM fund_movements WHERE line_id = ANY(${pgArray(lineIds)}::uuid[])`,
  );
  for (const r of rows)
    byLine.get(r.line_id)?.push({
      id: r.id,
      kind: r.kind,
      amountCents: n(r.amount_cents),
      date: r.occurred_on,
      reversesId: r.reverses_id,
      commitmentId: r.commitment_id,
    });
  return byLine;
}

export async function findMovement(tx: Tx, id: string): Promise<MovementRow | null> {
  const [row] = await queryRows<RawMovement>(tx, sql`${MOVEMENT_SELECT} WHERE id = ${id}`);
  return row ? toMovement(row) : null;
}

/** What the lines opened from `lineId` hold: their budgets plus their adjustments. */
export async function childrenBudget(tx: Tx, lineId: string): Promise<number> {
  const [row] = await queryRows<{ total: unknown }>(
    tx,
    sql`SELECT coalesce(sum(c.budget_cents), 0) + coalesce((
              SELECT sum(m.amount_cents) FROM fund_movements m JOIN fund_lines c2 ON c2.id = m.line_id
              WHERE c2.parent_line_id = ${lineId} AND m.kind = 'adjustment'), 0) AS total
        FROM fund_lines c WHERE c.parent_line_id = ${lineId}`,
  );
  return n(row?.total);
}

/** Children totals of many lines, by parent id. */
export async function childrenBudgets(tx: Tx, lineIds: string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (lineIds.length === 0) return result;
  const rows = await queryRows<{ parent: string; total: unknown }>(
    tx,
    sql`SELECT c.parent_line_id AS parent,
               sum(c.budget_cents + coalesce((SELECT sum(m.amount_cents) FROM fund_movements m
                                              WHERE m.line_id = c.id AND m.kind = 'adjustment'), 0)) AS total
        FROM fund_lines c WHERE c.parent_line_id = ANY(${pgArray(lineIds)}::uuid[]) GROUP BY c.parent_line_id`,
  );
  for (const r of rows) result.set(r.parent, n(r.total));
  return result;
}

export interface MovementValues {
  lineId: string;
  kind: MovementKind;
  amountCents: number;
  occurredOn: string;
  supplier?: string | null;
  document?: string | null;
  description?: string | null;
  reversesId?: string | null;
  commitmentId?: string | null;
  comuneCode: string | null;
  recordedBy: string | null;
}

/** How a movement changes its line's running totals (funds.rules LineTotals). */
export interface TotalsChange {
  adjustedCents?: number;
  spentCents?: number;
  committedCents?: number;
}

/**
 * Appends a movement (the table refuses UPDATE and DELETE) and applies `change` to its line's
 * running totals in the same statement — an adjustment also to its parent's children total. The
 * caller holds the line's row lock and computed `change` from what it read under it (a reversal,
 * an adjustment); commitments and expenses go through `spendIfWithin`.
 */
export async function insertMovement(tx: Tx, v: MovementValues, change: TotalsChange): Promise<MovementRow> {
  const adjusted = change.adjustedCents ?? 0;
  const [row] = await queryRows<RawMovement>(
    tx,
    sql`WITH moved AS (
          INSERT INTO fund_movements (line_id, kind, amount_cents, occurred_on, supplier, document, description, reverses_id,
            commitment_id, comune_code, recorded_by)
          VALUES (${v.lineId}, ${v.kind}, ${v.amountCents}, ${v.occurredOn}, ${v.supplier ?? null}, ${v.document ?? null},
            ${v.description ?? null}, ${v.reversesId ?? null}, ${v.commitmentId ?? null}, ${v.comuneCode}, ${v.recordedBy})
          RETURNING id, line_id, kind, amount_cents, occurred_on::text AS occurred_on, supplier, document, description,
            reverses_id, commitment_id, recorded_by, recorded_at
        ),
        line AS (
          UPDATE fund_lines l SET adjusted_cents = l.adjusted_cents + ${adjusted}::bigint,
                                  spent_cents = l.spent_cents + ${change.spentCents ?? 0}::bigint,
                                  committed_cents = l.committed_cents + ${change.committedCents ?? 0}::bigint
          WHERE l.id = ${v.lineId} RETURNING l.parent_line_id
        ),
        parent AS (
          UPDATE fund_lines p SET children_cents = p.children_cents + ${adjusted}::bigint
          FROM line WHERE p.id = line.parent_line_id AND ${adjusted}::bigint <> 0
        )
        SELECT * FROM moved`,
  );
  return toMovement(row!);
}

export interface SpendOutcome {
  /** The line, or null when unknown or outside the territory (row-level security). */
  line: LineRow | null;
  /** The line's figures just before the spend (or at its refusal), as its row lock saw them. */
  figures: SpendFigures;
  /** The movement booked, or null when the spend did not fit (`refusalOf` names why). */
  movement: MovementRow | null;
}

/**
 * Books a commitment or an expense in ONE statement, only if it fits the line: an UPDATE of the
 * line's running totals whose WHERE is `refusalOf`'s rule (needed ≤ min(budget, cap) − spent −
 * open commitments − child lines), with the movement's INSERT and its audit event as CTEs fed by
 * the UPDATE's row. The UPDATE's row lock serialises concurrent spends on the line: one that waits
 * re-checks the rule on the row as the previous holder committed it (READ COMMITTED re-evaluates
 * the WHERE on the newest version), so the rule needs nothing but the row. On refusal, the same
 * statement reads the row again under a share lock — its figures as they are once any writer ahead
 * has committed — so the 4xx can say what remains.
 *
 * An expense drawn on a commitment also needs what that commitment still reserves, read from the
 * movements with the statement's snapshot: the caller must hold the line's row lock from a statement
 * before (`lockLine`), so that snapshot includes every draw committed by earlier holders.
 */
export async function spendIfWithin(
  tx: Tx,
  v: Omit<MovementValues, 'comuneCode' | 'reversesId'> & { kind: 'commitment' | 'expense' },
  audit: (created: { id: SQL; comune: SQL; happened: SQL }) => SQL,
): Promise<SpendOutcome> {
  const drawsOn = v.kind === 'expense' ? (v.commitmentId ?? null) : null;
  const amount = sql`${v.amountCents}::bigint`;
  // What the commitment drawn on still reserves; NULL when it is not an open commitment of the line.
  const reserved = drawsOn
    ? sql`(SELECT greatest(0, c.amount_cents - coalesce((
              SELECT sum(e.amount_cents) FROM fund_movements e
              WHERE e.line_id = c.line_id AND e.commitment_id = c.id AND e.kind = 'expense'
                AND NOT EXISTS (SELECT 1 FROM fund_movements r WHERE r.reverses_id = e.id)), 0))
           FROM fund_movements c
           WHERE c.id = ${drawsOn}::uuid AND c.line_id = ${v.lineId} AND c.kind = 'commitment'
             AND NOT EXISTS (SELECT 1 FROM fund_movements r WHERE r.reverses_id = c.id))`
    : sql`NULL::bigint`;
  const drawn = drawsOn ? sql`least(${amount}, (SELECT reserved FROM reserve))` : sql`0::bigint`;
  const budget = sql`(l.budget_cents + l.adjusted_cents)`;
  const fits = sql`${drawsOn ? sql`(SELECT reserved FROM reserve) IS NOT NULL AND ` : sql``}
    ${amount} - ${drawn} <= (CASE WHEN l.cap_cents IS NULL THEN ${budget} ELSE least(${budget}, l.cap_cents) END)
                            - l.spent_cents - l.committed_cents - l.children_cents`;
  const [row] = await queryRows<
    Partial<RawLine> & {
      [K in keyof RawMovement as `m_${K}`]?: RawMovement[K] | null;
    } & { f_reserved: unknown }
  >(
    tx,
    sql`WITH reserve AS MATERIALIZED (SELECT ${reserved} AS reserved),
        booked AS (
          UPDATE fund_lines l
          SET spent_cents = l.spent_cents + ${v.kind === 'expense' ? amount : sql`0::bigint`},
              committed_cents = l.committed_cents + ${v.kind === 'commitment' ? amount : sql`- ${drawn}`}
          WHERE l.id = ${v.lineId} AND ${fits}
          RETURNING l.*
        ),
        refused AS (
          SELECT l.* FROM fund_lines l WHERE l.id = ${v.lineId} AND NOT EXISTS (SELECT 1 FROM booked) FOR SHARE
        ),
        line AS (SELECT * FROM booked UNION ALL SELECT * FROM refused),
        spent AS (
          INSERT INTO fund_movements (line_id, kind, amount_cents, occurred_on, supplier, document, description,
            commitment_id, comune_code, recorded_by)
          SELECT booked.id, ${v.kind}::text, ${amount}, ${v.occurredOn}::date, ${v.supplier ?? null}::text,
                 ${v.document ?? null}::text, ${v.description ?? null}::text, ${v.commitmentId ?? null}::uuid,
                 booked.comune_code, ${v.recordedBy}::uuid
          FROM booked
          RETURNING id, line_id, kind, amount_cents, occurred_on::text AS occurred_on, supplier, document, description,
            reverses_id, commitment_id, recorded_by, recorded_at
        ),
        audit AS (
          ${audit({
            id: sql`(SELECT id FROM spent)`,
            comune: sql`(SELECT comune_code FROM booked)`,
            happened: sql`EXISTS (SELECT 1 FROM spent)`,
          })}
        )
        SELECT line.*, a.kind AS action_kind, p.organization_id AS partner_organization_id,
               reserve.reserved AS f_reserved,
               spent.id AS m_id, spent.kind AS m_kind, spent.amount_cents AS m_amount_cents,
               spent.occurred_on AS m_occurred_on, spent.supplier AS m_supplier, spent.document AS m_document,
               spent.description AS m_description, spent.reverses_id AS m_reverses_id,
               spent.commitment_id AS m_commitment_id, spent.recorded_by AS m_recorded_by,
               spent.recorded_at AS m_recorded_at
        FROM reserve
        LEFT JOIN line ON true
        LEFT JOIN fund_actions a ON a.id = line.action_id
        LEFT JOIN fund_partners p ON p.id = line.partner_id
        LEFT JOIN spent ON true`,
  );
  const line = row?.id ? toLine(row as RawLine) : null;
  const moved = row?.m_id
    ? toMovement({
        id: row.m_id,
        line_id: v.lineId,
        kind: row.m_kind!,
        amount_cents: row.m_amount_cents,
        occurred_on: row.m_occurred_on!,
        supplier: row.m_supplier ?? null,
        document: row.m_document ?? null,
        description: row.m_description ?? null,
        reverses_id: row.m_reverses_id ?? null,
        commitment_id: row.m_commitment_id ?? null,
        recorded_by: row.m_recorded_by ?? null,
        recorded_at: row.m_recorded_at,
      })
    : null;
  const reservedCents = nn(row?.f_reserved);
  // The row returned holds the totals after a booked spend: the figures before it take it back out.
  const drawnCents = moved && drawsOn ? Math.min(v.amountCents, reservedCents ?? 0) : 0;
  const spentBack = moved && v.kind === 'expense' ? v.amountCents : 0;
  const committedBack = moved ? (v.kind === 'commitment' ? v.amountCents : -drawnCents) : 0;
  return {
    line,
    figures: {
      budgetCents: (line?.budgetCents ?? 0) + (line?.adjustedCents ?? 0),
      capCents: line?.capCents ?? null,
      spentCents: (line?.spentCents ?? 0) - spentBack,
      committedCents: (line?.committedCents ?? 0) - committedBack,
      childrenCents: line?.childrenCents ?? 0,
      reservedCents,
    },
    movement: moved,
  };
}

// Sources --------------------------------------------------------------------------------------

export async function listSources(tx: Tx) {
  return queryRows<{ id: string; name: string; kind: string; reference: string | null }>(
    tx,
    sql`SELECT id, name, kind, reference FROM fund_sources ORDER BY name`,
  );
}

export async function insertSource(
  tx: Tx,
  v: { name: string; kind: string; reference?: string | null },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO fund_sources (name, kind, reference) VALUES (${v.name}, ${v.kind}, ${v.reference ?? null}) RETURNING id`,
  );
  return row!.id;
}

// Projects -------------------------------------------------------------------------------------

export interface ProjectRow {
  id: string;
  title: string;
  description: string;
  startYear: number;
  endYear: number;
  sourceId: string | null;
}

export async function listProjects(tx: Tx): Promise<ProjectRow[]> {
  return queryRows<ProjectRow>(
    tx,
    sql`SELECT id, title, description, start_year AS "startYear", end_year AS "endYear", source_id AS "sourceId"
        FROM fund_projects ORDER BY start_year DESC, title`,
  );
}

export async function findProject(tx: Tx, id: string): Promise<ProjectRow | null> {
  const [row] = await queryRows<ProjectRow>(
    tx,
    sql`SELECT id, title, description, start_year AS "startYear", end_year AS "endYear", source_id AS "sourceId"
        FROM fund_projects WHERE id = ${id}`,
  );
  return row ?? null;
}

export async function insertProject(
  tx: Tx,
  v: { title: string; description: string; startYear: number; endYear: number; sourceId: string | null },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO fund_projects (title, description, start_year, end_year, source_id)
        VALUES (${v.title}, ${v.description}, ${v.startYear}, ${v.endYear}, ${v.sourceId}) RETURNING id`,
  );
  return row!.id;
}

export interface PeriodRow {
  id: string;
  label: string;
  startsOn: string;
  endsOn: string;
  position: number;
}

export async function listPeriods(tx: Tx, projectId: string): Promise<PeriodRow[]> {
  return queryRows<PeriodRow>(
    tx,
    sql`SELECT id, label, starts_on::text AS "startsOn", ends_on::text AS "endsOn", position
        FROM fund_periods WHERE project_id = ${projectId} ORDER BY position, starts_on`,
  );
}

export async function insertPeriod(
  tx: Tx,
  projectId: string,
  v: { label: string; startsOn: string; endsOn: string; position: number },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO fund_periods (project_id, label, starts_on, ends_on, position)
        VALUES (${projectId}, ${v.label}, ${v.startsOn}, ${v.endsOn}, ${v.position}) RETURNING id`,
  );
  return row!.id;
}

export interface PartnerRow {
  id: string;
  name: string;
  role: 'lead' | 'partner' | 'adherent';
  organizationId: string | null;
  note: string | null;
  position: number;
}

export async function listPartners(tx: Tx, projectId: string): Promise<PartnerRow[]> {
  return queryRows<PartnerRow>(
    tx,
    sql`SELECT id, name, role, organization_id AS "organizationId", note, position
        FROM fund_partners WHERE project_id = ${projectId} ORDER BY position, name`,
  );
}

export async function insertPartner(
  tx: Tx,
  projectId: string,
  v: {
    name: string;
    role: PartnerRow['role'];
    organizationId?: string | null;
    note?: string | null;
    position: number;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO fund_partners (project_id, name, role, organization_id, note, position)
        VALUES (${projectId}, ${v.name}, ${v.role}, ${v.organizationId ?? null}, ${v.note ?? null}, ${v.position}) RETURNING id`,
  );
  return row!.id;
}

export interface ActionRow {
  id: string;
  projectId: string;
  code: string;
  title: string;
  description: string;
  kind: string;
  status: string;
  statusNote: string | null;
  implementingPartnerId: string | null;
  position: number;
}

const ACTION_SELECT = sql`
  SELECT id, project_id AS "projectId", code, title, description, kind, status, status_note AS "statusNote",
         implementing_partner_id AS "implementingPartnerId", position
  FROM fund_actions`;

export async function listActions(tx: Tx, projectId: string): Promise<ActionRow[]> {
  return queryRows<ActionRow>(
    tx,
    sql`${ACTION_SELECT} WHERE project_id = ${projectId} ORDER BY position, code`,
  );
}

export async function findAction(tx: Tx, id: string): Promise<ActionRow | null> {
  const [row] = await queryRows<ActionRow>(tx, sql`${ACTION_SELECT} WHERE id = ${id}`);
  return row ?? null;
}

export async function insertAction(
  tx: Tx,
  projectId: string,
  v: {
    code: string;
    title: string;
    description: string;
    kind: string;
    status: string;
    statusNote?: string | null;
    implementingPartnerId?: string | null;
    position: number;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO fund_actions (project_id, code, title, description, kind, status, status_note, implementing_partner_id, position)
        VALUES (${projectId}, ${v.code}, ${v.title}, ${v.description}, ${v.kind}, ${v.status}, ${v.statusNote ?? null},
                ${v.implementingPartnerId ?? null}, ${v.position}) RETURNING id`,
  );
  return row!.id;
}

export async function updateActionStatus(
  tx: Tx,
  id: string,
  status: string,
  statusNote: string | null,
): Promise<void> {
  await tx.execute(
    sql`UPDATE fund_actions SET status = ${status}, status_note = ${statusNote} WHERE id = ${id}`,
  );
}

export interface IndicatorRow {
  id: string;
  actionId: string;
  label: string;
  targetValue: number | null;
  actualValue: number;
  unit: string;
}

export async function listIndicators(tx: Tx, actionIds: string[]): Promise<IndicatorRow[]> {
  if (actionIds.length === 0) return [];
  return queryRows<IndicatorRow>(
    tx,
    sql`SELECT id, action_id AS "actionId", label, target_value AS "targetValue", actual_value AS "actualValue", unit
        FROM fund_indicators WHERE action_id = ANY(${pgArray(actionIds)}::uuid[]) ORDER BY position, label`,
  );
}

export async function insertIndicator(
  tx: Tx,
  actionId: string,
  v: { label: string; targetValue: number | null; actualValue: number; unit: string; position: number },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO fund_indicators (action_id, label, target_value, actual_value, unit, position)
        VALUES (${actionId}, ${v.label}, ${v.targetValue}, ${v.actualValue}, ${v.unit}, ${v.position}) RETURNING id`,
  );
  return row!.id;
}

export async function updateIndicatorActual(
  tx: Tx,
  actionId: string,
  id: string,
  actual: number,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE fund_indicators SET actual_value = ${actual} WHERE id = ${id} AND action_id = ${actionId} RETURNING id`,
  );
  return rows.length > 0;
}

/** The cap a project sets for a kind of action, or null when it sets none. */
export async function findCap(tx: Tx, projectId: string, kind: string): Promise<number | null> {
  const [row] = await queryRows<{ cap_cents: unknown }>(
    tx,
    sql`SELECT cap_cents FROM fund_caps WHERE project_id = ${projectId} AND action_kind = ${kind}`,
  );
  return row ? n(row.cap_cents) : null;
}

export async function listCaps(tx: Tx, projectId: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ action_kind: string; cap_cents: unknown }>(
    tx,
    sql`SELECT action_kind, cap_cents FROM fund_caps WHERE project_id = ${projectId}`,
  );
  return new Map(rows.map((r) => [r.action_kind, n(r.cap_cents)]));
}

export async function upsertCap(tx: Tx, projectId: string, kind: string, capCents: number): Promise<void> {
  await tx.execute(
    sql`INSERT INTO fund_caps (project_id, action_kind, cap_cents) VALUES (${projectId}, ${kind}, ${capCents})
        ON CONFLICT (project_id, action_kind) DO UPDATE SET cap_cents = EXCLUDED.cap_cents`,
  );
}

// Allocations ----------------------------------------------------------------------------------

export interface AllocationRow {
  id: string;
  title: string;
  totalCents: number;
  territoryType: string;
  territoryId: string | null;
  method: string;
  sourceId: string | null;
  sourceType: SourceType;
  projectId: string | null;
  actionId: string | null;
  periodId: string | null;
  reallocatesId: string | null;
  unspentAsOf: string | null;
  groups: { id: string; weight: number; amountCents: number }[];
  createdAt: string;
}

interface RawAllocation {
  id: string;
  title: string;
  total_cents: unknown;
  territory_type: string;
  territory_id: string | null;
  method: string;
  source_id: string | null;
  source_type: SourceType;
  project_id: string | null;
  action_id: string | null;
  period_id: string | null;
  reallocates_id: string | null;
  unspent_as_of: string | null;
  groups: unknown;
  created_at: unknown;
}

function toAllocation(r: RawAllocation): AllocationRow {
  return {
    id: r.id,
    title: r.title,
    totalCents: n(r.total_cents),
    territoryType: r.territory_type,
    territoryId: r.territory_id,
    method: r.method,
    sourceId: r.source_id,
    sourceType: r.source_type,
    projectId: r.project_id,
    actionId: r.action_id,
    periodId: r.period_id,
    reallocatesId: r.reallocates_id,
    unspentAsOf: r.unspent_as_of,
    groups: (typeof r.groups === 'string' ? JSON.parse(r.groups) : r.groups) as AllocationRow['groups'],
    createdAt: iso(r.created_at),
  };
}

const ALLOCATION_SELECT = sql`SELECT *, unspent_as_of::text AS unspent_as_of FROM fund_allocations`;

export async function listAllocations(tx: Tx): Promise<AllocationRow[]> {
  const rows = await queryRows<RawAllocation>(tx, sql`${ALLOCATION_SELECT} ORDER BY created_at DESC, id`);
  return rows.map(toAllocation);
}

export async function findAllocation(tx: Tx, id: string): Promise<AllocationRow | null> {
  const [row] = await queryRows<RawAllocation>(tx, sql`${ALLOCATION_SELECT} WHERE id = ${id}`);
  return row ? toAllocation(row) : null;
}

export async function insertAllocation(
  tx: Tx,
  v: Omit<AllocationRow, 'id' | 'createdAt'> & { createdBy: string | null },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO fund_allocations (title, total_cents, territory_type, territory_id, method, source_id, source_type, project_id,
          action_id, period_id, reallocates_id, unspent_as_of, groups, created_by)
        VALUES (${v.title}, ${v.totalCents}, ${v.territoryType}, ${v.territoryId}, ${v.method}, ${v.sourceId}, ${v.sourceType},
          ${v.projectId}, ${v.actionId}, ${v.periodId}, ${v.reallocatesId}, ${v.unspentAsOf}, ${JSON.stringify(v.groups)}::jsonb,
          ${v.createdBy})
        RETURNING id`,
  );
  return row!.id;
}

export interface ShareRow {
  allocationId: string;
  comuneCode: string;
  subAmbitoId: string | null;
  weight: number;
  amountCents: number;
  lineId: string;
}

export async function insertShare(tx: Tx, v: ShareRow): Promise<void> {
  await tx.execute(
    sql`INSERT INTO fund_allocation_shares (allocation_id, comune_code, sub_ambito_id, weight, amount_cents, line_id)
        VALUES (${v.allocationId}, ${v.comuneCode}, ${v.subAmbitoId}, ${v.weight}, ${v.amountCents}, ${v.lineId})`,
  );
}

/** Shares of some allocations (those of the actor's territory, by row-level security), by ISTAT code. */
export async function sharesOf(tx: Tx, allocationIds: string[]): Promise<ShareRow[]> {
  if (allocationIds.length === 0) return [];
  const rows = await queryRows<{
    allocation_id: string;
    comune_code: string;
    sub_ambito_id: string | null;
    weight: unknown;
    amount_cents: unknown;
    line_id: string;
  }>(
    tx,
    sql`SELECT * FROM fund_allocation_shares WHERE allocation_id = ANY(${pgArray(allocationIds)}::uuid[])
        ORDER BY comune_code`,
  );
  return rows.map((r) => ({
    allocationId: r.allocation_id,
    comuneCode: r.comune_code,
    subAmbitoId: r.sub_ambito_id,
    weight: n(r.weight),
    amountCents: n(r.amount_cents),
    lineId: r.line_id,
  }));
}

// Campaigns and donors ---------------------------------------------------------------------------

export interface CampaignRow {
  id: string;
  title: string;
  iban: string | null;
  holder: string | null;
  startsOn: string;
  endsOn: string | null;
  targetCents: number | null;
  projectId: string | null;
  lineId: string | null;
  comuneCode: string;
  donors: number;
  raisedCents: number;
  contacts: number;
  donations: number;
}

/**
 * Campaigns with their live figures: donors (each registered donor once, each anonymous gift as
 * one), amount raised and contacts (registered donors who consented to be contacted).
 */
export async function listCampaigns(
  tx: Tx,
  filter: { projectId?: string; id?: string } = {},
): Promise<CampaignRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`SELECT c.id, c.title, c.iban, c.holder, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, c.target_cents,
               c.project_id, c.line_id, c.comune_code,
               (SELECT count(DISTINCT d.donor_id) + count(*) FILTER (WHERE d.donor_id IS NULL) FROM fund_donations d WHERE d.campaign_id = c.id) AS donors,
               (SELECT coalesce(sum(d.amount_cents), 0) FROM fund_donations d WHERE d.campaign_id = c.id) AS raised,
               (SELECT count(DISTINCT d.donor_id) FROM fund_donations d JOIN fund_donors o ON o.id = d.donor_id
                 WHERE d.campaign_id = c.id AND o.consent_contact) AS contacts,
               (SELECT count(*) FROM fund_donations d WHERE d.campaign_id = c.id) AS donations
        FROM fund_campaigns c
        WHERE (${filter.projectId ?? null}::uuid IS NULL OR c.project_id = ${filter.projectId ?? null})
          AND (${filter.id ?? null}::uuid IS NULL OR c.id = ${filter.id ?? null})
        ORDER BY c.starts_on DESC, c.title`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    title: r.title as string,
    iban: (r.iban as string | null)?.trim() ?? null,
    holder: r.holder as string | null,
    startsOn: r.starts_on as string,
    endsOn: r.ends_on as string | null,
    targetCents: nn(r.target_cents),
    projectId: r.project_id as string | null,
    lineId: r.line_id as string | null,
    comuneCode: r.comune_code as string,
    donors: n(r.donors),
    raisedCents: n(r.raised),
    contacts: n(r.contacts),
    donations: n(r.donations),
  }));
}

export async function insertCampaign(
  tx: Tx,
  v: Omit<CampaignRow, 'id' | 'donors' | 'raisedCents' | 'contacts' | 'donations'>,
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO fund_campaigns (title, iban, holder, starts_on, ends_on, target_cents, project_id, line_id, comune_code)
        VALUES (${v.title}, ${v.iban}, ${v.holder}, ${v.startsOn}, ${v.endsOn}, ${v.targetCents}, ${v.projectId}, ${v.lineId},
                ${v.comuneCode}) RETURNING id`,
  );
  return row!.id;
}

export async function insertDonor(
  tx: Tx,
  v: {
    kind: 'person' | 'company';
    name: string;
    taxCode?: string | null;
    email?: string | null;
    phone?: string | null;
    comuneCode: string;
    consentContact: boolean;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO fund_donors (kind, name, tax_code, email, phone, comune_code, consent_contact)
        VALUES (${v.kind}, ${v.name}, ${v.taxCode ?? null}, ${v.email ?? null}, ${v.phone ?? null}, ${v.comuneCode},
                ${v.consentContact}) RETURNING id`,
  );
  return row!.id;
}

export async function donorExists(tx: Tx, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(tx, sql`SELECT id FROM fund_donors WHERE id = ${id}`);
  return rows.length > 0;
}

export interface DonationRow {
  id: string;
  campaignId: string;
  channel: 'bank_transfer' | 'cash' | 'online';
  amountCents: number;
  receivedOn: string;
  donor: {
    id: string;
    kind: 'person' | 'company';
    name: string;
    taxCode: string | null;
    email: string | null;
    consentContact: boolean;
  } | null;
  bankReference: string | null;
  reconciledAt: string | null;
  receiptNumber: number | null;
  receiptIssuedOn: string | null;
  note: string | null;
  comuneCode: string;
}

export async function insertDonation(
  tx: Tx,
  v: {
    campaignId: string;
    donorId: string | null;
    channel: string;
    amountCents: number;
    receivedOn: string;
    note: string | null;
    comuneCode: string;
    recordedBy: string | null;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO fund_donations (campaign_id, donor_id, channel, amount_cents, received_on, note, comune_code, recorded_by)
        VALUES (${v.campaignId}, ${v.donorId}, ${v.channel}, ${v.amountCents}, ${v.receivedOn}, ${v.note}, ${v.comuneCode},
                ${v.recordedBy}) RETURNING id`,
  );
  return row!.id;
}

/** A campaign's donations with their donors, newest first; or one donation by id. */
export async function listDonations(
  tx: Tx,
  filter: { campaignId: string } | { id: string },
): Promise<DonationRow[]> {
  const campaignId = 'campaignId' in filter ? filter.campaignId : null;
  const id = 'id' in filter ? filter.id : null;
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`SELECT d.id, d.campaign_id, d.channel, d.amount_cents, d.received_on::text AS received_on, d.bank_reference,
               d.reconciled_at, d.receipt_number, d.receipt_issued_on::text AS receipt_issued_on, d.note, d.comune_code,
               o.id AS donor_id, o.kind AS donor_kind, o.name AS donor_name, o.tax_code, o.email, o.consent_contact
        FROM fund_donations d LEFT JOIN fund_donors o ON o.id = d.donor_id
        WHERE (${campaignId}::uuid IS NULL OR d.campaign_id = ${campaignId})
          AND (${id}::uuid IS NULL OR d.id = ${id})
        ORDER BY d.received_on DESC, d.created_at DESC, d.id`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    campaignId: r.campaign_id as string,
    channel: r.channel as DonationRow['channel'],
    amountCents: n(r.amount_cents),
    receivedOn: r.received_on as string,
    donor: r.donor_id
      ? {
          id: r.donor_id as string,
          kind: r.donor_kind as 'person' | 'company',
          name: r.donor_name as string,
          taxCode: r.tax_code as string | null,
          email: r.email as string | null,
          consentContact: Boolean(r.consent_contact),
        }
      : null,
    bankReference: r.bank_reference as string | null,
    reconciledAt: r.reconciled_at === null ? null : iso(r.reconciled_at),
    receiptNumber: nn(r.receipt_number),
    receiptIssuedOn: r.receipt_issued_on as string | null,
    note: r.note as string | null,
    comuneCode: r.comune_code as string,
  }));
}

/** Gives the donation its receipt number and date the first time; later calls keep them. */
export async function issueReceipt(tx: Tx, id: string, today: string): Promise<void> {
  await tx.execute(
    sql`UPDATE fund_donations
        SET receipt_number = coalesce(receipt_number, nextval('fund_receipt_seq')),
            receipt_issued_on = coalesce(receipt_issued_on, ${today}::date)
        WHERE id = ${id}`,
  );
}

/** Bank-transfer donations of a campaign not reconciled yet, locked so two imports cannot take one twice. */
export async function openTransferDonations(
  tx: Tx,
  campaignId: string,
): Promise<{ id: string; amountCents: number; receivedOn: string; donorName: string | null }[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`SELECT d.id, d.amount_cents, d.received_on::text AS received_on, o.name AS donor_name
        FROM fund_donations d LEFT JOIN fund_donors o ON o.id = d.donor_id
        WHERE d.campaign_id = ${campaignId} AND d.channel = 'bank_transfer' AND d.reconciled_at IS NULL
        ORDER BY d.id
        FOR UPDATE OF d`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    amountCents: n(r.amount_cents),
    receivedOn: r.received_on as string,
    donorName: r.donor_name as string | null,
  }));
}

export interface BankLineRow {
  id: string;
  key: string;
  campaignId: string;
  bookedOn: string;
  valueOn: string | null;
  amountCents: number;
  description: string;
  donationId: string | null;
  matchedAt: string | null;
}

/** Stores the lines not seen before; returns how many were new. */
export async function insertBankLines(
  tx: Tx,
  v: {
    campaignId: string;
    comuneCode: string;
    importedBy: string | null;
    lines: readonly {
      key: string;
      bookedOn: string;
      valueOn: string | null;
      amountCents: number;
      description: string;
    }[];
  },
): Promise<number> {
  if (v.lines.length === 0) return 0;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO fund_bank_lines (campaign_id, line_key, booked_on, value_on, amount_cents, description, comune_code, imported_by)
        SELECT ${v.campaignId}, l.key, l.booked_on, l.value_on, l.amount_cents, l.description, ${v.comuneCode}, ${v.importedBy}
        FROM jsonb_to_recordset(${JSON.stringify(
          v.lines.map((l) => ({
            key: l.key,
            booked_on: l.bookedOn,
            value_on: l.valueOn,
            amount_cents: l.amountCents,
            description: l.description,
          })),
        )}::jsonb) AS l(key text, booked_on date, value_on date, amount_cents bigint, description text)
        ON CONFLICT (campaign_id, line_key) DO NOTHING
        RETURNING id`,
  );
  return rows.length;
}

/** A campaign's statement lines (only the open ones on request), or one line by id, locked when asked. */
export async function listBankLines(
  tx: Tx,
  filter: { campaignId: string; open?: boolean } | { id: string; forUpdate?: boolean },
): Promise<BankLineRow[]> {
  const byCampaign = 'campaignId' in filter;
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    byCampaign
      ? sql`SELECT l.*, l.booked_on::text AS booked, l.value_on::text AS valued FROM fund_bank_lines l
            WHERE l.campaign_id = ${filter.campaignId} AND (${filter.open ?? false} = false OR l.donation_id IS NULL)
            ORDER BY l.booked_on, l.line_key`
      : filter.forUpdate
        ? sql`SELECT l.*, l.booked_on::text AS booked, l.value_on::text AS valued FROM fund_bank_lines l
              WHERE l.id = ${filter.id} FOR UPDATE`
        : sql`SELECT l.*, l.booked_on::text AS booked, l.value_on::text AS valued FROM fund_bank_lines l
              WHERE l.id = ${filter.id}`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    key: r.line_key as string,
    campaignId: r.campaign_id as string,
    bookedOn: r.booked as string,
    valueOn: r.valued as string | null,
    amountCents: n(r.amount_cents),
    description: r.description as string,
    donationId: r.donation_id as string | null,
    matchedAt: r.matched_at === null ? null : iso(r.matched_at),
  }));
}

/** Records that a line is a donation: the line points at it, the donation is reconciled. */
export async function matchBankLine(
  tx: Tx,
  v: { lineId: string; donationId: string; userId: string | null },
): Promise<void> {
  await tx.execute(
    sql`UPDATE fund_bank_lines SET donation_id = ${v.donationId}, matched_by = ${v.userId}, matched_at = now()
        WHERE id = ${v.lineId}`,
  );
  await tx.execute(
    sql`UPDATE fund_donations d SET reconciled_at = now(), bank_reference = l.description
        FROM fund_bank_lines l WHERE l.id = ${v.lineId} AND d.id = ${v.donationId}`,
  );
}

/** Inserts many donations in one statement (demo seed, statement import). */
export async function insertDonations(
  tx: Tx,
  campaignId: string,
  rows: {
    donorId: string | null;
    channel: string;
    amountCents: number;
    receivedOn: string;
    comuneCode: string;
  }[],
): Promise<void> {
  const chunk = 500;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await tx.execute(
      sql`INSERT INTO fund_donations (campaign_id, donor_id, channel, amount_cents, received_on, comune_code)
          SELECT ${campaignId}, d.donor_id, d.channel, d.amount_cents, d.received_on, d.comune_code
          FROM jsonb_to_recordset(${JSON.stringify(
            part.map((r) => ({
              donor_id: r.donorId,
              channel: r.channel,
              amount_cents: r.amountCents,
              received_on: r.receivedOn,
              comune_code: r.comuneCode,
            })),
          )}::jsonb) AS d(donor_id uuid, channel text, amount_cents bigint, received_on date, comune_code char(6))`,
    );
  }
}

// Imports ----------------------------------------------------------------------------------------
// Limited to their uploader by row-level security (platform/imports enterImportOwner).

export interface FundImportRow {
  id: string;
  projectId: string;
  createdBy: string;
  fileKind: 'csv' | 'xlsx';
  actor: StoredActor;
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  created: number;
  rejected: number;
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const IMPORT_SELECT = sql`
  SELECT id, project_id AS "projectId", created_by AS "createdBy", file_kind AS "fileKind", actor, status, total, processed,
         created, rejected, failure,
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
         to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "finishedAt"
  FROM fund_imports`;

export async function insertImport(
  tx: Tx,
  v: {
    projectId: string;
    createdBy: string;
    fileKind: 'csv' | 'xlsx';
    actor: StoredActor;
    rows: readonly { row: number; values: Record<string, string | undefined> }[];
  },
): Promise<string> {
  const [created] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO fund_imports (project_id, created_by, file_kind, actor, total)
        VALUES (${v.projectId}, ${v.createdBy}, ${v.fileKind}, ${JSON.stringify(v.actor)}::jsonb, ${v.rows.length})
        RETURNING id`,
  );
  const id = created!.id;
  for (let start = 0; start < v.rows.length; start += 1000) {
    const chunk = v.rows.slice(start, start + 1000).map((r) => ({ row: r.row, data: r.values }));
    await tx.execute(sql`
      INSERT INTO fund_import_rows (import_id, row_number, created_by, data)
      SELECT ${id}, (e->>'row')::int, ${v.createdBy}, e->'data'
      FROM jsonb_array_elements(${JSON.stringify(chunk)}::jsonb) AS e`);
  }
  return id;
}

export async function findImport(tx: Tx, id: string): Promise<FundImportRow | null> {
  const [row] = await queryRows<FundImportRow>(tx, sql`${IMPORT_SELECT} WHERE id = ${id}`);
  return row ?? null;
}

/** The import, locked for this transaction's batch; null when another runner holds it or it is finished. */
export async function lockRunningImport(tx: Tx, id: string): Promise<FundImportRow | null> {
  const [row] = await queryRows<FundImportRow>(
    tx,
    sql`${IMPORT_SELECT} WHERE id = ${id} AND status = 'running' FOR UPDATE SKIP LOCKED`,
  );
  return row ?? null;
}

export async function pendingImportRows(
  tx: Tx,
  importId: string,
  limit: number,
): Promise<{ row_number: number; data: Record<string, string> }[]> {
  return queryRows(
    tx,
    sql`SELECT row_number, data FROM fund_import_rows
        WHERE import_id = ${importId} AND status = 'pending' ORDER BY row_number LIMIT ${limit}`,
  );
}

export type ImportRowOutcome =
  | { status: 'created'; lineId: string | null; movementId: string | null }
  | { status: 'rejected'; reason: string };

export async function recordImportRow(
  tx: Tx,
  importId: string,
  rowNumber: number,
  outcome: ImportRowOutcome,
): Promise<void> {
  const created = outcome.status === 'created' ? outcome : null;
  await tx.execute(sql`
    UPDATE fund_import_rows
    SET status = ${outcome.status}, data = NULL,
        reason = ${outcome.status === 'rejected' ? outcome.reason : null},
        line_id = ${created?.lineId ?? null}, movement_id = ${created?.movementId ?? null}
    WHERE import_id = ${importId} AND row_number = ${rowNumber}`);
}

export async function advanceImport(
  tx: Tx,
  id: string,
  delta: { created: number; rejected: number },
): Promise<void> {
  const done = delta.created + delta.rejected;
  await tx.execute(sql`
    UPDATE fund_imports
    SET created = created + ${delta.created}, rejected = rejected + ${delta.rejected},
        processed = processed + ${done}, updated_at = now(),
        status = CASE WHEN processed + ${done} >= total THEN 'done' ELSE status END,
        finished_at = CASE WHEN processed + ${done} >= total THEN now() ELSE finished_at END
    WHERE id = ${id}`);
}

/** Stops an import that cannot go on; the rows not yet applied are dropped. */
export async function failImport(tx: Tx, id: string, failure: string): Promise<void> {
  await tx.execute(sql`UPDATE fund_imports SET status = 'failed', failure = ${failure}, updated_at = now(), finished_at = now()
                       WHERE id = ${id} AND status = 'running'`);
  await tx.execute(sql`DELETE FROM fund_import_rows WHERE import_id = ${id} AND status = 'pending'`);
}

export async function importRowsReport(
  tx: Tx,
  importId: string,
  which: 'all' | 'rejected',
): Promise<
  {
    row: number;
    status: 'created' | 'rejected';
    reason: string | null;
    lineId: string | null;
    movementId: string | null;
  }[]
> {
  return queryRows(
    tx,
    sql`SELECT row_number AS row, status, reason, line_id AS "lineId", movement_id AS "movementId" FROM fund_import_rows
        WHERE import_id = ${importId} AND status <> 'pending' AND (${which} = 'all' OR status = 'rejected')
        ORDER BY row_number`,
  );
}

/** The ids of a project's lines with this name (the import's `voce`): plan lines and those opened from them. */
export async function projectLinesByLabel(tx: Tx, projectId: string, label: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM fund_lines WHERE project_id = ${projectId} AND label = ${label} ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

/** The comuni by ISTAT code and by name, to read a comune written either way. */
export async function comuniNames(tx: Tx): Promise<{ istatCode: string; name: string }[]> {
  return queryRows(tx, sql`SELECT istat_code AS "istatCode", name FROM comuni ORDER BY istat_code`);
}
