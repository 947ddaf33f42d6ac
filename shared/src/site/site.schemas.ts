import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** The help line citizens call: shown in large type on the public home. */
export const Helpline = Type.Object({
  phone: Type.String(),
  hours: Type.String(),
  /** True for the demo's made-up number: the page says it cannot be called. */
  demo: Type.Boolean(),
});
export type Helpline = Static<typeof Helpline>;

/** What the public pages need to know about this installation; the same for everyone, no personal data. */
export const SiteInfo = Type.Object({
  helpline: Nullable(Helpline),
  /** Where to write about personal data, accessibility and the service (privacy, statement). */
  contactEmail: Nullable(Type.String()),
  /** Demo data and demo logins are on: the login page lists the demo accounts. */
  demoAccounts: Type.Boolean(),
  /** Citizens can log in with SPID or CIE (OpenID Connect configured). */
  spidCie: Type.Boolean(),
});
export type SiteInfo = Static<typeof SiteInfo>;
