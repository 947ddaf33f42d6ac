import { Type, type Static } from 'typebox';
import { NonBlank, Trimmed, IsoDate, IstatCode, PageQuery, Uuid } from '../common/common.schemas.js';
import {
  ImportAccepted,
  ImportProgressFields,
  ImportReportQuery,
  ImportRowFields,
} from '../imports/imports.schemas.js';

/*
 * Volunteers of CremonAiuta (seed 000): the members of the ~24 associations and the citizens who
 * offered help on their own (over 350 offers). Shared by the server (validation, OpenAPI) and the web app.
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const VOLUNTEER_STATUSES = ['offered', 'approved', 'rejected', 'suspended'] as const;
export const VolunteerStatus = Type.Enum(VOLUNTEER_STATUSES);
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

const StartTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });
// An evening slot may end at midnight, written 24:00.
const EndTime = Type.String({
  pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$',
  description: 'HH:MM (24:00 = mezzanotte)',
});

/** One weekly slot: day 1 = Monday … 7 = Sunday, from < to, times of day in Europe/Rome. */
export const AvailabilitySlot = Type.Object(
  {
    day: Type.Integer({ minimum: 1, maximum: 7, description: '1 = lunedì … 7 = domenica' }),
    from: StartTime,
    to: EndTime,
  },
  { additionalProperties: false },
);
export type AvailabilitySlot = Static<typeof AvailabilitySlot>;

const Phone = NonBlank({ minLength: 5, maxLength: 30, pattern: '^[+0-9 ./()-]*$' });
const Email = Type.String({ format: 'email', maxLength: 200 });
const Tag = NonBlank({ maxLength: 60 });

/** What a volunteer can do, when and where: shared by the offer, the direct registration and the update. */
const profileFields = {
  hasCar: Type.Optional(Type.Boolean({ description: 'Ha un’auto a disposizione' })),
  hasLicence: Type.Optional(Type.Boolean({ description: 'Ha la patente di guida' })),
  languages: Type.Optional(
    Type.Array(Tag, { maxItems: 20, description: 'Lingue parlate oltre all’italiano' }),
  ),
  skills: Type.Optional(Type.Array(Tag, { maxItems: 30, description: 'Altre competenze' })),
  availability: Type.Optional(Type.Array(AvailabilitySlot, { maxItems: 50 })),
  zones: Type.Optional(
    Type.Array(IstatCode, {
      maxItems: 120,
      description: 'Comuni in cui è disponibile; vuoto = solo il comune di residenza',
    }),
  ),
  neighbourhoods: Type.Optional(
    Type.Array(Tag, { maxItems: 30, description: 'Quartieri preferiti (facoltativo)' }),
  ),
  maxTasksPerDay: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  notes: Type.Optional(Nullable(Trimmed({ maxLength: 1000 }))),
};

const identityFields = {
  givenName: NonBlank({ maxLength: 80 }),
  familyName: NonBlank({ maxLength: 80 }),
  phone: Phone,
  email: Type.Optional(Nullable(Email)),
  comuneCode: IstatCode,
  codiceFiscale: Type.Optional(Nullable(NonBlank({ maxLength: 20 }))),
  birthDate: Type.Optional(Nullable(IsoDate)),
  sex: Type.Optional(Nullable(Type.Enum(['M', 'F']))),
};

/** The public offer form: a citizen offers to help, without an account. */
export const VolunteerOfferBody = Type.Object(
  {
    ...identityFields,
    ...profileFields,
    consentPrivacy: Type.Boolean({ description: 'Consenso al trattamento dei dati personali: obbligatorio' }),
  },
  { additionalProperties: false },
);
export type VolunteerOfferBody = Static<typeof VolunteerOfferBody>;

export const VolunteerOfferReceipt = Type.Object({
  id: Uuid,
  status: VolunteerStatus,
  message: Type.String(),
});
export type VolunteerOfferReceipt = Static<typeof VolunteerOfferReceipt>;

