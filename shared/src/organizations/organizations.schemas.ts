import { Type, type Static } from 'typebox';
import { NonBlank, Trimmed, IstatCode, Uuid } from '../common/common.schemas.js';

export const ORGANIZATION_KINDS = [
  'comune',
  'ambito',
  'association',
  'social_cooperative',
  'foundation',
  'company',
  'health_authority',
] as const;
export const OrganizationKind = Type.Enum(ORGANIZATION_KINDS);
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const Organization = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: OrganizationKind,
  ambitoId: Type.Union([Type.String(), Type.Null()]),
  comuneCode: Type.Union([IstatCode, Type.Null()]),
  taxCode: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  membersCount: Type.Integer(),
});
export type Organization = Static<typeof Organization>;

export const CreateOrganizationBody = Type.Object(
  {
    name: NonBlank({ minLength: 2, maxLength: 160 }),
    kind: OrganizationKind,
    ambitoId: Type.Union([NonBlank({ maxLength: 40 }), Type.Null()]),
    comuneCode: Type.Union([IstatCode, Type.Null()]),
    taxCode: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{11}$|^[A-Z0-9]{16}$' }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Trimmed({ maxLength: 30 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>;

export const OrganizationsQuery = Type.Object({
  kind: Type.Optional(OrganizationKind),
  ambito: Type.Optional(Trimmed({ maxLength: 40 })),
  q: Type.Optional(Trimmed({ maxLength: 80 })),
});
