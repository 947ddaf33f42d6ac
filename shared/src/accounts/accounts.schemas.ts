import { Type, type Static } from 'typebox';
import { NonBlank, Uuid } from '../common/common.schemas.js';
import { ROLES, type Role } from './capabilities.js';

export const RoleName = Type.Enum(ROLES);
export type RoleName = Role;

export const LoginBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const ScopeType = Type.Union([Type.Literal('all'), Type.Literal('ambito'), Type.Literal('comune')]);

export const MembershipInput = Type.Object(
  {
    organizationId: Type.Union([Uuid, Type.Null()]),
    role: RoleName,
    scopeType: ScopeType,
    scopeId: Type.Union([NonBlank({ maxLength: 40 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type MembershipInput = Static<typeof MembershipInput>;

export const Membership = Type.Object({
  organizationId: Type.Union([Uuid, Type.Null()]),
  organizationName: Type.Union([Type.String(), Type.Null()]),
  role: RoleName,
  scopeType: ScopeType,
  scopeId: Type.Union([Type.String(), Type.Null()]),
});
export type Membership = Static<typeof Membership>;

/** What the web app needs about the logged-in user; capabilities drive which menus it shows. */
export const Me = Type.Object({
  id: Uuid,
  email: Type.String(),
  fullName: Type.String(),
  locale: Type.Union([Type.Literal('it'), Type.Literal('en')]),
  personId: Type.Union([Uuid, Type.Null()]),
  mustChangePassword: Type.Boolean(),
  roles: Type.Array(RoleName),
  memberships: Type.Array(Membership),
  capabilities: Type.Array(Type.String()),
  csrfToken: Type.String(),
});
export type Me = Static<typeof Me>;

export const CreateUserBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 200 }),
    fullName: NonBlank({ minLength: 2, maxLength: 120 }),
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
    memberships: Type.Array(MembershipInput, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const User = Type.Object({
  id: Uuid,
  email: Type.String(),
  fullName: Type.String(),
  isActive: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  memberships: Type.Array(Membership),
});
export type User = Static<typeof User>;

export const CreatedUser = Type.Object({
  user: User,
  temporaryPassword: Type.Union([Type.String(), Type.Null()]),
});

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 10, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
