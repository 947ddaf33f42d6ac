import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type {
  Plan,
  PlannerProgress,
  PlanningProblem,
  RoundViolation,
  SubstituteSuggestion,
} from '../planner/index.js';

export interface RoundPlanRow {
  id: string;
  organization_id: string;
  organization_name: string;
  /** The comuni of the tasks and volunteers planned: the plan's territory, as row-level security reads it. */
  comuni: string[];
  plan_date: string;
  status: 'planning' | 'ready' | 'failed' | 'published' | 'superseded';
  problem: StoredProblem;
  plan: StoredPlan | null;
  progress: PlannerProgress | null;
  error: string | null;
  based_on: string | null;
  dropped_volunteer_id: string | null;
  published_at: string | null;
  substitutes: StoredSubstitutes | null;
}

/** Per remaining task of a volunteer who dropped out, in round order, the best substitutes. */
export type StoredSubstitutes = { taskId: string; candidates: SubstituteSuggestion[] }[];

/** A plan as stored: the planner's, plus what a manual change broke, per volunteer. */
export type StoredPlan = Plan & { violations?: Record<string, RoundViolation[]> };

/** The planner's input plus what the sheet needs that the planner does not. */
export interface StoredProblem {
  problem: PlanningProblem;
  timeLimitMs: number;
  capacities: Record<string, number>;
}

const SELECT_PLAN = sql`
  SELECT p.id, p.organization_id, o.name AS organization_name, p.comuni, to_char(p.plan_date, 'YYYY-MM-DD') AS plan_date, p.status,
         p.problem, p.plan, p.progress, p.error, p.based_on, p.dropped_volunteer_id, p.substitutes,
         to_char(p.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS published_at
  FROM round_plans p JOIN organizations o ON o.id = p.organization_id`;

export async function findPlan(tx: Tx, id: string): Promise<RoundPlanRow | null> {
  const [row] = await queryRows<RoundPlanRow>(tx, sql`${SELECT_PLAN} WHERE p.id = ${id}`);
  return row ?? null;
}

/** Plans of a date for some organisations, newest first. */
export function listPlans(tx: Tx, date: string, organizationIds: string[] | null) {
  return queryRows<{
    id: string;
    plan_date: string;
    organization_name: string;
    status: RoundPlanRow['status'];
    created_at: string;
    published_at: string | null;
    dropped_volunteer_id: string | null;
  }>(
    tx,
    sql`SELECT p.id, to_char(p.plan_date, 'YYYY-MM-DD') AS plan_date, o.name AS organization_name, p.status,
               to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
               to_char(p.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS published_at, p.dropped_volunteer_id
        FROM round_plans p JOIN organizations o ON o.id = p.organization_id
        WHERE p.plan_date = ${date} AND (${organizationIds === null} OR p.organization_id = ANY(${pgArray(organizationIds ?? [])}::uuid[]))
        ORDER BY p.created_at DESC LIMIT 50`,
  );
}

export async function insertPlan(
  tx: Tx,
  plan: {
    organizationId: string;
    comuni: readonly string[];
    date: string;
    problem: StoredProblem;
    actorId: string;
    status?: string;
    result?: Plan;
    basedOn?: string;
    droppedVolunteerId?: string;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO round_plans (organization_id, comuni, plan_date, status, problem, plan, based_on, dropped_volunteer_id, created_by)
        VALUES (${plan.organizationId}, ${pgArray(plan.comuni)}::text[], ${plan.date}, ${plan.status ?? 'planning'}, ${JSON.stringify(plan.problem)}::jsonb,
                ${plan.result ? JSON.stringify(plan.result) : null}::jsonb, ${plan.basedOn ?? null}, ${plan.droppedVolunteerId ?? null}, ${plan.actorId})
        RETURNING id`,
  );
  return row!.id;
}

export async function saveProgress(tx: Tx, id: string, progress: PlannerProgress): Promise<void> {
  await tx.execute(
    sql`UPDATE round_plans SET progress = ${JSON.stringify(progress)}::jsonb, updated_at = now() WHERE id = ${id} AND status = 'planning'`,
  );
}

export async function saveResult(
  tx: Tx,
  id: string,
  result: { plan: Plan } | { error: string },
): Promise<void> {
  if ('plan' in result) {
    await tx.execute(
      sql`UPDATE round_plans SET status = 'ready', plan = ${JSON.stringify(result.plan)}::jsonb, updated_at = now() WHERE id = ${id}`,
    );
  } else {
    await tx.execute(
      sql`UPDATE round_plans SET status = 'failed', error = ${result.error}, updated_at = now() WHERE id = ${id}`,
    );
  }
}

export async function replacePlan(tx: Tx, id: string, plan: StoredPlan): Promise<void> {
  await tx.execute(
    sql`UPDATE round_plans SET plan = ${JSON.stringify(plan)}::jsonb, updated_at = now() WHERE id = ${id}`,
  );
}

export async function markPublished(tx: Tx, id: string, actorId: string): Promise<void> {
  await tx.execute(
    sql`UPDATE round_plans SET status = 'published', published_at = now(), published_by = ${actorId} WHERE id = ${id}`,
  );
  await tx.execute(sql`UPDATE round_plans SET status = 'superseded'
                       WHERE id <> ${id} AND status = 'published'
                         AND (organization_id, plan_date) = (SELECT organization_id, plan_date FROM round_plans WHERE id = ${id})`);
}

export async function saveSubstitutes(tx: Tx, id: string, substitutes: StoredSubstitutes): Promise<void> {
  await tx.execute(
    sql`UPDATE round_plans SET substitutes = ${JSON.stringify(substitutes)}::jsonb, updated_at = now() WHERE id = ${id}`,
  );
}

export function comunePoints(
  tx: Tx,
  codes: string[],
): Promise<{ istat_code: string; latitude: number; longitude: number }[]> {
  return queryRows(
    tx,
    sql`SELECT istat_code::text, latitude, longitude FROM comuni WHERE istat_code = ANY(${pgArray(codes)}::text[])`,
  );
}
