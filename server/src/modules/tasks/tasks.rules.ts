import type { AssignableVolunteer } from '../volunteers/index.js';
import { coversComune, isAvailableAt } from '../volunteers/index.js';

/** What a task asks of whoever does it. */
export interface TaskNeeds {
  organizationId: string | null;
  comuneCode: string;
  dueDate: string;
  windowStart: string | null;
  windowEnd: string | null;
  requiresCar: boolean;
  requiresHealthTraining: boolean;
}

export interface Fit {
  code: string;
  message: string;
  /** A blocking problem refuses the assignment; the others only lower the ranking. */
  blocking: boolean;
}

/**
 * Why a volunteer does not fit a task. Empty means a perfect fit. Availability and zone are
 * soft: a coordinator may agree a different time or place by phone.
 */
export function fitProblems(task: TaskNeeds, v: AssignableVolunteer, tasksThatDay: number): Fit[] {
  const problems: Fit[] = [];
  if (v.status !== 'approved')
    problems.push({
      code: 'VOLUNTEER_NOT_APPROVED',
      message: 'Il volontario non è ancora approvato.',
      blocking: true,
    });
  if (v.organizationId !== null && v.organizationId !== task.organizationId) {
    problems.push({
      code: 'VOLUNTEER_OTHER_ORGANIZATION',
      message: 'Il volontario appartiene a un’altra organizzazione.',
      blocking: true,
    });
  }
  if (task.requiresCar && !(v.hasCar && v.hasLicence)) {
    problems.push({
      code: 'VOLUNTEER_NO_CAR',
      message: 'Questo compito richiede un volontario con auto e patente.',
      blocking: true,
    });
  }
  if (task.requiresHealthTraining && !v.healthTraining) {
    problems.push({
      code: 'VOLUNTEER_NOT_TRAINED',
      message: 'Questo compito richiede la formazione sul rischio sanitario (persona Covid positiva).',
      blocking: true,
    });
  }
  if (tasksThatDay >= v.maxTasksPerDay) {
    problems.push({
      code: 'VOLUNTEER_DAILY_LIMIT',
      message: `Il volontario ha già ${tasksThatDay} compiti quel giorno (massimo ${v.maxTasksPerDay}).`,
      blocking: true,
    });
  }
  if (!isAvailableAt(v, task.dueDate, task.windowStart ?? undefined, task.windowEnd ?? undefined)) {
    problems.push({
      code: 'VOLUNTEER_UNAVAILABLE',
      message: 'Non ha dato disponibilità in quel giorno e fascia oraria.',
      blocking: false,
    });
  }
  if (!coversComune(v, task.comuneCode)) {
    problems.push({
      code: 'VOLUNTEER_OUTSIDE_ZONE',
      message: 'Il comune non è tra le sue zone.',
      blocking: false,
    });
  }
  return problems;
}

export interface Ranked {
  volunteer: AssignableVolunteer;
  tasksThatDay: number;
  problems: Fit[];
  eligible: boolean;
  score: number;
}

/**
 * Ranks volunteers for a task: eligible first; then available, living in the comune or covering
 * it, and with the lightest load that day.
 */
export function rankVolunteers(
  task: TaskNeeds,
  volunteers: AssignableVolunteer[],
  load: ReadonlyMap<string, number>,
): Ranked[] {
  return volunteers
    .map((volunteer) => {
      const tasksThatDay = load.get(volunteer.id) ?? 0;
      const problems = fitProblems(task, volunteer, tasksThatDay);
      const eligible = !problems.some((p) => p.blocking);
      const soft = new Set(problems.map((p) => p.code));
      const score =
        (eligible ? 100 : 0) +
        (soft.has('VOLUNTEER_UNAVAILABLE') ? 0 : 20) +
        (volunteer.comuneCode === task.comuneCode ? 15 : soft.has('VOLUNTEER_OUTSIDE_ZONE') ? 0 : 10) -
        5 * tasksThatDay;
      return { volunteer, tasksThatDay, problems, eligible, score };
    })
    .sort((a, b) => b.score - a.score || a.volunteer.familyName.localeCompare(b.volunteer.familyName));
}
