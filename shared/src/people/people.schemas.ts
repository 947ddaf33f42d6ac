import { Type, type Static } from 'typebox';
import { NonBlank, Trimmed, IsoDate, IstatCode, PageQuery, Uuid } from '../common/common.schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const HOUSEHOLD_RELATIONS = [
  'intestatario',
  'coniuge',
  'figlio',
  'genitore',
  'altro_parente',
  'convivente',
] as const;
export const HouseholdRelation = Type.Enum(HOUSEHOLD_RELATIONS);

/** How the consent to the processing of personal data was given. */
export const CONSENT_METHODS = ['phone', 'in_person', 'written', 'online'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

const personFields = {
  codiceFiscale: Nullable(NonBlank({ maxLength: 20 })),
  givenName: NonBlank({ maxLength: 80 }),
  familyName: NonBlank({ maxLength: 80 }),
  birthDate: IsoDate,
  sex: Type.Union([Type.Literal('M'), Type.Literal('F')]),
  birthPlace: Type.Optional(Nullable(Trimmed({ maxLength: 80 }))),
  comuneCode: IstatCode,
  address: Type.Optional(Nullable(Trimmed({ maxLength: 200 }))),
  neighbourhood: Type.Optional(Nullable(Trimmed({ maxLength: 80 }))),
  latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  phone: Type.Optional(Nullable(Trimmed({ maxLength: 30, pattern: '^[+0-9 ./()-]*$' }))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
  disability: Type.Optional(Type.Boolean()),
  livesAlone: Type.Optional(Type.Boolean()),
  covidPositive: Type.Optional(Type.Boolean()),
  knownToSocialServices: Type.Optional(Type.Boolean()),
  consentPrivacy: Type.Optional(Type.Boolean()),
  consentContact: Type.Optional(Type.Boolean()),
  /** How the privacy consent was given, when it is given now (kept while it stays given). */
  consentMethod: Type.Optional(Nullable(Type.Enum(CONSENT_METHODS))),
  /** Set after the operator has seen the possible duplicates and confirms this is someone else. */
  confirmNotDuplicate: Type.Optional(Type.Boolean()),
};

export const PersonInput = Type.Object(personFields, { additionalProperties: false });
export type PersonInput = Static<typeof PersonInput>;

/** The whole record again, with the version that was read: a stale version is refused. */
export const UpdatePersonBody = Type.Object(
  { ...personFields, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type UpdatePersonBody = Static<typeof UpdatePersonBody>;

export const HouseholdMember = Type.Object({
  id: Uuid,
  givenName: Type.String(),
  familyName: Type.String(),
  birthDate: IsoDate,
  relation: Nullable(HouseholdRelation),
});

export const Household = Type.Object({
  id: Uuid,
  comuneCode: IstatCode,
  address: Type.String(),
  members: Type.Array(HouseholdMember),
});
export type Household = Static<typeof Household>;

export const Person = Type.Object({
  id: Uuid,
  codiceFiscale: Nullable(Type.String()),
  givenName: Type.String(),
  familyName: Type.String(),
  birthDate: IsoDate,
  age: Type.Integer(),
  sex: Type.Union([Type.Literal('M'), Type.Literal('F')]),
  birthPlace: Nullable(Type.String()),
  comuneCode: IstatCode,
  comuneName: Type.String(),
  address: Nullable(Type.String()),
  neighbourhood: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  householdId: Nullable(Uuid),
  householdRelation: Nullable(HouseholdRelation),
  fragility: Type.Object({
    over65: Type.Boolean(),
    livesAlone: Type.Boolean(),
    // Health and social-services markers are left out for roles that may not see them.
    disability: Type.Optional(Type.Boolean()),
    covidPositive: Type.Optional(Type.Boolean()),
    knownToSocialServices: Type.Optional(Type.Boolean()),
  }),
  consentPrivacy: Type.Boolean(),
  consentContact: Type.Boolean(),
  /** Who recorded the privacy consent, when and how; null while it has not been given. */
  consentRecord: Nullable(
    Type.Object({
      method: Nullable(Type.Enum(CONSENT_METHODS)),
      recordedAt: Nullable(Type.String()),
      recordedBy: Nullable(Type.String()),
    }),
  ),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  abilities: Type.Object({ update: Type.Boolean(), readSensitive: Type.Boolean() }),
});
export type Person = Static<typeof Person>;

export const PersonWithHousehold = Type.Intersect([Person, Type.Object({ household: Nullable(Household) })]);
export type PersonWithHousehold = Static<typeof PersonWithHousehold>;

export const PeopleQuery = Type.Object({
  q: Type.Optional(Trimmed({ maxLength: 80 })),
  comune: Type.Optional(IstatCode),
  ...PageQuery,
});

export const PeoplePage = Type.Object({ items: Type.Array(Person), total: Type.Integer() });
export type PeoplePage = Static<typeof PeoplePage>;

export const DuplicatesQuery = Type.Object({
  codiceFiscale: Type.Optional(Trimmed({ maxLength: 20 })),
  givenName: Type.Optional(Trimmed({ maxLength: 80 })),
  familyName: Type.Optional(Trimmed({ maxLength: 80 })),
  birthDate: Type.Optional(IsoDate),
  excludeId: Type.Optional(Uuid),
});

export const CreateHouseholdBody = Type.Object(
  { comuneCode: IstatCode, address: NonBlank({ minLength: 3, maxLength: 200 }) },
  { additionalProperties: false },
);
export type CreateHouseholdBody = Static<typeof CreateHouseholdBody>;

export const SetHouseholdBody = Type.Object(
  {
    householdId: Nullable(Uuid),
    relation: Nullable(HouseholdRelation),
    /** Creates a new household at this address, in the person's comune, and puts the person in it. */
    newHouseholdAddress: Type.Optional(NonBlank({ minLength: 3, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type SetHouseholdBody = Static<typeof SetHouseholdBody>;

/** A citizen's own contact details from their registry record, to fill in their forms. */
export const OwnContact = Type.Object({ phone: Type.Union([Type.String(), Type.Null()]) });
export type OwnContact = Static<typeof OwnContact>;
