import { Type, type Static } from 'typebox';
import { Trimmed, PageQuery } from '../common/common.schemas.js';

export const AuditEventView = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorEmail: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorRoles: Type.Array(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  comuneCode: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEventView = Static<typeof AuditEventView>;

export const AuditQuery = Type.Object({
  entityType: Type.Optional(Trimmed({ maxLength: 40 })),
  entityId: Type.Optional(Trimmed({ maxLength: 80 })),
  actor: Type.Optional(Trimmed({ maxLength: 200, description: 'email or name, or part of either' })),
  action: Type.Optional(Trimmed({ maxLength: 60 })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  ...PageQuery,
});
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditPage = Type.Object({ items: Type.Array(AuditEventView), total: Type.Integer() });
export type AuditPage = Static<typeof AuditPage>;
