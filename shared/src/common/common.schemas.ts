import { Type, type Static } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IstatCode = Type.String({
  pattern: '^[0-9]{6}$',
  description: 'Codice ISTAT del comune (6 cifre)',
});
export const IsoDate = Type.String({ format: 'date' });

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
});
export type ErrorResponse = Static<typeof ErrorResponse>;

export const IdParams = Type.Object({ id: Uuid });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};
