import { invalid } from '../../platform/errors.js';
import type {
  AvailabilitySlot,
  VolunteerStatus,
} from '../../../../shared/src/volunteers/volunteers.schemas.js';
import { ageOn, foldName } from '../people/index.js';

/*
 * Pure rules about volunteers: availability, zones, review and status changes. No database,
 * no clock (today is passed in), so the tasks module and the tests can use them directly.
 */

/** A volunteer as the tasks module sees it when it assigns work. */
export interface AssignableVolunteer {
  id: string;
  userId: string | null;
  organizationId: string | null;
  givenName: string;
  familyName: string;
  phone: string;
  email: string | null;
  comuneCode: string;
  status: VolunteerStatus;
  hasCar: boolean;
  hasLicence: boolean;
  healthTraining: boolean;
  languages: string[];
  skills: string[];
  zones: string[];
  availability: AvailabilitySlot[];
  maxTasksPerDay: number;
  insuranceValidUntil: string | null;
}

// Volunteering for the help line is an adult's commitment (insurance and home visits).
export const MIN_VOLUNTEER_AGE = 18;

const DAY_NAMES = ['lunedi', 'martedi', 'mercoledi', 'giovedi', 'venerdi', 'sabato', 'domenica'] as const;
export const DAY_LABELS = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'] as const;

/** ISO weekday of a calendar date: Monday = 1 … Sunday = 7. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return ((day + 6) % 7) + 1;
}

/**
 * Whether the weekly availability covers `date` (and the time window, if given).
 * With `from` and `to` one slot must contain the whole window; with only one of them, that
 * instant must fall inside a slot; with neither, any slot on that weekday is enough.
 * An empty availability means "not declared" and is never available: the coordinator can
 * still assign by hand, but automatic dispatch must not guess.
 */
export function isAvailableAt(
  v: Pick<AssignableVolunteer, 'availability'>,
  date: string,
  from?: string,
  to?: string,
): boolean {
  const day = isoWeekday(date);
  return v.availability.some((slot) => {
    if (slot.day !== day) return false;
    if (from !== undefined && to !== undefined) return slot.from <= from && to <= slot.to;
    if (from !== undefined) return slot.from <= from && from < slot.to;
    if (to !== undefined) return slot.from < to && to <= slot.to;
    return true;
  });
}

/** Whether the volunteer works in a comune: the declared zones, or only the home comune when none are declared. */
export function coversComune(
  v: Pick<AssignableVolunteer, 'zones' | 'comuneCode'>,
  comuneCode: string,
): boolean {
  return v.zones.length === 0 ? v.comuneCode === comuneCode : v.zones.includes(comuneCode);
}

/** Whether the volunteer's insurance is valid on `date` (no date recorded = not insured). */
export function isInsuredOn(v: Pick<AssignableVolunteer, 'insuranceValidUntil'>, date: string): boolean {
  return v.insuranceValidUntil !== null && v.insuranceValidUntil >= date;
}

/**
 * Checks and tidies weekly slots: from before to, slots of the same day merged when they
 * overlap or touch, sorted by day and time.
 * @throws 422 AVAILABILITY_INVALID naming the day at fault.
 */
export function normalizeAvailability(slots: readonly AvailabilitySlot[]): AvailabilitySlot[] {
  for (const slot of slots) {
    if (slot.from >= slot.to) {
      throw invalid(
        'AVAILABILITY_INVALID',
        `Disponibilità di ${DAY_NAMES[slot.day - 1] ?? 'giorno ' + slot.day}: l’ora di fine (${slot.to}) deve essere dopo l’ora di inizio (${slot.from}).`,
        { field: 'availability' },
      );
    }
  }
  const sorted = [...slots].sort((a, b) => a.day - b.day || a.from.localeCompare(b.from));
  const merged: AvailabilitySlot[] = [];
  for (const slot of sorted) {
    const last = merged.at(-1);
    if (last && last.day === slot.day && slot.from <= last.to) {
      if (slot.to > last.to) last.to = slot.to;
    } else {
      merged.push({ day: slot.day, from: slot.from, to: slot.to });
    }
  }
  return merged;
}

function dayOf(token: string): number | null {
  const t = foldName(token).replace(/\.$/, '');
  if (t.length < 3) return null;
  const index = DAY_NAMES.findIndex((name) => name.startsWith(t));
  return index === -1 ? null : index + 1;
}

