import type { AssignableVolunteer } from '../volunteers/index.js';
import { isoWeekday } from '../volunteers/index.js';
import type { PlanningTask, PlanningVolunteer, RoundViolation, UnservedReason } from '../planner/index.js';
import type { PlanningTaskRow } from '../tasks/index.js';

// Parcels a volunteer can carry: a car boot, or two bags on foot or by bike.
export const CAPACITY_WITH_CAR = 12;
export const CAPACITY_WITHOUT_CAR = 4;
const WHOLE_DAY = { start: 0, end: 24 * 60 };

export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function clockOf(minutes: number): string {
  const rounded = Math.round(minutes);
  return `${String(Math.floor(rounded / 60) % 24).padStart(2, '0')}:${String(rounded % 60).padStart(2, '0')}`;
}

/** A task as the planner sees it; a task placed at its comune's point is passed without location, to be flagged. */
export function toPlanningTask(t: PlanningTaskRow): PlanningTask {
  const skills = [
    ...(t.requires_car ? ['car'] : []),
    ...(t.requires_health_training ? ['health_training'] : []),
  ];
  return {
    id: t.id,
    ...(t.approximate_location || t.latitude === null || t.longitude === null
      ? {}
      : { location: { lat: t.latitude, lon: t.longitude } }),
    comuneCode: t.comune_code,
    timeWindow:
      t.window_start && t.window_end
        ? { start: minutesOf(t.window_start), end: minutesOf(t.window_end) }
        : WHOLE_DAY,
    serviceMinutes: t.service_minutes,
    load: t.load,
    requiredSkills: skills,
  };
}

/**
 * A volunteer's round for a date: from the home comune's point, within the day's availability
 * (first to last slot), with what is left of the daily maximum. Null when not available that day.
 */
export function toPlanningVolunteer(
  v: AssignableVolunteer,
  date: string,
  home: { lat: number; lon: number },
  alreadyAssigned: number,
): PlanningVolunteer | null {
  const day = isoWeekday(date);
  const slots = v.availability.filter((s) => s.day === day);
  const remaining = v.maxTasksPerDay - alreadyAssigned;
  if (slots.length === 0 || remaining <= 0) return null;
  const car = v.hasCar && v.hasLicence;
  return {
    id: v.id,
    start: home,
    availability: {
      start: Math.min(...slots.map((s) => minutesOf(s.from))),
      end: Math.max(...slots.map((s) => minutesOf(s.to))),
    },
    capacity: car ? CAPACITY_WITH_CAR : CAPACITY_WITHOUT_CAR,
    skills: [...(car ? ['car'] : []), ...(v.healthTraining ? ['health_training'] : [])],
    maxTasks: remaining,
  };
}

export const UNSERVED_MESSAGES: Record<UnservedReason, string> = {
  NO_LOCATION: 'Indirizzo senza coordinate e senza comune: serve un punto sulla mappa.',
  INVALID_TIME_WINDOW: 'La fascia oraria del compito non è valida.',
  NO_VOLUNTEERS: 'Nessun volontario è disponibile in questa data.',
  NO_VOLUNTEER_WITH_SKILLS: 'Nessun volontario disponibile ha i requisiti (auto, formazione sanitaria).',
  LOAD_EXCEEDS_CAPACITY: 'Il carico supera la capienza di ogni volontario.',
  TIME_WINDOW_UNREACHABLE: 'Nessun volontario può arrivare entro la fascia oraria.',
  NOT_ENOUGH_VOLUNTEERS: 'Non ci sono abbastanza volontari per servire anche questo compito.',
  VOLUNTEER_DROPPED_OUT: 'Il volontario si è ritirato e nessun altro può prenderlo.',
};

export const VIOLATION_MESSAGES: Record<RoundViolation, string> = {
  LATE: 'Una o più tappe arrivano dopo la fascia oraria richiesta.',
  OVER_CAPACITY: 'Il carico supera la capienza del volontario.',
  TOO_MANY_TASKS: 'Il volontario supera il suo massimo di compiti del giorno.',
  MISSING_SKILL: 'Una tappa richiede auto o formazione sanitaria che il volontario non ha.',
  RETURNS_LATE: 'Il giro finisce dopo la disponibilità del volontario.',
};

/**
 * The order of every round after moving one task to `toVolunteerId` at `position`
 * (clamped to the round's length).
 */
export function moveTask(
  rounds: readonly { volunteerId: string; taskIds: readonly string[] }[],
  move: { taskId: string; toVolunteerId: string; position: number },
): { volunteerId: string; taskIds: string[] }[] {
  const result = rounds.map((r) => ({
    volunteerId: r.volunteerId,
    taskIds: r.taskIds.filter((id) => id !== move.taskId),
  }));
  let target = result.find((r) => r.volunteerId === move.toVolunteerId);
  if (!target) {
    target = { volunteerId: move.toVolunteerId, taskIds: [] };
    result.push(target);
  }
  target.taskIds.splice(Math.min(move.position, target.taskIds.length), 0, move.taskId);
  return result.filter((r) => r.taskIds.length > 0);
}

/** How far ahead a day's rounds can be planned: the volunteers' availability is known a year ahead at most. */
export const PLANNING_HORIZON_DAYS = 366;

/** A day that can be planned: from today to the horizon (a past day, or the year 1900, cannot). */
export function isPlannableDate(date: string, today: string, latest: string): boolean {
  return date >= today && date <= latest;
}