/** A coordinator registers a volunteer of the organisation directly (approved at once). */
export const CreateVolunteerBody = Type.Object(
  {
    ...identityFields,
    ...profileFields,
    organizationId: Type.Optional(Nullable(Uuid)),
    insuranceValidUntil: Type.Optional(Nullable(IsoDate)),
    healthTraining: Type.Optional(Type.Boolean()),
    consentPrivacy: Type.Boolean({
      description: 'Il coordinatore attesta di aver raccolto il consenso privacy',
    }),
  },
  { additionalProperties: false },
);
export type CreateVolunteerBody = Static<typeof CreateVolunteerBody>;

/** Only the fields sent change. Status moves only between approved and suspended here. */
export const UpdateVolunteerBody = Type.Object(
  {
    ...profileFields,
    phone: Type.Optional(Phone),
    email: Type.Optional(Nullable(Email)),
    insuranceValidUntil: Type.Optional(Nullable(IsoDate)),
    healthTraining: Type.Optional(Type.Boolean()),
    status: Type.Optional(Type.Enum(['approved', 'suspended'])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateVolunteerBody = Static<typeof UpdateVolunteerBody>;

export const ReviewVolunteerBody = Type.Object(
  {
    decision: Type.Enum(['approve', 'reject']),
    reason: Type.Optional(Nullable(Trimmed({ maxLength: 500, description: 'Obbligatoria per il rifiuto' }))),
    // Affiliation on approval: one of the coordinator's organisations, or null for an individual volunteer.
    organizationId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export type ReviewVolunteerBody = Static<typeof ReviewVolunteerBody>;

export const Volunteer = Type.Object({
  id: Uuid,
  userId: Nullable(Uuid),
  organizationId: Nullable(Uuid),
  organizationName: Nullable(Type.String()),
  givenName: Type.String(),
  familyName: Type.String(),
  codiceFiscale: Nullable(Type.String()),
  birthDate: Nullable(IsoDate),
  phone: Type.String(),
  email: Nullable(Type.String()),
  comuneCode: IstatCode,
  comuneName: Type.String(),
  status: VolunteerStatus,
  hasCar: Type.Boolean(),
  hasLicence: Type.Boolean(),
  languages: Type.Array(Type.String()),
  skills: Type.Array(Type.String()),
  zones: Type.Array(IstatCode),
  neighbourhoods: Type.Array(Type.String()),
  availability: Type.Array(AvailabilitySlot),
  maxTasksPerDay: Type.Integer(),
  insuranceValidUntil: Nullable(IsoDate),
  healthTraining: Type.Boolean(),
  consentPrivacy: Type.Boolean(),
  notes: Nullable(Type.String()),
  reviewReason: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  abilities: Type.Object({ review: Type.Boolean(), update: Type.Boolean() }),
});
export type Volunteer = Static<typeof Volunteer>;

export const VolunteersQuery = Type.Object({
  status: Type.Optional(VolunteerStatus),
  organizationId: Type.Optional(
    Type.String({
      pattern: '^(none|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$',
      description: 'Id dell’organizzazione, oppure «none» per i volontari individuali',
    }),
  ),
  comune: Type.Optional(IstatCode),
  q: Type.Optional(Trimmed({ maxLength: 80, description: 'Nome, telefono o codice fiscale' })),
  ...PageQuery,
});
export type VolunteersQuery = Static<typeof VolunteersQuery>;

export const VolunteersPage = Type.Object({ items: Type.Array(Volunteer), total: Type.Integer() });
export type VolunteersPage = Static<typeof VolunteersPage>;

export { IMPORT_CONTENT_TYPES } from '../imports/imports.schemas.js';

export const VolunteerImportQuery = Type.Object({
  organizationId: Type.Optional(Uuid),
});

export const VolunteerImportAccepted = ImportAccepted;
export type VolunteerImportAccepted = ImportAccepted;

export const VolunteerImportReportQuery = ImportReportQuery;

export const VolunteerImportRow = Type.Object({ ...ImportRowFields, volunteerId: Nullable(Uuid) });
export type VolunteerImportRow = Static<typeof VolunteerImportRow>;

export const VolunteerImportReport = Type.Object({
  ...ImportProgressFields,
  organizationId: Nullable(Uuid),
  rows: Type.Array(VolunteerImportRow),
});
export type VolunteerImportReport = Static<typeof VolunteerImportReport>;