function timeOf(token: string, end: boolean): string | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(token.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (minutes > 59 || hours > 24 || (hours === 24 && (minutes > 0 || !end))) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Splits "lun - ven, sab" into ["lun-ven", "sab"]: ranges glued, lists and "e" dropped. */
function words(part: string): string[] {
  return part
    .replace(/\s*[-–]\s*/g, '-')
    .split(/[\s,/]+/)
    .filter((w) => w && w.toLowerCase() !== 'e');
}

/**
 * Reads availability written by a person: `"lun 9-12; mer 14-18"`, `"lun-ven 9-12"`,
 * `"sab 9:30-12, 15-18"`, `"martedì e giovedì 14.30-17"`. Entries are separated by `;` or a new line.
 * @throws 422 AVAILABILITY_TEXT quoting the entry that could not be read.
 */
export function parseAvailabilityText(text: string): AvailabilitySlot[] {
  const slots: AvailabilitySlot[] = [];
  for (const raw of text.split(/[;\n]/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const firstDigit = entry.search(/\d/);
    if (firstDigit <= 0) {
      throw invalid('AVAILABILITY_TEXT', `«${entry}»: indica il giorno e l’orario, per esempio «lun 9-12».`);
    }
    const days = new Set<number>();
    for (const piece of words(entry.slice(0, firstDigit))) {
      const [a, b, ...rest] = piece.split('-');
      const start = a ? dayOf(a) : null;
      const finish = b === undefined ? start : dayOf(b);
      if (start === null || finish === null || rest.length > 0 || finish < start) {
        throw invalid(
          'AVAILABILITY_TEXT',
          `«${entry}»: giorno non riconosciuto (usa lun, mar, mer, gio, ven, sab, dom).`,
        );
      }
      for (let d = start; d <= finish; d++) days.add(d);
    }
    for (const range of words(entry.slice(firstDigit))) {
      const [a, b, ...rest] = range.split('-');
      const from = a === undefined ? null : timeOf(a, false);
      const to = b === undefined ? null : timeOf(b, true);
      if (from === null || to === null || rest.length > 0) {
        throw invalid(
          'AVAILABILITY_TEXT',
          `«${entry}»: orario non valido (scrivi per esempio 9-12 oppure 14:30-18).`,
        );
      }
      if (from >= to) {
        throw invalid('AVAILABILITY_TEXT', `«${entry}»: l’ora di fine deve essere dopo l’ora di inizio.`);
      }
      for (const day of days) slots.push({ day, from, to });
    }
  }
  return normalizeAvailability(slots);
}

/** Availability back into the text form of the import file, e.g. `"lun 09:00-12:00; mer 14:00-18:00"`. */
export function formatAvailability(slots: readonly AvailabilitySlot[]): string {
  return slots.map((s) => `${DAY_LABELS[s.day - 1]} ${s.from}-${s.to}`).join('; ');
}

/** Trimmed, without blanks or case-insensitive repeats, in the order given. */
export function normalizeTags(values: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values ?? []) {
    const tag = value.trim().replace(/\s+/g, ' ');
    const key = foldName(tag);
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** @throws 422 VOLUNTEER_TOO_YOUNG under 18, or the birth-date errors of people. */
export function validateVolunteerAge(birthDate: string, today: string): void {
  if (birthDate > today || ageOn(birthDate, today) > 120) {
    throw invalid('BIRTH_DATE_IMPLAUSIBLE', 'La data di nascita non è plausibile: verificala.', {
      field: 'birthDate',
    });
  }
  if (ageOn(birthDate, today) < MIN_VOLUNTEER_AGE) {
    throw invalid(
      'VOLUNTEER_TOO_YOUNG',
      `Per fare il volontario occorre avere almeno ${MIN_VOLUNTEER_AGE} anni.`,
      {
        field: 'birthDate',
      },
    );
  }
}

/** @throws 422 when a decision to reject comes without a reason; @returns the trimmed reason or null. */
export function reviewReason(
  decision: 'approve' | 'reject',
  reason: string | null | undefined,
): string | null {
  const trimmed = reason?.trim() ?? '';
  if (decision === 'reject' && !trimmed) {
    throw invalid(
      'REVIEW_REASON_REQUIRED',
      'Per rifiutare una disponibilità scrivi la motivazione: la persona ha diritto di conoscerla.',
      {
        field: 'reason',
      },
    );
  }
  return trimmed || null;
}

/** Only offers waiting for review can be approved or rejected. */
export function canReview(status: VolunteerStatus): boolean {
  return status === 'offered';
}

/** Approved and suspended volunteers are managed; offers go through review, rejected ones stay closed. */
export function canUpdate(status: VolunteerStatus): boolean {
  return status === 'approved' || status === 'suspended';
}

/** What the service stores about a volunteer, whichever way they arrived (offer, registration, import). */
export interface VolunteerProfile {
  givenName: string;
  familyName: string;
  codiceFiscale: string | null;
  birthDate: string | null;
  phone: string;
  email: string | null;
  comuneCode: string;
  hasCar: boolean;
  hasLicence: boolean;
  languages: string[];
  skills: string[];
  zones: string[];
  neighbourhoods: string[];
  availability: AvailabilitySlot[];
  maxTasksPerDay: number;
  insuranceValidUntil: string | null;
  healthTraining: boolean;
  notes: string | null;
}

export const DEFAULT_MAX_TASKS_PER_DAY = 5;

/** "si", "sì", "x", "1", "vero" … → true; "no", "0", blank … → false; anything else → null. */
export function parseYesNo(value: string): boolean | null {
  const v = foldName(value);
  if (['si', 's', 'yes', 'y', 'x', '1', 'vero', 'true'].includes(v)) return true;
  if (['', 'no', 'n', '0', 'falso', 'false'].includes(v)) return false;
  return null;
}
