import type { AvailabilitySlot, Volunteer } from '../../../../shared/src/volunteers/volunteers.schemas';

/** What a volunteer can do, when and where, as the form holds it (tags as typed text). */
export interface ProfileValues {
  hasCar: boolean;
  hasLicence: boolean;
  languages: string;
  skills: string;
  availability: AvailabilitySlot[];
  zones: string[];
  neighbourhoods: string;
  maxTasksPerDay: string;
  notes: string;
}

export const emptyProfile = (): ProfileValues => ({
  hasCar: false,
  hasLicence: false,
  languages: '',
  skills: '',
  availability: [],
  zones: [],
  neighbourhoods: '',
  maxTasksPerDay: '',
  notes: '',
});

export function profileOf(v: Volunteer): ProfileValues {
  return {
    hasCar: v.hasCar,
    hasLicence: v.hasLicence,
    languages: v.languages.join(', '),
    skills: v.skills.join(', '),
    availability: v.availability,
    zones: v.zones,
    neighbourhoods: v.neighbourhoods.join(', '),
    maxTasksPerDay: String(v.maxTasksPerDay),
    notes: v.notes ?? '',
  };
}

/** "spesa, farmaci;  computer" → ["spesa", "farmaci", "computer"] (commas or semicolons). */
export function splitTags(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * The profile fields of an offer, a registration or an update. A blank maximum is left out
 * (the server's default applies); anything else that is not a whole number is sent as typed,
 * so the server names the field.
 */
export function toProfileBody(values: ProfileValues) {
  const max = values.maxTasksPerDay.trim();
  return {
    hasCar: values.hasCar,
    hasLicence: values.hasLicence,
    languages: splitTags(values.languages),
    skills: splitTags(values.skills),
    availability: values.availability.filter((slot) => slot.from && slot.to),
    zones: values.zones,
    neighbourhoods: splitTags(values.neighbourhoods),
    ...(max ? { maxTasksPerDay: /^\d+$/.test(max) ? Number(max) : (max as unknown as number) } : {}),
    notes: values.notes.trim() || null,
  };
}

/** Adds a slot to a day, after its last one (09:00–12:00 for the first). */
export function addSlot(slots: AvailabilitySlot[], day: number): AvailabilitySlot[] {
  const last = slots.filter((s) => s.day === day).at(-1);
  const next = last
    ? {
        day,
        from: last.to === '24:00' ? '20:00' : last.to,
        to: last.to === '24:00' ? '24:00' : laterBy(last.to, 3),
      }
    : { day, from: '09:00', to: '12:00' };
  return [...slots, next];
}

function laterBy(time: string, hours: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = Math.min(h + hours, 24);
  return total >= 24 ? '24:00' : `${String(total).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
